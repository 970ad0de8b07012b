import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { Outbox } from '../participations/outbox.js';
import { Pusher } from '../participations/pusher.js';
import { ParticipationRepository } from '../participations/repository.js';
import { parseIntegrationSettings, type IntegrationSettingsInput } from '../settings/integration.js';
import { redactText } from '../settings/redact.js';
import type { ConnectorDatabase } from '../store/database.js';
import { SettingsRepository } from '../store/settingsRepository.js';
import { playgroundRoutes } from '../playground/playgroundRoutes.js';
import { participationRoutes } from './participationRoutes.js';
import { settingsRoutes } from './settingsRoutes.js';

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

  const app = new Hono();
  app.route('/', settingsRoutes(settings, clock));
  app.route('/', participationRoutes({ participations, settings, pusher, clock, ids: options.ids ?? randomUUID }));
  // The playground (HTML forms at /) writes through the routes above, in-process.
  app.route('/', playgroundRoutes({ api: app, settings, participations }));
  app.notFound((c) => c.json({ error: 'notFound', message: `${c.req.method} ${c.req.path} is not a connector route` }, 404));
  app.onError((error, c) => {
    const secret = settings.integration()?.secret?.reveal();
    const message = redactText(error.message, secret ? [secret] : []);
    options.log?.(`internal error: ${message}`);
    return c.json({ error: 'internal', message }, 500);
  });

  return { app, outbox, pusher, participations, settings, close: () => outbox.stop() };
}
