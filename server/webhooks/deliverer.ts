import { randomUUID } from 'node:crypto';
import type { Clock } from '../protocol/method.js';
import type { Store } from '../store/index.js';
import type { WebhookNotification } from '../store/webhookNotifications.js';
import type { Webhook } from '../store/webhooks.js';
import { keyRingOf } from '../jwt/keyRing.js';
import { formNotifications, replayNotification } from './formNotifications.js';
import { postNotification } from './postNotification.js';

/** What the delivery faults (server/faults: webhookDuplicate, webhookDelay, webhookReorder) ask of the deliverer. */
export interface DeliveryFaults {
  /** When a webhook's next notification is formed: split it by UID and send the later UIDs first? */
  onForm(apiKey: string): { reorder: boolean };
  /** When a notification is sent: wait first, send the same bytes twice? */
  onSend(apiKey: string): { duplicate: boolean; delayMs: number };
}

export interface WebhookDelivererOptions {
  store: Store;
  clock: Clock;
  faults?: DeliveryFaults;
  /** How a delay fault waits; tests inject one that records instead. */
  sleep?: (ms: number) => Promise<void>;
  logError?: (message: string) => void;
  /** How often the background loop looks for due retries when nothing wakes it. */
  pollMs?: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Kept finished notifications and read outbox events, so the inspector has a past to show. */
const keepNotifications = 10_000;
const keepEvents = 100_000;
/** Housekeeping, not delivery: a burst of writes with no webhook to serve need not commit a prune each. */
const pruneEveryMs = 1000;

/**
 * Sends each webhook's notifications, one at a time and oldest first: a notification that is
 * refused blocks the ones after it until it is delivered or given up, which is what keeps the
 * events of one UID in order under retries. At least once: an attempt is recorded after the
 * receiver answers, so a crash in between sends it again after the restart.
 */
export class WebhookDeliverer {
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<number> | undefined;
  private again = false;
  private unsubscribe: (() => void) | undefined;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly logError: (message: string) => void;
  private prunedAtMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: WebhookDelivererOptions) {
    this.sleep = options.sleep ?? realSleep;
    this.logError = options.logError ?? ((message) => console.error(message));
  }

