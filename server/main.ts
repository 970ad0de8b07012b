import { serve } from '@hono/node-server';
import { createFakeGigya } from './app.js';
import { CliError, helpText, parseCli } from './cliOptions.js';
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
    console.error(error.message);
    process.exit(2);
  }
  if (options.help) {
    console.log(helpText());
    return;
  }

  let store: Store;
  let demo: DemoSite;
  try {
    store = openStore({ file: options.db, journalMaxEntries: options.journalMax });
    demo = ensureDemoSite(store, randomIds, systemClock, options.demo);
    if (options.seed) {
      const seeded = loadSeedFile(store, randomIds, systemClock, options.seed);
      console.log(`Seeded ${seeded.sites} site(s) and ${seeded.accounts} account(s) from ${options.seed}`);
    }
  } catch (error) {
    // A database that cannot be opened or a seed that does not load: say which, without a stack.
    console.error(`fake-gigya cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const app = createFakeGigya({ store, adminToken: options.adminToken });
  const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    const baseUrl = `http://${host}:${info.port}`;
    console.log(`fake-gigya listening on ${baseUrl}`);
    console.log(`  database  ${options.db}`);
    console.log(`  demo site apiKey=${demo.apiKey}`);
    console.log(`            userKey=${demo.userKey}`);
    console.log(`            secret=${demo.secret ?? `(as given in FAKE_GIGYA_SECRET)`}`);
    console.log(`  inspector ${baseUrl}/__admin/ui`);
  });

  // A port already taken (or not ours to bind) is a user's mistake: one line, not a stack trace.
  const onListenError = (error: NodeJS.ErrnoException) => {
    const where = `${options.host}:${options.port}`;
    const reason =
      error.code === 'EADDRINUSE'
        ? `${where} is already in use; choose another port with --port or FAKE_GIGYA_PORT`
        : error.code === 'EACCES'
          ? `no permission to listen on ${where}`
          : `cannot listen on ${where}: ${error.message}`;
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
