import { describe, expect, it } from 'vitest';
import { isLoopback, readConnectorEnvironment, StartupError } from './environment.js';

// Every start-up problem of `npm run connector` is one line naming the variable to change.

const gigya = { GIGYA_API_KEY: '3_key', GIGYA_USER_KEY: 'AKuser', GIGYA_SECRET: 'GX98IPy4pUedr7Gkj2U4ODKXRxGVpqOp' };

function problemOf(env: NodeJS.ProcessEnv): string {
  try {
    readConnectorEnvironment(env);
  } catch (error) {
    expect(error).toBeInstanceOf(StartupError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a start-up problem');
}

describe('the connector environment', () => {
  it('defaults to loopback, port 4200, no token, no integration', () => {
    expect(readConnectorEnvironment({})).toEqual({
      host: '127.0.0.1',
      port: 4200,
      dbPath: '.data/connector.db',
      access: { adminToken: undefined, boundAddress: '127.0.0.1', allowedHosts: [] },
      initialIntegration: undefined,
    });
  });

  it.each(['abc', '-1', '65536', '42.5'])('names CONNECTOR_PORT for %s', (value) => {
    expect(problemOf({ CONNECTOR_PORT: value })).toMatch(/^CONNECTOR_PORT must be a port number/);
  });

  it.each(['0.0.0.0', '::', '192.168.1.20', 'connector.example'])('refuses to bind %s without an admin token, saying how to set one or opt in', (host) => {
    const problem = problemOf({ CONNECTOR_HOST: host });
    expect(problem).toContain(`CONNECTOR_HOST=${host}`);
    expect(problem).toContain('set CONNECTOR_ADMIN_TOKEN');
    expect(problem).toContain('CONNECTOR_ALLOW_OPEN=true');
  });

  it('binds beyond loopback with a token or an explicit opt-in', () => {
    expect(readConnectorEnvironment({ CONNECTOR_HOST: '0.0.0.0', CONNECTOR_ADMIN_TOKEN: 'tok-123456789' }).access.adminToken).toBe('tok-123456789');
    expect(readConnectorEnvironment({ CONNECTOR_HOST: '0.0.0.0', CONNECTOR_ALLOW_OPEN: 'true' }).access.adminToken).toBeUndefined();
  });

  it('names CONNECTOR_ALLOW_OPEN for a value that is not true or false', () => {
    expect(problemOf({ CONNECTOR_ALLOW_OPEN: 'yes' })).toMatch(/^CONNECTOR_ALLOW_OPEN must be true or false/);
  });

  it('names CONNECTOR_ADMIN_TOKEN when it could not travel in a header, without printing it', () => {
    const problem = problemOf({ CONNECTOR_ADMIN_TOKEN: 'has a space' });
    expect(problem).toMatch(/^CONNECTOR_ADMIN_TOKEN must be/);
    expect(problem).not.toContain('has a space');
  });

  it('reads CONNECTOR_ALLOWED_HOSTS as a comma-separated list', () => {
    expect(readConnectorEnvironment({ CONNECTOR_ALLOWED_HOSTS: ' connector, lab.example.com ,,' }).access.allowedHosts).toEqual(['connector', 'lab.example.com']);
  });

  it.each([
    [{ GIGYA_SETUP: 'nope' }, 'GIGYA_SETUP: '],
    [{ GIGYA_DATA_CENTER: 'mars1' }, 'GIGYA_DATA_CENTER: '],
    [{ GIGYA_BASE_URL: 'not a url' }, 'GIGYA_BASE_URL: '],
    [{ GIGYA_SECRET: 'not base64!' }, 'GIGYA_SECRET: '],
    [{ GIGYA_USER_KEY: '' }, 'GIGYA_USER_KEY: '],
  ])('names the GIGYA_* variable of an invalid setting (%o), never its value', (bad, name) => {
    const problem = problemOf({ ...gigya, ...bad });
    expect(problem).toContain(name);
    expect(problem).not.toContain(gigya.GIGYA_SECRET);
    expect(problem).not.toContain('not base64!');
  });

  it('hands valid GIGYA_* settings on', () => {
    expect(readConnectorEnvironment({ ...gigya, GIGYA_SETUP: 'custom' }).initialIntegration).toMatchObject({ enabled: true, apiKey: '3_key', setup: 'custom', dataCenter: 'us1' });
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.1', 'localhost.example'].some(isLoopback)).toBe(false);
  });
});
