import type { Select, Source } from '../query/ast.js';

// openCursor paging (gigya-api.md §7). Opening a cursor takes a snapshot of the matching keys
// in order, like the search engine's scroll context, so later writes neither repeat nor skip
// records. Each batch has its own cursorId; resending one returns the same batch and the same
// nextCursorId (Gigya: "resend to retry"). A cursor unused for 5 minutes is forgotten.

export const cursorIdleMs = 5 * 60_000;
export const maxBatchSize = 1000;

export interface Cursor {
  site: string;
  source: Source;
  select: Select;
  keys: string[];
  batchSize: number;
  lastUsedMs: number;
}

interface Position {
  cursor: Cursor;
  offset: number;
  nextId?: string;
}

export interface Batch {
  cursor: Cursor;
  keys: string[];
  nextCursorId: string | undefined;
}

export class CursorStore {
  private readonly positions = new Map<string, Position>();

  constructor(private readonly newId: () => string) {}

  /** Registers a snapshot and returns its first batch. */
  open(cursor: Cursor): Batch {
    return this.batch({ cursor, offset: 0 });
  }

  /** The batch a cursorId stands for, or null when it is unknown, expired or another site's. */
  next(cursorId: string, site: string, nowMs: number): Batch | null {
    this.sweep(nowMs);
    const position = this.positions.get(cursorId);
    if (position === undefined || position.cursor.site !== site) return null;
    position.cursor.lastUsedMs = nowMs;
    return this.batch(position);
  }

  get size(): number {
    return this.positions.size;
  }

  private batch(position: Position): Batch {
    const { cursor, offset } = position;
    const end = offset + cursor.batchSize;
    if (end < cursor.keys.length && position.nextId === undefined) {
      position.nextId = this.uniqueId();
      this.positions.set(position.nextId, { cursor, offset: end });
    }
    return { cursor, keys: cursor.keys.slice(offset, end), nextCursorId: end < cursor.keys.length ? position.nextId : undefined };
  }

  private uniqueId(): string {
    const base = this.newId();
    let id = base;
    for (let n = 1; this.positions.has(id); n++) id = `${base}${n}`;
    return id;
  }

  /** Forgets every position of the cursors idle for longer than cursorIdleMs. */
  sweep(nowMs: number): void {
    for (const [id, position] of this.positions) {
      if (nowMs - position.cursor.lastUsedMs > cursorIdleMs) this.positions.delete(id);
    }
  }
}
