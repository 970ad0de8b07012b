import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cliEnvironment, cliFlags, parseCli } from '../server/cliOptions.js';
import { randomIds, systemClock } from '../server/protocol/ids.js';
import { loadSeedFile } from '../server/seed/loadSeed.js';
import { ensureDemoSite } from '../server/sites/demoSite.js';
import { openStore } from '../server/store/index.js';

// Docker cannot run here: this test keeps docker-compose.yml and the Dockerfile from drifting
// away from the CLIs they start (env names, ports, commands, mounts).

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  profiles?: string[];
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const service = (name: string): Service => {
  const found = compose.services[name];
  if (found === undefined) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};
const env = (name: string) => service(name).environment ?? {};
const containerPorts = (name: string) => (service(name).ports ?? []).map((mapping) => mapping.split(':').at(-1));
/** `${NAME:-default}` as compose reads it with NAME unset. */
const interpolate = (value: string) => value.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');

/** The mount that holds `path` inside the container, as [source, target]. */
function mountOf(name: string, path: string): [string, string] | undefined {
  return (service(name).volumes ?? [])
    .map((volume) => volume.split(':') as [string, string])
    .find(([, target]) => path.startsWith(`${target}/`));
}

// What connector/main.ts reads; its source is the authority.
const connectorEnvNames = ['CONNECTOR_HOST', 'CONNECTOR_PORT', 'CONNECTOR_DB', 'GIGYA_BASE_URL', 'GIGYA_API_KEY', 'GIGYA_USER_KEY', 'GIGYA_SECRET', 'GIGYA_DATA_CENTER', 'GIGYA_SETUP'];
const connectorMain = new URL('connector/main.ts', root);

describe('docker-compose.yml: fake-gigya', () => {
  const fakeEnv = env('fake-gigya');
  const known = new Set<string>([...Object.values(cliFlags).map((flag) => flag.env), ...Object.values(cliEnvironment)]);

  it('uses only environment names the CLI reads', () => {
    expect(Object.keys(fakeEnv).filter((name) => !known.has(name))).toEqual([]);
  });

  it('is accepted by the CLI parser, listening on all interfaces inside the container', () => {
    const options = parseCli([], Object.fromEntries(Object.entries(fakeEnv).map(([name, value]) => [name, interpolate(value)])));
    expect(options.host).toBe('0.0.0.0');
    expect(options.adminToken).toBeUndefined();
    expect(options.demo).toEqual({ apiKey: fakeEnv.FAKE_GIGYA_API_KEY, userKey: fakeEnv.FAKE_GIGYA_USER_KEY, secret: fakeEnv.FAKE_GIGYA_SECRET });
  });

  it('publishes the port the CLI listens on, its default 4100', () => {
    expect(fakeEnv.FAKE_GIGYA_PORT ?? cliFlags.port.default).toBe(cliFlags.port.default);
    expect(cliFlags.port.default).toBe('4100');
    expect(service('fake-gigya').ports).toEqual(['4100:4100']);
  });

  it('runs the package bin, which runs the CLI', () => {
    const command = service('fake-gigya').command!;
    expect(command).toEqual(['node', 'bin/fake-gigya.js']);
    const pkg = JSON.parse(read('package.json')) as { bin: Record<string, string> };
    expect(pkg.bin['fake-gigya']).toBe(`./${command[1]}`);
    expect(read(command[1]!)).toContain("import('../server/main.ts')");
  });

  it('keeps its SQLite file on a named volume', () => {
    const mount = mountOf('fake-gigya', fakeEnv.FAKE_GIGYA_DB!);
    expect(mount).toBeDefined();
    expect(Object.keys(compose.volumes)).toContain(mount![0]);
  });

  it('mounts a seed that loads onto the demo site of the fixed credentials', () => {
    const seedPath = fakeEnv.FAKE_GIGYA_SEED!;
    const [source, target] = mountOf('fake-gigya', seedPath)!;
    const hostFile = new URL(`${source.replace(/^\.\//, '')}/${seedPath.slice(target.length + 1)}`, root);
    expect(existsSync(hostFile)).toBe(true);
    const store = openStore({ file: ':memory:' });
    ensureDemoSite(store, randomIds, systemClock, { apiKey: fakeEnv.FAKE_GIGYA_API_KEY, userKey: fakeEnv.FAKE_GIGYA_USER_KEY, secret: fakeEnv.FAKE_GIGYA_SECRET });
    expect(loadSeedFile(store, randomIds, systemClock, hostFile.pathname)).toEqual({ sites: 0, accounts: 2 });
    expect(store.accounts.count(fakeEnv.FAKE_GIGYA_API_KEY!)).toBe(2);
    store.close();
  });
});

