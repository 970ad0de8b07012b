import { z } from 'zod';
import { SettingsError } from '../settings/fieldErrors.js';
import { parseIntegrationSettings, type IntegrationSettingsInput } from '../settings/integration.js';
import type { ConnectorAccess } from './app.js';

/** What `npm run connector` reads from its environment, checked before anything starts. */
export interface ConnectorEnvironment {
  host: string;
  port: number;
  dbPath: string;
  access: ConnectorAccess;
  /** GIGYA_*: the integration settings stored when the database holds none yet. */
  initialIntegration: IntegrationSettingsInput | undefined;
}

/** A start-up problem: one line that names the variable to change, never a secret's value. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** The integration setting each GIGYA_* variable gives. */
const gigyaVariables = {
  apiKey: 'GIGYA_API_KEY',
  userKey: 'GIGYA_USER_KEY',
  secret: 'GIGYA_SECRET',
  dataCenter: 'GIGYA_DATA_CENTER',
  baseUrl: 'GIGYA_BASE_URL',
  setup: 'GIGYA_SETUP',
} as const;

const portSchema = z.coerce.number().int().min(0).max(65_535);

/** Loopback addresses: only this machine reaches them. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

function gigyaSettings(env: NodeJS.ProcessEnv): IntegrationSettingsInput | undefined {
  if (!env.GIGYA_API_KEY && !env.GIGYA_USER_KEY && !env.GIGYA_SECRET) return undefined;
  const input = {
    enabled: true,
    apiKey: env.GIGYA_API_KEY,
    userKey: env.GIGYA_USER_KEY,
    secret: env.GIGYA_SECRET,
    dataCenter: env.GIGYA_DATA_CENTER ?? 'us1',
    // Set but empty: no override, Gigya's production URL for the data center (docker-compose.yml).
    baseUrl: env.GIGYA_BASE_URL === '' ? undefined : (env.GIGYA_BASE_URL ?? 'http://127.0.0.1:4100'),
    setup: env.GIGYA_SETUP ?? 'liteOnly',
  } as IntegrationSettingsInput;
  try {
    parseIntegrationSettings(input);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    // Field errors name the setting, never its value: safe to print, even for the secret.
    const problems = error.fieldErrors.map(({ field, message }) => `${gigyaVariables[field as keyof typeof gigyaVariables] ?? field}: ${message}`);
    throw new StartupError(problems.join('; '));
  }
  return input;
}

/**
 * Reads and checks the environment. Binding beyond loopback without an admin token is refused
 * unless CONNECTOR_ALLOW_OPEN=true says it is meant: the playground writes settings and the
 * API creates Gigya accounts, so an open port is an open door.
 */
export function readConnectorEnvironment(env: NodeJS.ProcessEnv): ConnectorEnvironment {
  const host = env.CONNECTOR_HOST?.trim() || '127.0.0.1';
  const port = portSchema.safeParse(env.CONNECTOR_PORT?.trim() || '4200');
  if (!port.success) throw new StartupError(`CONNECTOR_PORT must be a port number from 0 to 65535, not "${env.CONNECTOR_PORT}"`);
  const allowOpen = env.CONNECTOR_ALLOW_OPEN?.trim() ?? '';
  if (!['', 'true', 'false'].includes(allowOpen)) throw new StartupError(`CONNECTOR_ALLOW_OPEN must be true or false, not "${allowOpen}"`);
  const adminToken = env.CONNECTOR_ADMIN_TOKEN === undefined || env.CONNECTOR_ADMIN_TOKEN === '' ? undefined : env.CONNECTOR_ADMIN_TOKEN;
  if (adminToken !== undefined && !/^[\x21-\x7e]+$/.test(adminToken)) {
    throw new StartupError('CONNECTOR_ADMIN_TOKEN must be printable ASCII without spaces (it travels in an Authorization header)');
  }
  if (!isLoopback(host) && adminToken === undefined && allowOpen !== 'true') {
    throw new StartupError(
      `CONNECTOR_HOST=${host} reaches beyond this machine and CONNECTOR_ADMIN_TOKEN is not set: set CONNECTOR_ADMIN_TOKEN to a long random string, or CONNECTOR_ALLOW_OPEN=true to serve the network without one`,
    );
  }
  const allowedHosts = (env.CONNECTOR_ALLOWED_HOSTS ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');
  return {
    host,
    port: port.data,
    dbPath: env.CONNECTOR_DB?.trim() || '.data/connector.db',
    access: { adminToken, boundAddress: host, allowedHosts },
    initialIntegration: gigyaSettings(env),
  };
}
