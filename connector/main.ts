import { serve } from '@hono/node-server';
import { createConnectorApp } from './service/app.js';
import { readConnectorEnvironment, StartupError } from './service/environment.js';
import { lingerOnRefusedBodies } from './service/lingeringClose.js';
import { openConnectorDatabase, type ConnectorDatabase } from './store/database.js';

// `npm run connector`: environment → open the database → listen → resume the outbox.
// It reads CONNECTOR_HOST, CONNECTOR_PORT, CONNECTOR_DB, CONNECTOR_ADMIN_TOKEN,
// CONNECTOR_ALLOW_OPEN, CONNECTOR_ALLOWED_HOSTS, INSPECTOR_URL, and GIGYA_API_KEY,
// GIGYA_USER_KEY, GIGYA_SECRET, GIGYA_BASE_URL, GIGYA_DATA_CENTER, GIGYA_SETUP, which seed the
// integration settings on first start (then the settings screen is the source of truth).
// Every start-up problem is one line naming the variable to change (docs/connector.md).

function cannotStart(message: string): never {
  console.error(`[connector] cannot start: ${message}`);
  process.exit(1);
}

let config: ReturnType<typeof readConnectorEnvironment>;
try {
  config = readConnectorEnvironment(process.env);
} catch (error) {
  cannotStart(error instanceof StartupError ? error.message : String(error));
}
const { host, port, dbPath } = config;

let db: ConnectorDatabase;
try {
  db = openConnectorDatabase(dbPath);
} catch (error) {
  cannotStart(`CONNECTOR_DB=${dbPath} cannot be opened: ${error instanceof Error ? error.message : String(error)}`);
}

try {
  const connector = createConnectorApp({
    db,
    initialIntegration: config.initialIntegration,
    access: config.access,
    log: (message) => console.log(`[connector] ${message}`),
  });
  connector.outbox.start();
  const server = serve({ fetch: connector.app.fetch, hostname: host, port }, (info) => {
    const integration = connector.settings.integration();
    console.log(`[connector] listening on http://${host.includes(':') ? `[${host}]` : host}:${info.port} (database ${dbPath})`);
    if (config.access.adminToken !== undefined) console.log('[connector] admin token required: Authorization: Bearer <CONNECTOR_ADMIN_TOKEN>, or open /?token=<CONNECTOR_ADMIN_TOKEN> once in a browser');
    console.log(
      integration?.enabled
        ? `[connector] Gigya Lite Registration enabled: set-up ${integration.setup}, ${integration.baseUrl ?? `data center ${integration.dataCenter}`}`
        : '[connector] Gigya Lite Registration disabled: PUT /settings/integrations/gigya-lite-registration, or set GIGYA_API_KEY, GIGYA_USER_KEY and GIGYA_SECRET',
    );
  });
  lingerOnRefusedBodies(server);
  // Listening fails after this block has run: a taken port or an unknown address is reported here, in one line.
  const onListenError = (error: NodeJS.ErrnoException): void => {
    const hint = error.code === 'EADDRINUSE' ? '; choose another port with CONNECTOR_PORT' : '; check CONNECTOR_HOST';
    cannotStart(`cannot listen on ${host}:${port}: ${error.code ?? error.message}${hint}`);
  };
  server.once('error', onListenError);
  server.once('listening', () => server.off('error', onListenError));
  const shutdown = (): void => {
    server.close();
    void connector.close().then(() => {
      db.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  cannotStart(error instanceof Error ? error.message : String(error));
}
