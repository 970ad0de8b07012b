import { describe, expect, it } from 'vitest';
import { cliEnvironment, cliFlags, CliError, helpText, parseCli } from './cliOptions.js';

describe('parseCli', () => {
  it('uses the defaults when nothing is given', () => {
    expect(parseCli([], {})).toMatchObject({ host: '127.0.0.1', port: 4100, db: '.data/fake-gigya.db', seed: undefined, help: false });
  });

  it('lets the environment override the defaults', () => {
    const env = { FAKE_GIGYA_HOST: '0.0.0.0', FAKE_GIGYA_PORT: '5000', FAKE_GIGYA_DB: ':memory:', FAKE_GIGYA_SEED: 'seed.json' };
    expect(parseCli([], env)).toMatchObject({ host: '0.0.0.0', port: 5000, db: ':memory:', seed: 'seed.json' });
  });

  it('lets flags override the environment', () => {
    const env = { FAKE_GIGYA_HOST: '0.0.0.0', FAKE_GIGYA_PORT: '5000', FAKE_GIGYA_DB: 'env.db', FAKE_GIGYA_SEED: 'env.json' };
    const argv = ['--host', '::1', '--port', '6000', '--db', 'flag.db', '--seed', 'flag.json'];
    expect(parseCli(argv, env)).toMatchObject({ host: '::1', port: 6000, db: 'flag.db', seed: 'flag.json' });
  });

  it('takes -p for the port and 0 for a free one', () => {
    expect(parseCli(['-p', '0'], {}).port).toBe(0);
  });

  it('ignores an empty environment variable', () => {
    expect(parseCli([], { FAKE_GIGYA_PORT: '' }).port).toBe(4100);
  });

  it('reads the demo credentials and admin token from the environment only', () => {
    const env = { FAKE_GIGYA_API_KEY: '3_demo', FAKE_GIGYA_USER_KEY: 'AKdemo', FAKE_GIGYA_SECRET: 'c2VjcmV0', FAKE_GIGYA_ADMIN_TOKEN: 't' };
    expect(parseCli([], env)).toMatchObject({ demo: { apiKey: '3_demo', userKey: 'AKdemo', secret: 'c2VjcmV0' }, adminToken: 't' });
  });

  it('names the environment variable of a malformed demo credential', () => {
    expect(() => parseCli([], { FAKE_GIGYA_API_KEY: 'k' })).toThrow(/^Invalid FAKE_GIGYA_API_KEY: apiKey: 3–128 characters/);
    expect(() => parseCli([], { FAKE_GIGYA_USER_KEY: 'a key' })).toThrow(/^Invalid FAKE_GIGYA_USER_KEY/);
  });

  it('rejects a secret that is not Base64 without echoing it', () => {
    const secret = 'not base64 at all!';
    let message = '';
    try {
      parseCli([], { FAKE_GIGYA_SECRET: secret });
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid FAKE_GIGYA_SECRET: secret: Base64/);
    expect(message).not.toContain(secret);
  });

  it('answers a port that is not a number with a CliError', () => {
    expect(() => parseCli(['--port', 'http'], {})).toThrow(CliError);
  });

  it('answers a port above 65535 with a CliError', () => {
    expect(() => parseCli([], { FAKE_GIGYA_PORT: '70000' })).toThrow(CliError);
  });

  it('answers an unknown flag with a CliError pointing at --help', () => {
    expect(() => parseCli(['--colour'], {})).toThrow(/--help/);
  });

  it('sets help with --help or -h', () => {
    expect(parseCli(['--help'], {}).help).toBe(true);
    expect(parseCli(['-h'], {}).help).toBe(true);
  });
});

describe('helpText', () => {
  it('lists every environment variable', () => {
    const text = helpText();
    for (const name of [...Object.values(cliFlags).map((flag) => flag.env), ...Object.values(cliEnvironment)]) expect(text).toContain(name);
  });

  it('lists every flag with its default', () => {
    const text = helpText();
    expect(text).toContain('--port');
    expect(text).toContain('(default 4100)');
    expect(text).toContain('(default 127.0.0.1)');
    expect(text).toContain('--seed');
  });
});
