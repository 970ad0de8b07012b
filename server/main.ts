import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createFakeGigya } from './app.js';
import { FaultRegistry } from './faults/registry.js';
import { WebhookDeliverer } from './webhooks/deliverer.js';
import { cliEnvironment, CliError, cliFlags, helpText, parseCli, settingName } from './cliOptions.js';
import { baseUrlsOf, expectedHosts } from './hostNames.js';
import { httpServerOptions } from './httpServerOptions.js';
import { filesBesideDatabase } from './network/caFiles.js';
import type { CertificateAuthority } from './network/certificateAuthority.js';
import { createGigyaServers } from './network/gigyaServers.js';
import { prepareTls } from './network/prepareTls.js';
import { randomIds, systemClock } from './protocol/ids.js';
import { loadSeedFile } from './seed/loadSeed.js';
import { ensureDemoSite, type DemoSite } from './sites/demoSite.js';
import { openStore, type Store } from './store/index.js';

async function main(): Promise<void> {
  let options;
  try {
    options = parseCli(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(`fake-gigya cannot start: ${error.message}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(helpText());
    return;
  }

  let store: Store;
  let demo: DemoSite;
  // Each step that can fail on the user's input says which setting to look at, in one line.
  const fail = (what: string, error: unknown): never => {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
    console.error(`fake-gigya cannot start: ${what}: ${reason}`);
    process.exit(1);
  };
  try {
    store = openStore({ file: options.db, journalMaxEntries: options.journalMax });
  } catch (error) {
    return fail(`cannot open the database ${options.db}, set by ${settingName('db')}`, error);
  }
  try {
    demo = ensureDemoSite(store, randomIds, systemClock, options.demo);
  } catch (error) {
    return fail(`cannot set up the demo site (${cliEnvironment.apiKey}, ${cliEnvironment.userKey})`, error);
  }
  if (options.seed) {
    try {
      const seeded = loadSeedFile(store, randomIds, systemClock, options.seed);
      console.log(`Seeded ${seeded.sites} site(s) and ${seeded.accounts} account(s) from ${options.seed}`);
    } catch (error) {
      return fail(`cannot load the seed ${options.seed}, set by ${settingName('seed')}`, error);
    }
  }
  let authority: CertificateAuthority | undefined;
  // The admin API answers only for these Host names; clients that sign the URL they call sign one of these.
  const hosts = expectedHosts([options.host, ...options.allowedHosts]);
  let publicBaseUrls: readonly string[] = [];
  // Webhook notifications go out from this process; the outbox in the store survives a restart.
  const faults = new FaultRegistry({ clock: systemClock });
  const webhooks = new WebhookDeliverer({ store, clock: systemClock, faults });
  const app = createFakeGigya({
    store,
    faults,
    webhooks,
    adminToken: options.adminToken,
    allowedHosts: hosts,
    publicBaseUrls: () => publicBaseUrls,
    certificateAuthorityPem: () => authority?.certificatePem ?? null,
  });
  const servers = createGigyaServers(app.fetch, { serverOptions: httpServerOptions() });
  const server = servers.http;

  // A port already taken (or not ours to bind) is a user's mistake: one line, not a stack trace.
  const listen = (target: typeof server | typeof servers.https, port: number, flag: 'port' | 'https-port') =>
    new Promise<AddressInfo>((resolve) => {
      const onListenError = (error: NodeJS.ErrnoException) => {
        const where = `${options.host}:${port}`;
        const choose = `choose another port with --${flag} or ${cliFlags[flag].env}`;
        const reason =
          error.code === 'EADDRINUSE'
            ? `${where} is already in use; ${choose}`
            : error.code === 'EACCES'
              ? `no permission to listen on ${where}; ${choose}`
              : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
                ? `${options.host} is not an address of this machine; choose another with --host or FAKE_GIGYA_HOST`
                : `cannot listen on ${where} (--host/FAKE_GIGYA_HOST, --${flag}/${cliFlags[flag].env}): ${error.message}`;
        console.error(`fake-gigya cannot start: ${reason}`);
        store.close();
        process.exit(1);
      };
      target.once('error', onListenError);
      target.listen(port, options.host, () => {
        target.off('error', onListenError);
        resolve(target.address() as AddressInfo);
      });
    });
  // The CA and the certificate come once the port answers (prepareTls.ts says why), except
  // when the TLS port needs them, or when the CA files are still to be written: clients
  // waiting for a healthy fake (docker-compose) then find the CA file already there.
  const caFiles = options.ca ?? filesBesideDatabase(options.db);
  const prepare = () => prepareTls(caFiles, [options.host, ...options.allowedHosts]);
  const eager = options.httpsPort !== undefined || (caFiles !== null && !existsSync(caFiles.certificateFile));
  const early = eager ? await prepare().then((prepared) => ({ prepared }), (error: unknown) => ({ error })) : undefined;
  const info = await listen(server, options.port, 'port');
  const tlsReady = early === undefined ? prepare() : 'prepared' in early ? Promise.resolve(early.prepared) : Promise.reject(early.error);
  const urlHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  const baseUrl = `http://${urlHost}:${info.port}`;
  publicBaseUrls = baseUrlsOf(hosts, info.port);
  console.log(`fake-gigya listening on ${baseUrl}`);
  // Delivery starts once the port answers: receivers may call back (getJWTPublicKey, getAccountInfo).
  webhooks.start();
  console.log(`  database  ${options.db}`);
  console.log(`  demo site apiKey=${demo.apiKey}`);
  console.log(`            userKey=${demo.userKey}`);
  console.log(`            secret=${demo.secret ?? `(as given in FAKE_GIGYA_SECRET)`}`);
  console.log(`  inspector ${baseUrl}/__admin/ui`);
  console.log(`  admin answers for the hosts ${hosts.join(', ')}${options.adminToken === undefined ? ' (no admin token)' : ''}`);

  // Handlers first: a SIGTERM while the certificate is still being made must shut down cleanly too.
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    // An attempt cut short here is not recorded, so it is sent again after the next start.
    const delivering = webhooks.stop();
    // Stop accepting, let in-flight requests finish, then commit what is queued: no write is lost.
    servers.httpsIfMade?.close();
    servers.httpsIfMade?.closeIdleConnections();
    server.close(() => {
      void delivering.then(() => {
        store.close();
        console.log(`fake-gigya stopped (${signal})`);
        process.exit(0);
      });
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(() => {
      store.close();
      process.exit(0);
    }, 5000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  try {
    const prepared = await tlsReady;
    authority = prepared.authority;
    servers.useCredentials(prepared.tls);
  } catch (error) {
    servers.failCredentials('no certificate authority');
    return fail(`cannot set up the certificate authority, set by ${settingName('ca-cert')} and ${settingName('ca-key')}`, error);
  }
  const caWhere = authority.certificateFile === null ? 'in memory' : `${authority.certificateFile}${authority.created ? ' (created now)' : ''}`;
  console.log(`  CA        ${caWhere}; also at ${baseUrl}/__admin/ca.pem — clients trust it (NODE_EXTRA_CA_CERTS, a truststore)`);
  console.log(`  proxy     HTTPS_PROXY=${baseUrl} reaches Gigya's hosts here, and nothing else`);
  if (options.httpsPort !== undefined) {
    const tlsInfo = await listen(servers.https, options.httpsPort, 'https-port');
    publicBaseUrls = [...publicBaseUrls, ...baseUrlsOf(hosts, tlsInfo.port, 'https')];
    console.log(`  https     https://${urlHost}:${tlsInfo.port} (as *.us1.gigya.com, … and ${urlHost})`);
  }
}

void main();
