import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { Outbox } from '../participations/outbox.js';
import { Pusher } from '../participations/pusher.js';
import { ParticipationRepository } from '../store/participationRepository.js';
import { parseIntegrationSettings, type IntegrationSettingsInput } from '../settings/integration.js';
import { redactText } from '../settings/redact.js';
import type { ConnectorDatabase } from '../store/database.js';
import { SettingsRepository } from '../store/settingsRepository.js';
import { playgroundRoutes } from '../playground/playgroundRoutes.js';
import { adminTokenGuard } from './adminToken.js';
import { connectorBodyLimit } from './bodyLimit.js';
import { crossSiteGuard } from './crossSiteGuard.js';
import { expectedHostNames, hostGuard } from './hostGuard.js';
import { pageHeaders } from './pageHeaders.js';
import { participationRoutes } from './participationRoutes.js';
import { settingsRoutes } from './settingsRoutes.js';

/** Who may talk to the connector (docs/connector.md). Without it: loopback names only, no token. */
export interface ConnectorAccess {
  /** CONNECTOR_ADMIN_TOKEN: every route then asks for it. */
  adminToken?: string;
  /** The address the server is bound to: its name is answered too. */
  boundAddress?: string;
  /** CONNECTOR_ALLOWED_HOSTS: further Host names answered. */
  allowedHosts?: readonly string[];
}

export interface ConnectorAppOptions {
  db: ConnectorDatabase;
  clock?: () => number;
  fetch?: typeof fetch;
  /** Waits between a Gigya call's quick retries (tests: resolve at once). */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  ids?: () => string;
  log?: (message: string) => void;
  /** Integration settings to store when none are stored yet (the CLI passes the environment). */
  initialIntegration?: IntegrationSettingsInput;
  access?: ConnectorAccess;
}

export interface ConnectorApp {
  app: Hono;
  outbox: Outbox;
  pusher: Pusher;
  participations: ParticipationRepository;
  settings: SettingsRepository;
  /** Stops the outbox and waits for pushes under way. The database stays open (its owner closes it). */
  close(): Promise<void>;
}

/** The connector as a Hono app plus its background outbox (not started: call `outbox.start()`). */
export function createConnectorApp(options: ConnectorAppOptions): ConnectorApp {
  const clock = options.clock ?? Date.now;
  const settings = new SettingsRepository(options.db);
  const participations = new ParticipationRepository(options.db);
  if (options.initialIntegration && settings.integration() === null) {
    settings.saveIntegration(parseIntegrationSettings(options.initialIntegration), clock());
  }
  const pusher = new Pusher({
    participations,
    settings,
    clock,
    fetch: options.fetch,
    sleep: options.sleep,
    random: options.random,
    log: options.log,
  });
  const outbox = new Outbox({
    participations,
    pusher,
    clock,
    pollIntervalMs: () => settings.integration()?.outbox.pollIntervalMs ?? 1_000,
  });

  const answerFailures = (app: Hono): void => {
    app.notFound((c) => c.json({ error: 'notFound', message: `${c.req.method} ${c.req.path} is not a connector route` }, 404));
    app.onError((error, c) => {
      const secret = settings.integration()?.secret?.reveal();
      const message = redactText(error.message, secret ? [secret] : []);
      options.log?.(`internal error: ${message}`);
      return c.json({ error: 'internal', message }, 500);
    });
  };

  // The JSON API behind the door: the playground calls it in-process, past the guards it has already passed.
  const api = new Hono();
  api.route('/', settingsRoutes(settings, clock));
  api.route('/', participationRoutes({ participations, settings, pusher, clock, ids: options.ids ?? randomUUID }));
  answerFailures(api);

  // The door: every request, API or playground, passes the same guards in this order.
  const access = options.access ?? {};
  const app = new Hono();
  app.use(pageHeaders());
  app.use(hostGuard(expectedHostNames(access.boundAddress, access.allowedHosts)));
  app.use(crossSiteGuard());
  app.use(adminTokenGuard(access.adminToken));
  app.use(connectorBodyLimit());
  // For a container's health check: answers once the connector serves, tells nothing else.
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.route('/', api);
  app.route('/', playgroundRoutes({ api, settings, participations, fetch: options.fetch, clock }));
  answerFailures(app);

  return { app, outbox, pusher, participations, settings, close: () => outbox.stop() };
}