  /** Starts delivering in the background: on every recorded event, and on a timer for retries. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.options.store.accountEvents.onRecorded(() => this.kick());
    this.kick();
  }

  /** Stops the loop and waits for a round in progress; what it did not send is sent after a restart. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    clearTimeout(this.timer);
    await this.round?.catch(() => 0);
  }

  /** Wakes the loop soon (after the current transaction has committed). */
  kick(): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loop(), 0);
  }

  private async loop(): Promise<void> {
    if (this.round !== undefined) {
      this.again = true;
      return;
    }
    let sent = 0;
    try {
      sent = await this.deliverDue();
    } catch (error) {
      // A round cut short by a stop (the store closing under it) is not a failure: its attempt
      // was not recorded, so it is sent again after the next start.
      if (this.running) this.logError(`fake-gigya: webhook delivery failed: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
    if (!this.running) return;
    const again = this.again || sent > 0;
    this.again = false;
    this.timer = setTimeout(() => void this.loop(), again ? 0 : this.nextWaitMs());
  }

  private nextWaitMs(): number {
    const poll = this.options.pollMs ?? 1000;
    const now = this.options.clock.now();
    let wait = poll;
    for (const webhook of this.options.store.webhooks.all()) {
      const head = this.options.store.notifications.pendingOf(webhook.id, 1)[0];
      if (head !== undefined && webhook.active) wait = Math.min(wait, Math.max(0, head.nextAttemptMs - now));
    }
    return wait;
  }

  /**
   * One round: every webhook forms its next notification if it has none pending and sends its
   * oldest pending one if it is due. Answers how many attempts were made. Tests with a manual
   * clock call this (or drain) instead of start().
   */
  deliverDue(): Promise<number> {
    if (this.round !== undefined) return this.round;
    this.round = this.runRound().finally(() => (this.round = undefined));
    return this.round;
  }

  /** Rounds until nothing is due now (bounded): what a test calls after moving its clock. */
  async drain(maxRounds = 1000): Promise<number> {
    let total = 0;
    for (let round = 0; round < maxRounds; round++) {
      const sent = await this.deliverDue();
      if (sent === 0) return total;
      total += sent;
    }
    return total;
  }

  /** Queues a copy of a notification, sent as soon as its webhook's queue reaches it. */
  replay(notificationId: number): Promise<WebhookNotification | null> {
    const { store, clock } = this.options;
    const replayed = store.write(() => replayNotification(store, notificationId, clock.now()));
    void replayed.then(() => this.kick());
    return replayed;
  }

  private async runRound(): Promise<number> {
    const { store } = this.options;
    const webhooks = store.webhooks.all();
    const results = await Promise.all(webhooks.filter((webhook) => webhook.active).map((webhook) => this.serve(webhook)));
    const inactive = webhooks.filter((webhook) => !webhook.active);
    const pruneDue = this.options.clock.now() - this.prunedAtMs >= pruneEveryMs;
    if (inactive.length > 0 || pruneDue) {
      await store.write(() => {
        // An inactive webhook is sent nothing, and is not told later of what happened meanwhile.
        for (const webhook of inactive) store.webhooks.setCursor(webhook.id, store.accountEvents.lastSeq(webhook.site));
        if (!pruneDue) return;
        const readByAll = store.webhooks.minCursor() ?? store.accountEvents.lastSeq();
        store.accountEvents.prune(readByAll, keepEvents);
        store.notifications.prune(keepNotifications);
      });
      if (pruneDue) this.prunedAtMs = this.options.clock.now();
    }
    return results.reduce((sum, sent) => sum + sent, 0);
  }

  private async serve(webhook: Webhook): Promise<number> {
    const { store, clock, faults } = this.options;
    let head = store.notifications.pendingOf(webhook.id, 1)[0];
    if (head === undefined) {
      const reorder = faults?.onForm(webhook.site).reorder ?? false;
      head = (await store.write(() => formNotifications(store, webhook.id, clock.now(), reorder)))[0];
    }
    if (head === undefined || head.nextAttemptMs > clock.now()) return 0;
    const site = store.sites.get(webhook.site);
    if (site === null) return 0;
    const actions = faults?.onSend(webhook.site) ?? { duplicate: false, delayMs: 0 };
    if (actions.delayMs > 0) await this.sleep(actions.delayMs);
    const key = webhook.version === '2.0' ? await keyRingOf(store, clock).current(site.dataCenter) : null;
    const secret = webhook.version === '2.0' ? null : signingSecret(store, webhook);
    const outcome = await postNotification({ webhook, notification: head, site, key, secret, clock, nonce: randomUUID(), times: actions.duplicate ? 2 : 1 });
    await store.write(() => {
      for (const attempt of outcome.attempts) store.notifications.recordAttempt(attempt);
      const now = clock.now();
      if (outcome.delivered) store.notifications.markDelivered(head.id, now);
      else if (now - head.createdMs >= site.policies.webhookGiveUpAfterMs) store.notifications.markFailed(head.id);
      else store.notifications.scheduleRetry(head.id, now + retryDelay(site.policies.webhookRetryDelaysMs, head.attempts));
    });
    return outcome.attempts.length;
  }
}

/** The wait after the n-th failed attempt (0-based): the schedule's n-th entry, its last one after that. */
export function retryDelay(schedule: readonly number[], failedAttempts: number): number {
  return schedule[Math.min(failedAttempts, schedule.length - 1)]!;
}

/** 1.x notifications are signed with the signing user key's secret; blank = the site's first application key. */
function signingSecret(store: Store, webhook: Webhook): string | null {
  if (webhook.signingUserKey !== null) {
    const key = store.sites.appKey(webhook.signingUserKey);
    if (key !== null && key.site === webhook.site) return key.secret;
  }
  return store.sites.appKeysOf(webhook.site)[0]?.secret ?? null;
}
