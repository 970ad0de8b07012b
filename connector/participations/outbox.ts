import type { Pusher } from './pusher.js';
import type { ParticipationRepository } from '../store/participationRepository.js';

export interface OutboxOptions {
  participations: ParticipationRepository;
  pusher: Pusher;
  clock: () => number;
  /** How often the background loop looks for due pushes. */
  pollIntervalMs: () => number;
}

/**
 * The pushes still to do, read from the participations table itself: a pending row is the
 * outbox entry, so nothing can be lost between saving a participation and queueing its push,
 * and a restart resumes every pending push from the database.
 */
export class Outbox {
  readonly #options: OutboxOptions;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #draining: Promise<number> | undefined;

  constructor(options: OutboxOptions) {
    this.#options = options;
  }

  /** Pushes every pending participation that is due now; resolves with how many were tried. */
  drain(): Promise<number> {
    this.#draining ??= this.#drain().finally(() => (this.#draining = undefined));
    return this.#draining;
  }

  /** Starts the background loop, beginning with whatever a previous run left pending. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    void this.#tick();
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#draining;
    await this.#options.pusher.settled();
  }

  async #drain(): Promise<number> {
    const { participations, pusher, clock } = this.#options;
    let tried = 0;
    for (const id of participations.due(clock())) {
      if (pusher.isInFlight(id)) continue;
      await pusher.push(id);
      tried++;
    }
    return tried;
  }

  async #tick(): Promise<void> {
    if (!this.#running) return;
    try {
      await this.drain();
    } catch {
      // A failing drain (database busy or closed) must not kill the loop; the next tick retries.
    } finally {
      if (this.#running) {
        this.#timer = setTimeout(() => void this.#tick(), this.#options.pollIntervalMs());
        this.#timer.unref();
      }
    }
  }
}
