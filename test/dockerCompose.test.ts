import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readConnectorEnvironment } from '../connector/service/environment.js';
import { cliEnvironment, cliFlags, parseCli } from '../server/cliOptions.js';
import { gigyaHostName } from '../server/network/dataCenterHosts.js';
import { randomIds, systemClock } from '../server/protocol/ids.js';
import { loadSeedFile } from '../server/seed/loadSeed.js';
import { ensureDemoSite } from '../server/sites/demoSite.js';
import { openStore } from '../server/store/index.js';
import { captureOutput, listeningUrl, runToExit } from '../server/testing/childProcesses.js';

// Docker cannot run here: this test keeps docker-compose.yml and the Dockerfile from drifting
// away from the CLIs they start (env names, ports, commands, mounts, health checks), and runs each
// service's command and health check outside Docker, in a directory laid out as the image is.

const root = new URL('../', import.meta.url);
const rootPath = fileURLToPath(root);
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
  healthcheck?: { test: string[] };
  sysctls?: Record<string, string>;
  networks?: Record<string, { aliases?: string[] }>;
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

/** The connector's own sources, tests left out: what it reads from the environment is in there. */
const connectorSources = (readdirSync(new URL('connector/', root), { recursive: true, encoding: 'utf8' }) as string[])
  .filter((path) => /\.tsx?$/.test(path) && !path.includes('.test.'))
  .map((path) => read(`connector/${path}`))
  .join('\n');

/**
 * Who may reach a container that listens on all its interfaces: set, whatever the services make
 * of them; and what Node itself reads (the CA the connector trusts).
 */
const connectorAccessNames = ['CONNECTOR_ADMIN_TOKEN', 'CONNECTOR_ALLOW_OPEN', 'CONNECTOR_ALLOWED_HOSTS', 'NODE_EXTRA_CA_CERTS'];

/** What each of the lab's services listens on, and where its health answers. */
const ownServices = {
  'fake-gigya': { hostVariable: 'FAKE_GIGYA_HOST', portVariable: 'FAKE_GIGYA_PORT', healthPath: '/__admin/health' },
  connector: { hostVariable: 'CONNECTOR_HOST', portVariable: 'CONNECTOR_PORT', healthPath: '/health' },
} as const;

