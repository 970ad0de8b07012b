import { DroppedConnection, type BeforeHandle } from '../protocol/dispatch.js';
import { GigyaError } from '../protocol/errors.js';
import type { Clock } from '../protocol/method.js';
import type { DeliveryFaults } from '../webhooks/deliverer.js';
import { deliveryFaultKinds, faultInputSchema, type FaultInput, type FaultSpec } from './faultSpec.js';
import { mulberry32 } from './prng.js';

/** A registered fault with what it has done so far, as the admin API lists it. */
export type FaultView = FaultSpec & {
  id: string;
  /** Calls left before the fault is gone; null when it has no `times`. */
  remaining: number | null;
  /** Calls that matched the fault's site and method. */
  matched: number;
  /** Calls the fault acted on. */
  fired: number;
};

interface ActiveFault {
  view: FaultView;
  random: () => number;
  /** rateLimit only: when the calls let through in the current window happened. */
  passedAtMs: number[];
}

export interface FaultRegistryOptions {
  clock: Clock;
  /** How latency is waited for; tests inject one that records instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Faults on demand, per site and method: an error with its real envelope, latency, a rate
 * limit (403048) or a dropped connection. Runs as the dispatcher's beforeHandle, after
 * authentication and before the method, so an injected error never half-writes.
 * Faults live in memory: a restart forgets them.
 */
export class FaultRegistry implements DeliveryFaults {
  private readonly faults: ActiveFault[] = [];
  private nextId = 1;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: FaultRegistryOptions) {
    this.sleep = options.sleep ?? realSleep;
  }

  /** Validates and registers a fault; throws the ZodError of an invalid one. */
  add(input: FaultInput): FaultView {
    const spec = faultInputSchema.parse(input);
    const seed = 'seed' in spec ? spec.seed : 1;
    const view: FaultView = {
      ...spec,
      id: `fault-${this.nextId++}`,
      remaining: 'times' in spec ? (spec.times ?? null) : null,
      matched: 0,
      fired: 0,
    };
    this.faults.push({ view, random: mulberry32(seed), passedAtMs: [] });
    return { ...view };
  }

  list(apiKey?: string): FaultView[] {
    return this.faults.filter((fault) => apiKey === undefined || fault.view.apiKey === apiKey).map((fault) => ({ ...fault.view }));
  }

  remove(id: string): boolean {
    const index = this.faults.findIndex((fault) => fault.view.id === id);
    if (index >= 0) this.faults.splice(index, 1);
    return index >= 0;
  }

  /** Removes the faults of one site, or all of them; returns how many went. */
  clear(apiKey?: string): number {
    let removed = 0;
    for (let index = this.faults.length - 1; index >= 0; index--) {
      if (apiKey === undefined || this.faults[index]!.view.apiKey === apiKey) {
        this.faults.splice(index, 1);
        removed++;
      }
    }
    return removed;
  }

  /** The dispatcher hook: faults act in the order they were added; latency adds up, the first error wins. */
  readonly beforeHandle: BeforeHandle = async ({ site, method }) => {
    for (const fault of [...this.faults]) {
      if (deliveryFaultKinds.has(fault.view.kind)) continue;
      if (fault.view.apiKey !== site.apiKey || !matches(fault.view.method, method)) continue;
      fault.view.matched++;
      if (!this.fires(fault)) continue;
      fault.view.fired++;
      const spec = fault.view;
      if (spec.remaining !== null && --spec.remaining === 0) this.remove(spec.id);
      switch (spec.kind) {
        case 'latency':
          await this.sleep(spec.maxMs === undefined ? spec.ms : spec.ms + Math.floor(fault.random() * (spec.maxMs - spec.ms + 1)));
          break;
        case 'error':
          throw GigyaError.fromCode(spec.errorCode, spec.errorDetails);
        case 'rateLimit':
          throw GigyaError.rateLimitExceeded();
        case 'drop':
          throw new DroppedConnection(`fault ${spec.id} dropped the connection`);
      }
    }
  };

  onForm(apiKey: string): { reorder: boolean } {
    return { reorder: this.fire(apiKey, ['webhookReorder']).length > 0 };
  }

  onSend(apiKey: string): { duplicate: boolean; delayMs: number } {
    const fired = this.fire(apiKey, ['webhookDuplicate', 'webhookDelay']);
    let delayMs = 0;
    for (const spec of fired) if (spec.kind === 'webhookDelay') delayMs += spec.ms;
    return { duplicate: fired.some((spec) => spec.kind === 'webhookDuplicate'), delayMs };
  }

  /** The delivery faults of these kinds that fire now for the site, counted like call faults. */
  private fire(apiKey: string, kinds: readonly FaultSpec['kind'][]): FaultSpec[] {
    const fired: FaultSpec[] = [];
    for (const fault of [...this.faults]) {
      if (fault.view.apiKey !== apiKey || !kinds.includes(fault.view.kind)) continue;
      fault.view.matched++;
      if (!this.fires(fault)) continue;
      fault.view.fired++;
      if (fault.view.remaining !== null && --fault.view.remaining === 0) this.remove(fault.view.id);
      fired.push(fault.view);
    }
    return fired;
  }

  private fires(fault: ActiveFault): boolean {
    const spec = fault.view;
    if (spec.kind === 'rateLimit') {
      const now = this.options.clock.now();
      const windowStart = now - spec.windowMs;
      while (fault.passedAtMs.length > 0 && fault.passedAtMs[0]! <= windowStart) fault.passedAtMs.shift();
      if (fault.passedAtMs.length < spec.limit) {
        fault.passedAtMs.push(now);
        return false;
      }
      return true;
    }
    // Always draw, so whether call n fires depends on the seed and n alone, not on the probability of earlier calls.
    return fault.random() < spec.probability;
  }
}

function matches(pattern: string, method: string): boolean {
  if (pattern === '*' || pattern === method) return true;
  return pattern.endsWith('.*') && method.startsWith(pattern.slice(0, -1));
}
