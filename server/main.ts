import { serve } from '@hono/node-server';
import { createFakeGigya } from './app.js';
import { FaultRegistry } from './faults/registry.js';
import { WebhookDeliverer } from './webhooks/deliverer.js';
import { cliEnvironment, CliError, helpText, parseCli, settingName } from './cliOptions.js';
import { baseUrlsOf, expectedHosts } from './hostNames.js';
import { httpServerOptions } from './httpServerOptions.js';
import { randomIds, systemClock } from './protocol/ids.js';
import { loadSeedFile } from './seed/loadSeed.js';
import { ensureDemoSite, type DemoSite } from './sites/demoSite.js';
import { openStore, type Store } from './store/index.js';

function main(): void {
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
  // The admin API answers only for these Host names; clients that sign the URL they call sign one of these.
  const hosts = expectedHosts([options.host, ...options.allowedHosts]);
  let publicBaseUrls: readonly string[] = [];
  // Webhook notifications go out from this process; the outbox in the store survives a restart.
  const faults = new FaultRegistry({ clock: systemClock });
  const webhooks = new WebhookDeliverer({ store, clock: systemClock, faults });
  const app = createFakeGigya({ store, faults, webhooks, adminToken: options.adminToken, allowedHosts: hosts, publicBaseUrls: () => publicBaseUrls });
  const serverOptions = httpServerOptions();
  const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port, serverOptions }, (info) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    const baseUrl = `http://${host}:${info.port}`;
    publicBaseUrls = baseUrlsOf(hosts, info.port);
    console.log(`fake-gigya listening on ${baseUrl}`);
    webhooks.start();
    console.log(`  database  ${options.ephemeral ? ':memory: (ephemeral: everything is lost when it stops)' : options.db}`);
    console.log(`  demo site apiKey=${demo.apiKey}`);
    console.log(`            userKey=${demo.userKey}`);
    console.log(`            secret=${demo.secret ?? `(as given in FAKE_GIGYA_SECRET)`}`);
    console.log(`  inspector ${baseUrl}/__admin/ui`);
    console.log(`  admin answers for the hosts ${hosts.join(', ')}${options.adminToken === undefined ? ' (no admin token)' : ''}`);
  });

  // A port already taken (or not ours to bind) is a user's mistake: one line, not a stack trace.
  const onListenError = (error: NodeJS.ErrnoException) => {
    const where = `${options.host}:${options.port}`;
    const reason =
      error.code === 'EADDRINUSE'
        ? `${where} is already in use; choose another port with --port or FAKE_GIGYA_PORT`
        : error.code === 'EACCES'
          ? `no permission to listen on ${where}; choose another port with --port or FAKE_GIGYA_PORT`
          : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
            ? `${options.host} is not an address of this machine; choose another with --host or FAKE_GIGYA_HOST`
            : `cannot listen on ${where} (--host/FAKE_GIGYA_HOST, --port/FAKE_GIGYA_PORT): ${error.message}`;
    console.error(`fake-gigya cannot start: ${reason}`);
    store.close();
    process.exit(1);
  };
  server.once('error', onListenError);
  server.once('listening', () => server.off('error', onListenError));

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    // An attempt cut short here is not recorded, so it is sent again after the next start.
    void webhooks.stop();
    // Stop accepting, let in-flight requests finish, then commit what is queued: no write is lost.
    server.close(() => {
      store.close();
      console.log(`fake-gigya stopped (${signal})`);
      process.exit(0);
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(() => {
      store.close();
      process.exit(0);
    }, 5000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main();
