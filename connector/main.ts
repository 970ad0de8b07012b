import { serve } from '@hono/node-server';
import { createConnectorApp } from './service/app.js';
import type { IntegrationSettingsInput } from './settings/integration.js';
import { SettingsError } from './settings/fieldErrors.js';
import { openConnectorDatabase } from './store/database.js';

// `npm run connector`: environment → open the database → listen → resume the outbox.

const env = process.env;
const host = env.CONNECTOR_HOST ?? '127.0.0.1';
const port = Number(env.CONNECTOR_PORT ?? 4200);
const dbPath = env.CONNECTOR_DB ?? '.data/connector.db';

/**
 * GIGYA_* seed the integration settings when the database holds none yet: afterwards the
 * settings screen (PUT /settings/integrations/gigya-lite-registration) is the source of truth.
 */
function integrationFromEnvironment(): IntegrationSettingsInput | undefined {
  if (!env.GIGYA_API_KEY && !env.GIGYA_USER_KEY && !env.GIGYA_SECRET) return undefined;
  return {
    enabled: true,
    apiKey: env.GIGYA_API_KEY,
    userKey: env.GIGYA_USER_KEY,
    secret: env.GIGYA_SECRET,
    dataCenter: (env.GIGYA_DATA_CENTER ?? 'us1') as IntegrationSettingsInput['dataCenter'],
    baseUrl: env.GIGYA_BASE_URL ?? 'http://127.0.0.1:4100',
    setup: (env.GIGYA_SETUP ?? 'liteOnly') as IntegrationSettingsInput['setup'],
  };
}

try {
  const db = openConnectorDatabase(dbPath);
  const connector = createConnectorApp({
    db,
    initialIntegration: integrationFromEnvironment(),
    log: (message) => console.log(`[connector] ${message}`),
  });
  connector.outbox.start();
  const server = serve({ fetch: connector.app.fetch, hostname: host, port }, (info) => {
    const integration = connector.settings.integration();
    console.log(`[connector] listening on http://${host}:${info.port} (database ${dbPath})`);
    console.log(
      integration?.enabled
        ? `[connector] Gigya Lite Registration enabled: set-up ${integration.setup}, ${integration.baseUrl ?? `data center ${integration.dataCenter}`}`
        : '[connector] Gigya Lite Registration disabled: PUT /settings/integrations/gigya-lite-registration, or set GIGYA_API_KEY, GIGYA_USER_KEY and GIGYA_SECRET',
    );
  });
  // Listening fails after this block has run: a taken port is reported here, in one line.
  const onListenError = (error: NodeJS.ErrnoException): void => {
    const hint = error.code === 'EADDRINUSE' ? '; choose another port with CONNECTOR_PORT' : '';
    console.error(`[connector] cannot start: cannot listen on ${host}:${port}: ${error.code ?? error.message}${hint}`);
    process.exit(1);
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
  // SettingsError messages name fields, never values, so printing them is safe.
  console.error(`[connector] cannot start: ${error instanceof SettingsError ? error.message : String(error)}`);
  process.exit(1);
}
