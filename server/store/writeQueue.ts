import type { Db } from './database.js';

/** How long a journal line waits for a write to ride with before it is committed on its own. */
export const appendDelayMs = 20;

interface PendingWrite {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: the writes of concurrent requests queued in one tick run in one
 * transaction, each in its own savepoint, and every caller is answered only after
 * that transaction has committed. One failing write rolls back its savepoint alone.
 */
export class WriteQueue {
  private pending: PendingWrite[] = [];
  private appends: Array<() => void> = [];
  private scheduled = false;
  private appendTimer: NodeJS.Timeout | undefined;
  private closed = false;
  // Made once: better-sqlite3 builds a transaction function with four variants each time one is
  // asked for, a cost that would otherwise be paid for every write of every batch.
  private readonly inSavepoint;
  private readonly inTransaction;

  constructor(
    db: Db,
    private readonly onAppendError: (error: unknown) => void = () => {},
  ) {
    this.inSavepoint = db.transaction((run: () => unknown) => run());
    this.inTransaction = db.transaction((run: () => void) => run());
  }

  /** Runs `work` inside a transaction; the promise settles after the commit. */
  write<T>(work: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ run: work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  /**
   * Queues a single-statement insert that nobody waits for (a journal line): it rides in the
   * next batch without a savepoint of its own, since one statement is atomic already. With no
   * write to ride with, it waits up to `appendDelayMs`, so the lines of many reads share one
   * commit instead of paying one each; a caller that must see them waits for a write (settled()).
   */
  append(work: () => void): void {
    if (this.closed) return;
    this.appends.push(work);
    if (this.scheduled || this.appendTimer !== undefined) return;
    this.appendTimer = setTimeout(() => {
      this.appendTimer = undefined;
      this.schedule();
    }, appendDelayMs);
    // Nothing keeps the process alive for a journal line: close() commits whatever is queued.
    this.appendTimer.unref();
  }

  private schedule(): void {
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Commits whatever is queued now; used on shutdown so no accepted write is lost. */
  flush(): void {
    this.scheduled = false;
    clearTimeout(this.appendTimer);
    this.appendTimer = undefined;
    const batch = this.pending;
    const appends = this.appends;
    this.pending = [];
    this.appends = [];
    if (batch.length === 0 && appends.length === 0) return;
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      this.inTransaction(() => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: this.inSavepoint(item.run) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
        for (const work of appends) {
          try {
            work();
          } catch (error) {
            this.onAppendError(error);
          }
        }
      });
    } catch (error) {
      // The commit itself failed: nothing of the batch is durable, so nobody gets a success.
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  close(): void {
    this.flush();
    this.closed = true;
  }
}