describe('docker-compose.yml: fake-gigya', () => {
  const fakeEnv = env('fake-gigya');
  const known = new Set<string>([...Object.values(cliFlags).map((flag) => flag.env), ...Object.values(cliEnvironment)]);

  it('uses only environment names the CLI reads', () => {
    expect(Object.keys(fakeEnv).filter((name) => !known.has(name))).toEqual([]);
  });

  it('is accepted by the CLI parser, listening on all interfaces inside the container, open to the connector by name', () => {
    const options = parseCli([], Object.fromEntries(Object.entries(fakeEnv).map(([name, value]) => [name, interpolate(value)])));
    expect(options.host).toBe('0.0.0.0');
    expect(options.adminToken).toBeUndefined();
    expect(options.allowOpenAdmin).toBe(true);
    expect(options.allowedHosts).toContain('fake-gigya');
    expect(options.demo).toEqual({ apiKey: fakeEnv.FAKE_GIGYA_API_KEY, userKey: fakeEnv.FAKE_GIGYA_USER_KEY, secret: fakeEnv.FAKE_GIGYA_SECRET });
  });

  it('publishes the port the CLI listens on, its default 4100, on the host\'s loopback only', () => {
    expect(fakeEnv.FAKE_GIGYA_PORT ?? cliFlags.port.default).toBe(cliFlags.port.default);
    expect(cliFlags.port.default).toBe('4100');
    expect(service('fake-gigya').ports).toEqual(['127.0.0.1:4100:4100']);
  });

  it('runs the package bin', () => {
    const command = service('fake-gigya').command!;
    expect(command).toEqual(['node', 'bin/fake-gigya.js']);
    const pkg = JSON.parse(read('package.json')) as { bin: Record<string, string> };
    expect(pkg.bin['fake-gigya']).toBe(`./${command[1]}`);
  });

  it('keeps its SQLite file on a named volume', () => {
    const mount = mountOf('fake-gigya', fakeEnv.FAKE_GIGYA_DB!);
    expect(mount).toBeDefined();
    expect(Object.keys(compose.volumes)).toContain(mount![0]);
  });

  it("answers as every data center's Gigya hosts on 443 inside the compose network", () => {
    const options = parseCli([], Object.fromEntries(Object.entries(fakeEnv).map(([name, value]) => [name, interpolate(value)])));
    expect(options.httpsPort).toBe(443);
    // The image's user is not root: 443 is bindable only with unprivileged ports opened in the container.
    expect(Number(service('fake-gigya').sysctls?.['net.ipv4.ip_unprivileged_port_start'])).toBeLessThanOrEqual(443);
    const aliases = service('fake-gigya').networks?.default?.aliases ?? [];
    for (const dataCenter of ['us1', 'eu1', 'eu2', 'au1', 'global', 'cn1']) {
      for (const namespace of ['accounts', 'socialize']) expect(aliases).toContain(gigyaHostName(namespace, dataCenter));
    }
  });

  it('keeps the CA key on its own volume and shares only the certificate', () => {
    const options = parseCli([], Object.fromEntries(Object.entries(fakeEnv).map(([name, value]) => [name, interpolate(value)])));
    const certificateMount = mountOf('fake-gigya', options.ca!.certificateFile)!;
    const keyMount = mountOf('fake-gigya', options.ca!.keyFile)!;
    expect(Object.keys(compose.volumes)).toContain(certificateMount[0]);
    expect(keyMount[0]).toBe(mountOf('fake-gigya', fakeEnv.FAKE_GIGYA_DB!)![0]);
    expect(keyMount[0]).not.toBe(certificateMount[0]);
    expect((service('connector').volumes ?? []).some((volume) => volume.startsWith(`${keyMount[0]}:`))).toBe(false);
  });

  it('mounts a seed that loads onto the demo site of the fixed credentials', () => {
    const store = openStore({ file: ':memory:' });
    ensureDemoSite(store, randomIds, systemClock, { apiKey: fakeEnv.FAKE_GIGYA_API_KEY, userKey: fakeEnv.FAKE_GIGYA_USER_KEY, secret: fakeEnv.FAKE_GIGYA_SECRET });
    expect(loadSeedFile(store, randomIds, systemClock, seedOnHost())).toMatchObject({ sites: 0, accounts: 2 });
    expect(store.accounts.count(fakeEnv.FAKE_GIGYA_API_KEY!)).toBe(2);
    store.close();
  });
});

/** The host file mounted where FAKE_GIGYA_SEED points inside the container. */
function seedOnHost(): string {
  const seedPath = env('fake-gigya').FAKE_GIGYA_SEED!;
  const [source, target] = mountOf('fake-gigya', seedPath)!;
  const hostFile = new URL(`${source.replace(/^\.\//, '')}/${seedPath.slice(target.length + 1)}`, root);
  expect(existsSync(hostFile)).toBe(true);
  return fileURLToPath(hostFile);
}

