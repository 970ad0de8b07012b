import { backoffDelay } from '../gigya/backoff.js';
import { gigyaClientFor } from '../gigya/clientFor.js';
import { GigyaApiError, isTransient, minRetryDelayMs } from '../gigya/errors.js';
import { mapParticipation } from '../mapping.js';
import type { PushProgress } from '../push/context.js';
import { strategies } from '../push/strategies.js';
import { isEnabled, setupSchema, type IntegrationSettings } from '../settings/integration.js';
import { redactText } from '../settings/redact.js';
import type { SettingsRepository } from '../store/settingsRepository.js';
import type { ParticipationRepository } from '../store/participationRepository.js';

export interface PusherOptions {
  participations: ParticipationRepository;
  settings: SettingsRepository;
  clock: () => number;
  fetch?: typeof fetch;
  /** Waits between the client's quick retries; tests pass a no-op. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  log?: (message: string) => void;
}

/**
 * Pushes one participation to Gigya and stores the outcome. Used twice: in real time right
 * after the participation is saved, and by the outbox for pending ones. A participation is
 * never pushed twice at once: a second caller joins the push already running.
 */
export class Pusher {
  readonly #options: PusherOptions;
  readonly #inFlight = new Map<string, Promise<void>>();

  constructor(options: PusherOptions) {
    this.#options = options;
  }

  isInFlight(id: string): boolean {
    return this.#inFlight.has(id);
  }

  /** Resolves when every push under way has ended (for shutdown and tests). */
  async settled(): Promise<void> {
    await Promise.all([...this.#inFlight.values()]);
  }

  push(id: string): Promise<void> {
    const running = this.#inFlight.get(id);
    if (running) return running;
    const push = this.#push(id).finally(() => this.#inFlight.delete(id));
    this.#inFlight.set(id, push);
    return push;
  }

  async #push(id: string): Promise<void> {
    const { participations, clock } = this.#options;
    const participation = participations.get(id);
    const progress = participations.progress(id);
    if (!participation || !progress || participation.status !== 'pending') return;

    const settings = this.#options.settings.integration();
    if (!settings || !isEnabled(settings)) {
      this.#transientFailure(id, settings, progress.windowStartMs, participation.attempts, 'the Gigya Lite Registration integration is disabled or has no credentials');
      return;
    }

    const attempts = participations.startAttempt(id, clock());
    const secret = settings.secret.reveal();
    const client = gigyaClientFor(settings, {
      fetch: this.#options.fetch,
      clock,
      sleep: this.#options.sleep,
      random: this.#options.random,
    });
    const state: PushProgress = { regToken: progress.regToken ?? undefined, targetUid: progress.targetUid ?? undefined };
    const setup = setupSchema.safeParse(participation.setup).data ?? settings.setup;

    try {
      const outcome = await strategies[setup]({
        client,
        mapped: mapParticipation(participations.crmValues(id), { settings: settings.mapping, today: new Date(clock()) }),
        subscriptionId: settings.subscriptionId,
        optInAs: settings.optInAs,
        consentStatementId: settings.consentStatementId,
        progress: state,
        record: (step) => {
          participations.recordProgress(id, step, clock());
          Object.assign(state, step);
        },
      });
      participations.recordResult(id, { status: 'succeeded', action: outcome.action, uid: outcome.uid, callId: outcome.callId ?? null, lastError: null }, clock());
      this.#log(`participation ${id}: ${outcome.action} ${outcome.uid} (attempt ${attempts})`);
    } catch (error) {
      const message = redactText(error instanceof Error ? error.message : String(error), [secret]);
      const callId = error instanceof GigyaApiError ? (error.callId ?? null) : undefined;
      if (isTransient(error)) {
        this.#transientFailure(id, settings, progress.windowStartMs, attempts, message, callId, minRetryDelayMs(error));
      } else {
        participations.recordResult(id, { status: 'failed', lastError: message, callId }, clock());
        this.#log(`participation ${id}: failed: ${message}`);
      }
    }
  }

  /** Back to the outbox with backoff, or failed once the maximum age has passed. */
  #transientFailure(id: string, settings: IntegrationSettings | null, windowStartMs: number, attempts: number, message: string, callId?: string | null, minDelayMs = 0): void {
    const { participations, clock } = this.#options;
    const outbox = settings?.outbox ?? { baseDelayMs: 5_000, maxDelayMs: 300_000, maxAgeMs: 1_800_000 };
    const now = clock();
    if (now - windowStartMs >= outbox.maxAgeMs) {
      const lastError = `gave up after ${attempts} attempt(s) over ${Math.round((now - windowStartMs) / 1000)} s: ${message}`;
      participations.recordResult(id, { status: 'failed', lastError, callId }, now);
      this.#log(`participation ${id}: failed: ${lastError}`);
      return;
    }
    const nextAttemptMs = now + Math.max(minDelayMs, backoffDelay(outbox, Math.max(1, attempts), this.#options.random ?? Math.random));
    participations.recordResult(id, { status: 'pending', lastError: message, callId, nextAttemptMs }, now);
    this.#log(`participation ${id}: will retry: ${message}`);
  }

  #log(message: string): void {
    this.#options.log?.(message);
  }
}