describe('docker-compose.yml: connector', () => {
  const connectorEnv = env('connector');
  const fakeEnv = env('fake-gigya');

  it('uses only environment names the connector reads', () => {
    const names = existsSync(connectorMain) ? Object.keys(connectorEnv).filter((name) => readFileSync(connectorMain, 'utf8').includes(name)) : Object.keys(connectorEnv).filter((name) => connectorEnvNames.includes(name));
    expect(names.sort()).toEqual(Object.keys(connectorEnv).sort());
  });

  it('listens on all interfaces on the port it publishes, 4200', () => {
    expect(connectorEnv.CONNECTOR_HOST).toBe('0.0.0.0');
    expect(containerPorts('connector')).toEqual([connectorEnv.CONNECTOR_PORT]);
    expect(connectorEnv.CONNECTOR_PORT).toBe('4200');
  });

  it('points at the fake-gigya service with the demo site\'s credentials', () => {
    expect(connectorEnv.GIGYA_BASE_URL).toBe(`http://fake-gigya:${fakeEnv.FAKE_GIGYA_PORT}`);
    expect(connectorEnv.GIGYA_API_KEY).toBe(fakeEnv.FAKE_GIGYA_API_KEY);
    expect(connectorEnv.GIGYA_USER_KEY).toBe(fakeEnv.FAKE_GIGYA_USER_KEY);
    expect(connectorEnv.GIGYA_SECRET).toBe(fakeEnv.FAKE_GIGYA_SECRET);
    expect(service('connector').depends_on).toEqual({ 'fake-gigya': { condition: 'service_healthy' } });
  });

  it('runs `npm run connector`, a script that runs connector/main.ts once it exists', () => {
    expect(service('connector').command).toEqual(['npm', 'run', 'connector']);
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    if (existsSync(connectorMain)) expect(scripts.connector).toContain('connector/main.ts');
    expect(mountOf('connector', connectorEnv.CONNECTOR_DB!)).toBeDefined();
  });
});

describe('docker-compose.yml: the broker profile', () => {
  it('runs the Pact Broker on its own Postgres, only with --profile broker', () => {
    const broker = service('pact-broker');
    const database = service('pact-broker-db');
    expect(broker.image).toBe('pactfoundation/pact-broker');
    expect(broker.profiles).toEqual(['broker']);
    expect(database.profiles).toEqual(['broker']);
    const url = new URL(broker.environment!.PACT_BROKER_DATABASE_URL!);
    expect(url.hostname).toBe('pact-broker-db');
    expect([url.username, url.password, url.pathname.slice(1)]).toEqual([
      database.environment!.POSTGRES_USER,
      database.environment!.POSTGRES_PASSWORD,
      database.environment!.POSTGRES_DB,
    ]);
    expect(containerPorts('pact-broker')).toEqual([broker.environment!.PACT_BROKER_PORT]);
    for (const name of ['fake-gigya', 'connector']) expect(service(name).profiles).toBeUndefined();
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('runs on node:20-slim as a non-root user', () => {
    expect(final).toMatch(/^\nFROM node:20-slim\n/);
    const user = /^USER (\S+)$/m.exec(final)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
  });

  it('checks its health on /__admin/health with node alone, on the CLI\'s port', () => {
    expect(final).toMatch(/HEALTHCHECK[\s\S]*"node", "-e", "fetch\([^"]*\/__admin\/health/);
    expect(final).toContain(`EXPOSE ${cliFlags.port.default}`);
    expect(final).toContain(`FAKE_GIGYA_PORT=${cliFlags.port.default}`);
  });

  it('starts the same command as the fake-gigya service', () => {
    expect(final).toContain(`CMD ${JSON.stringify(service('fake-gigya').command).replaceAll(',', ', ')}`);
  });
});