describe('docker-compose.yml: connector', () => {
  const connectorEnv = env('connector');
  const fakeEnv = env('fake-gigya');

  it('uses only environment names the connector reads, besides who may reach it', () => {
    const unread = Object.keys(connectorEnv).filter((name) => !connectorAccessNames.includes(name) && !connectorSources.includes(name));
    expect(unread).toEqual([]);
  });

  it('opts in to listening on all interfaces, guarded by CONNECTOR_ADMIN_TOKEN when the shell sets one', () => {
    expect(connectorEnv.CONNECTOR_ALLOW_OPEN).toBe('true');
    expect(connectorEnv.CONNECTOR_ADMIN_TOKEN).toBe('${CONNECTOR_ADMIN_TOKEN:-}');
  });

  it('listens on all interfaces on the port it publishes, 4200, on the host\'s loopback only', () => {
    expect(connectorEnv.CONNECTOR_HOST).toBe('0.0.0.0');
    expect(containerPorts('connector')).toEqual([connectorEnv.CONNECTOR_PORT]);
    expect(connectorEnv.CONNECTOR_PORT).toBe('4200');
    expect(service('connector').ports).toEqual(['127.0.0.1:4200:4200']);
  });

  it("calls Gigya's production URL, no override, trusting the fake's CA from the shared volume", () => {
    const read = readConnectorEnvironment(Object.fromEntries(Object.entries(connectorEnv).map(([name, value]) => [name, interpolate(value)])));
    expect(read.initialIntegration).toMatchObject({ dataCenter: 'us1' });
    expect(read.initialIntegration!.baseUrl).toBeUndefined();
    expect(service('fake-gigya').networks?.default?.aliases).toContain(gigyaHostName('accounts', connectorEnv.GIGYA_DATA_CENTER!));
    expect(connectorEnv.NODE_EXTRA_CA_CERTS).toBe(fakeEnv.FAKE_GIGYA_CA_CERT);
    const [volume, target] = mountOf('fake-gigya', fakeEnv.FAKE_GIGYA_CA_CERT!)!;
    expect(service('connector').volumes).toContain(`${volume}:${target}:ro`);
  });

  it('uses the demo site\'s credentials, and links the browser to the published inspector', () => {
    expect(connectorEnv.GIGYA_API_KEY).toBe(fakeEnv.FAKE_GIGYA_API_KEY);
    expect(connectorEnv.GIGYA_USER_KEY).toBe(fakeEnv.FAKE_GIGYA_USER_KEY);
    expect(connectorEnv.GIGYA_SECRET).toBe(fakeEnv.FAKE_GIGYA_SECRET);
    expect(service('connector').depends_on).toEqual({ 'fake-gigya': { condition: 'service_healthy' } });
    expect(connectorEnv.INSPECTOR_URL).toBe(`http://${service('fake-gigya').ports![0]!.split(':').slice(0, 2).join(':')}/__admin/ui`);
  });

  it('runs the compiled connector/main.ts, with its database on a named volume', () => {
    expect(service('connector').command).toEqual(['node', 'lib/connector/main.js']);
    expect((JSON.parse(read('tsconfig.build.json').replace(/^\s*\/\/.*$/gm, '')) as { files: string[] }).files).toContain('connector/main.ts');
    expect(Object.keys(compose.volumes)).toContain(mountOf('connector', connectorEnv.CONNECTOR_DB!)?.[0]);
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

describe('docker-compose.yml: health checks', () => {
  it('gives every service a check of its own: none relies on the image\'s', () => {
    for (const name of Object.keys(compose.services)) expect(service(name).healthcheck?.test, name).toBeDefined();
  });

  it.each(Object.entries(ownServices))('%s probes its own port and health path, with node alone', (name, { portVariable, healthPath }) => {
    const [kind, program, flag, script] = service(name).healthcheck!.test;
    expect([kind, program, flag]).toEqual(['CMD', 'node', '-e']);
    const target = /fetch\('http:\/\/127\.0\.0\.1:' \+ process\.env\.([A-Z_]+) \+ '([^']+)'\)/.exec(script!);
    expect(target?.slice(1)).toEqual([portVariable, healthPath]);
    expect(containerPorts(name)).toEqual([env(name)[portVariable]]);
  });

  it('probes the broker\'s public heartbeat on its port, and Postgres with its own user and database', () => {
    const broker = env('pact-broker');
    expect(broker.PACT_BROKER_PUBLIC_HEARTBEAT).toBe('true');
    expect(service('pact-broker').healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${broker.PACT_BROKER_PORT}/diagnostic/status/heartbeat`);
    const database = env('pact-broker-db');
    expect(service('pact-broker-db').healthcheck!.test).toEqual(['CMD-SHELL', `pg_isready -U ${database.POSTGRES_USER} -d ${database.POSTGRES_DB}`]);
  });

  it('publishes every port on the host\'s loopback only', () => {
    const published = Object.values(compose.services).flatMap((each) => each.ports ?? []);
    expect(published.filter((mapping) => !mapping.startsWith('127.0.0.1:'))).toEqual([]);
  });
});

/** The Dockerfile's stages: name → instruction lines (continuations joined). */
function dockerStages(): Map<string, string[]> {
  const stages = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of read('Dockerfile').replace(/\\\n\s*/g, ' ').split('\n')) {
    const from = /^FROM \S+(?: AS (\S+))?/.exec(line);
    if (from) stages.set(from[1] ?? 'final', (current = [line]));
    else if (line.trim() !== '' && !line.startsWith('#')) current.push(line);
  }
  return stages;
}

interface Copy {
  from?: string;
  source: string;
  target: string;
}
/** One entry per source of every `COPY [--from=stage] [--chown=owner] source... target`. */
const copies = (lines: string[]): Copy[] =>
  lines.flatMap((line) => {
    if (!line.startsWith('COPY ')) return [];
    const words = line.split(/\s+/).slice(1);
    const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length);
    const paths = words.filter((word) => !word.startsWith('--'));
    const target = paths.pop()!;
    return paths.map((source) => (from === undefined ? { source, target } : { from, source, target }));
  });

describe('Dockerfile', () => {
  const stages = dockerStages();
  const final = stages.get('final')!;

  it('runs on node:20-slim as a non-root user', () => {
    expect(final[0]).toBe('FROM node:20-slim');
    const user = final.find((line) => line.startsWith('USER '))?.split(' ')[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
  });

  it('checks its health on /__admin/health with node alone, on the CLI\'s port', () => {
    expect(final.join('\n')).toMatch(/HEALTHCHECK[^\n]*"node", "-e", "fetch\([^"]*\/__admin\/health/);
    expect(final).toContain(`EXPOSE ${cliFlags.port.default}`);
    expect(final.join(' ')).toContain(`FAKE_GIGYA_PORT=${cliFlags.port.default}`);
  });

  it('starts the same command as the fake-gigya service', () => {
    expect(final).toContain(`CMD ${JSON.stringify(service('fake-gigya').command).replaceAll(',', ', ')}`);
  });

  it('holds only what runs: package.json, bin/, the compiled lib/ and the production dependencies', () => {
    expect(copies(final)).toEqual([
      { source: 'package.json', target: './' },
      { from: 'dependencies', source: '/app/node_modules', target: './node_modules' },
      { from: 'build', source: '/app/lib', target: './lib' },
      { source: 'bin', target: './bin' },
    ]);
    expect(stages.get('dependencies')).toContain('RUN npm ci --omit=dev && npm cache clean --force');
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(stages.get('build')).toContain(`RUN ${pkg.scripts['build:lib']}`);
  });

  it('is sent only the files its stages copy, no tests', () => {
    const admitted = read('.dockerignore').split('\n').filter((line) => line.startsWith('!')).map((line) => line.slice(1).replace(/\/$/, ''));
    const fromContext = [...stages.values()].flatMap((lines) => copies(lines)).filter((copy) => copy.from === undefined).map((copy) => copy.source.replace(/\/$/, ''));
    expect([...new Set(fromContext)].sort()).toEqual([...admitted].sort());
    expect(read('.dockerignore').split('\n')).toContain('**/*.test.ts');
  });
});

describe('each service run outside Docker, laid out as in the image, with the compose environment', () => {
  const work = mkdtempSync(join(tmpdir(), 'lab-compose-'));
  const app = join(work, 'app');
  const running: Array<ReturnType<typeof spawn>> = [];

  beforeAll(async () => {
    // The final stage's COPY lines: the context's files from here, the build stage's lib/ built
    // here, the dependencies stage's node_modules taken from here.
    mkdirSync(app);
    const built = await runToExit(process.execPath, ['scripts/buildPackage.mjs', join(app, 'lib')], { cwd: rootPath }, 180_000);
    expect(built.code, built.output).toBe(0);
    for (const copy of copies(dockerStages().get('final')!)) {
      if (copy.from === 'dependencies') symlinkSync(join(rootPath, 'node_modules'), join(app, copy.target), 'dir');
      else if (copy.from === undefined) cpSync(join(rootPath, copy.source), join(app, copy.target, copy.target === './' ? copy.source : ''), { recursive: true });
    }
  }, 240_000);

  afterAll(() => {
    for (const child of running) child.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  });

  /** The service's compose environment on a free loopback port, its files in the temporary directory. */
  async function environmentOf(name: keyof typeof ownServices, overrides: Record<string, string>): Promise<NodeJS.ProcessEnv> {
    const composed = Object.fromEntries(Object.entries(env(name)).map(([key, value]) => [key, interpolate(value)]));
    // Loopback instead of the container's 0.0.0.0: a test listens where only this machine reaches.
    const { hostVariable, portVariable } = ownServices[name];
    return { PATH: process.env.PATH, ...composed, [hostVariable]: '127.0.0.1', [portVariable]: String(await freePort()), ...overrides };
  }

  async function start(name: keyof typeof ownServices, environment: NodeJS.ProcessEnv): Promise<{ url: string; stop: () => Promise<string> }> {
    const [program, ...args] = service(name).command!;
    const child = spawn(program === 'node' ? process.execPath : program!, args, { cwd: app, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    running.push(child);
    const output = captureOutput(child);
    const url = await listeningUrl(child, output, 30_000);
    const stop = () =>
      new Promise<string>((done) => {
        child.once('exit', () => done(output.text));
        child.kill('SIGTERM');
      });
    return { url, stop };
  }

  const healthCheck = (name: keyof typeof ownServices, environment: NodeJS.ProcessEnv) => {
    const [, , flag, script] = service(name).healthcheck!.test;
    return runToExit(process.execPath, [flag!, script!], { env: environment }, 15_000);
  };

  it('fake-gigya and connector both start, each healthy by its own check, and unhealthy once stopped', async () => {
    const caFile = join(work, 'ca/fake-gigya-ca.pem');
    const fakeEnvironment = await environmentOf('fake-gigya', {
      FAKE_GIGYA_DB: join(work, 'data/fake-gigya.db'),
      FAKE_GIGYA_SEED: seedOnHost(),
      FAKE_GIGYA_HTTPS_PORT: String(await freePort()),
      FAKE_GIGYA_CA_CERT: caFile,
      FAKE_GIGYA_CA_KEY: join(work, 'data/fake-gigya-ca-key.pem'),
    });
    const fake = await start('fake-gigya', fakeEnvironment);
    expect(fake.url).toBe(`http://127.0.0.1:${fakeEnvironment.FAKE_GIGYA_PORT}`);
    expect((await healthCheck('fake-gigya', fakeEnvironment)).code).toBe(0);

    expect(existsSync(caFile)).toBe(true);
    // Outside Docker no alias resolves accounts.us1.gigya.com to the fake: its proxy port stands in for the network.
    const connectorEnvironment = await environmentOf('connector', { CONNECTOR_DB: join(work, 'data/connector.db'), NODE_EXTRA_CA_CERTS: caFile, HTTPS_PROXY: fake.url });
    const connector = await start('connector', connectorEnvironment);
    expect(connector.url).toBe(`http://127.0.0.1:${connectorEnvironment.CONNECTOR_PORT}`);
    expect((await healthCheck('connector', connectorEnvironment)).code).toBe(0);

    expect(await connector.stop()).toContain('Gigya Lite Registration enabled');
    expect((await healthCheck('connector', connectorEnvironment)).code).not.toBe(0);
    expect((await healthCheck('fake-gigya', fakeEnvironment)).code).toBe(0);
    expect(await fake.stop()).toContain('Seeded 0 site(s) and 2 account(s)');
    expect((await healthCheck('fake-gigya', fakeEnvironment)).code).not.toBe(0);
  }, 120_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
