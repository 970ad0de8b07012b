import { describe, expect, it } from 'vitest';
import { cliEnvironment, cliFlags, CliError, helpText, parseCli } from './cliOptions.js';

describe('parseCli', () => {
  it('uses the defaults when nothing is given', () => {
    expect(parseCli([], {})).toMatchObject({ host: '127.0.0.1', port: 4100, db: '.data/fake-gigya.db', seed: undefined, help: false });
  });

  it('lets the environment override the defaults', () => {
    const env = { FAKE_GIGYA_HOST: '0.0.0.0', FAKE_GIGYA_PORT: '5000', FAKE_GIGYA_DB: ':memory:', FAKE_GIGYA_SEED: 'seed.json', FAKE_GIGYA_ADMIN_TOKEN: 't' };
    expect(parseCli([], env)).toMatchObject({ host: '0.0.0.0', port: 5000, db: ':memory:', seed: 'seed.json' });
  });

  it('lets flags override the environment', () => {
    const env = { FAKE_GIGYA_HOST: '0.0.0.0', FAKE_GIGYA_PORT: '5000', FAKE_GIGYA_DB: 'env.db', FAKE_GIGYA_SEED: 'env.json', FAKE_GIGYA_ADMIN_TOKEN: 't' };
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

  it('answers a port that is not a number in one line naming --port and FAKE_GIGYA_PORT', () => {
    expect(() => parseCli(['--port', 'http'], {})).toThrow(CliError);
    expect(messageOf(() => parseCli(['--port', 'http'], {}))).toBe('Invalid --port (FAKE_GIGYA_PORT): "http" is not a whole number from 0 to 65535');
  });

  it('answers a port above 65535 in one line naming --port and FAKE_GIGYA_PORT', () => {
    expect(messageOf(() => parseCli([], { FAKE_GIGYA_PORT: '70000' }))).toBe('Invalid --port (FAKE_GIGYA_PORT): "70000" is not a whole number from 0 to 65535');
  });

  it('names --journal-max and FAKE_GIGYA_JOURNAL_MAX when the journal bound is not a number', () => {
    expect(messageOf(() => parseCli(['--journal-max', 'lots'], {}))).toMatch(/^Invalid --journal-max \(FAKE_GIGYA_JOURNAL_MAX\): "lots" is not a whole number/);
  });

  it('answers an unknown flag in one line pointing at --help', () => {
    const message = messageOf(() => parseCli(['--colour'], {}));
    expect(message).toMatch(/--colour.*; run fake-gigya --help for the options$/);
    expect(message).not.toContain('\n');
  });

  it('sets help with --help or -h', () => {
    expect(parseCli(['--help'], {}).help).toBe(true);
    expect(parseCli(['-h'], {}).help).toBe(true);
  });
});

describe('TLS and the CA', () => {
  it('takes --https-port or FAKE_GIGYA_HTTPS_PORT, none by default', () => {
    expect(parseCli([], {}).httpsPort).toBeUndefined();
    expect(parseCli(['--https-port', '4443'], {}).httpsPort).toBe(4443);
    expect(parseCli([], { FAKE_GIGYA_HTTPS_PORT: '0' }).httpsPort).toBe(0);
    expect(messageOf(() => parseCli(['--https-port', 'https'], {}))).toBe('Invalid --https-port (FAKE_GIGYA_HTTPS_PORT): "https" is not a whole number from 0 to 65535');
  });

  it('keeps the CA beside the database unless both --ca-cert and --ca-key are given', () => {
    expect(parseCli([], {}).ca).toBeUndefined();
    expect(parseCli(['--ca-cert', 'ca.pem'], { FAKE_GIGYA_CA_KEY: 'ca-key.pem' }).ca).toEqual({ certificateFile: 'ca.pem', keyFile: 'ca-key.pem' });
    expect(messageOf(() => parseCli(['--ca-cert', 'ca.pem'], {}))).toBe(
      '--ca-cert (FAKE_GIGYA_CA_CERT) and --ca-key (FAKE_GIGYA_CA_KEY) go together: give both, or neither to keep the CA beside --db (FAKE_GIGYA_DB)',
    );
    expect(messageOf(() => parseCli([], { FAKE_GIGYA_CA_KEY: 'ca-key.pem' }))).toContain('go together');
  });

  it('lists the TLS flags in --help', () => {
    for (const flag of ['--https-port', '--ca-cert', '--ca-key']) expect(helpText()).toContain(flag);
  });
});

describe('exposure', () => {
  it('refuses a non-loopback --host without an admin token, in one line saying how to set one or opt in', () => {
    const message = messageOf(() => parseCli(['--host', '0.0.0.0'], {}));
    expect(message).toContain('--host (FAKE_GIGYA_HOST) 0.0.0.0');
    expect(message).toContain('set FAKE_GIGYA_ADMIN_TOKEN');
    expect(message).toContain('--allow-open-admin (FAKE_GIGYA_ALLOW_OPEN_ADMIN=true)');
    expect(message).not.toContain('\n');
    expect(() => parseCli([], { FAKE_GIGYA_HOST: '192.168.1.20' })).toThrow(/FAKE_GIGYA_ADMIN_TOKEN/);
    expect(() => parseCli([], { FAKE_GIGYA_HOST: 'lab.example.com' })).toThrow(/FAKE_GIGYA_ADMIN_TOKEN/);
  });

  it('starts on a non-loopback --host with an admin token, --allow-open-admin or FAKE_GIGYA_ALLOW_OPEN_ADMIN=true', () => {
    expect(parseCli(['--host', '0.0.0.0'], { FAKE_GIGYA_ADMIN_TOKEN: 't' }).host).toBe('0.0.0.0');
    expect(parseCli(['--host', '0.0.0.0', '--allow-open-admin'], {}).allowOpenAdmin).toBe(true);
    expect(parseCli(['--host', '::'], { FAKE_GIGYA_ALLOW_OPEN_ADMIN: 'true' }).allowOpenAdmin).toBe(true);
  });

  it('needs neither on a loopback address', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', '[::1]', 'localhost']) expect(parseCli(['--host', host], {}).host).toBe(host);
  });

  it('names --allow-open-admin and its variable when the variable is not true or false', () => {
    expect(messageOf(() => parseCli([], { FAKE_GIGYA_ALLOW_OPEN_ADMIN: 'maybe' }))).toBe(
      'Invalid --allow-open-admin (FAKE_GIGYA_ALLOW_OPEN_ADMIN): "maybe" is not true or false',
    );
    expect(parseCli([], { FAKE_GIGYA_ALLOW_OPEN_ADMIN: 'false' }).allowOpenAdmin).toBe(false);
  });

  it('reads --allowed-hosts and FAKE_GIGYA_ALLOWED_HOSTS as a comma list, the flag winning', () => {
    expect(parseCli([], { FAKE_GIGYA_ALLOWED_HOSTS: 'fake-gigya, lab.internal' }).allowedHosts).toEqual(['fake-gigya', 'lab.internal']);
    expect(parseCli(['--allowed-hosts', 'flag.test'], { FAKE_GIGYA_ALLOWED_HOSTS: 'env.test' }).allowedHosts).toEqual(['flag.test']);
    expect(parseCli([], {}).allowedHosts).toEqual([]);
  });

  it('names --allowed-hosts and its variable when a name is not a host name', () => {
    expect(messageOf(() => parseCli(['--allowed-hosts', 'ok.test,http://evil/'], {}))).toMatch(/^Invalid --allowed-hosts \(FAKE_GIGYA_ALLOWED_HOSTS\): /);
  });
});

describe('ephemeral', () => {
  it('keeps everything in memory with --ephemeral, FAKE_GIGYA_EPHEMERAL=true or FAKE_GIGYA_DB=:memory:', () => {
    expect(parseCli(['--ephemeral'], {})).toMatchObject({ db: ':memory:', ephemeral: true });
    expect(parseCli([], { FAKE_GIGYA_EPHEMERAL: 'true' })).toMatchObject({ db: ':memory:', ephemeral: true });
    expect(parseCli([], { FAKE_GIGYA_DB: ':memory:' })).toMatchObject({ db: ':memory:', ephemeral: true });
    expect(parseCli(['--db', ':memory:', '--ephemeral'], {})).toMatchObject({ db: ':memory:', ephemeral: true });
  });

  it('stays on the file by default and with FAKE_GIGYA_EPHEMERAL=false', () => {
    expect(parseCli([], {})).toMatchObject({ db: '.data/fake-gigya.db', ephemeral: false });
    expect(parseCli([], { FAKE_GIGYA_EPHEMERAL: 'false' })).toMatchObject({ db: '.data/fake-gigya.db', ephemeral: false });
  });

  it('lets a flag win over the environment between --ephemeral and --db', () => {
    expect(parseCli(['--ephemeral'], { FAKE_GIGYA_DB: 'env.db' })).toMatchObject({ db: ':memory:', ephemeral: true });
    expect(parseCli(['--db', 'flag.db'], { FAKE_GIGYA_EPHEMERAL: 'true' })).toMatchObject({ db: 'flag.db', ephemeral: false });
  });

  it('refuses --ephemeral with a --db file given the same way, in one line naming both', () => {
    expect(messageOf(() => parseCli(['--ephemeral', '--db', 'x.db'], {}))).toBe(
      '--ephemeral (FAKE_GIGYA_EPHEMERAL) keeps everything in memory: it cannot be combined with --db (FAKE_GIGYA_DB) "x.db"',
    );
    expect(() => parseCli([], { FAKE_GIGYA_EPHEMERAL: '1', FAKE_GIGYA_DB: 'x.db' })).toThrow(CliError);
  });

  it('names --ephemeral and its variable when the variable is not true or false', () => {
    expect(messageOf(() => parseCli([], { FAKE_GIGYA_EPHEMERAL: 'yes' }))).toBe('Invalid --ephemeral (FAKE_GIGYA_EPHEMERAL): "yes" is not true or false');
  });

  it('says in --help when to use it', () => {
    expect(helpText()).toMatch(/--ephemeral\s+keep everything in memory.*CI jobs/);
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

  it('lists every alias and says where the seed format is documented', () => {
    const text = helpText();
    expect(text).toMatch(/--port, -p /);
    expect(text).toMatch(/--help, -h /);
    expect(text).toContain('--allowed-hosts');
    expect(text).toContain('--allow-open-admin');
    expect(text).toContain('Seed file format (--seed): docs/admin-api.md');
  });
});

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as Error).message;
  }
  throw new Error('expected a CliError');
}
