import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './database.js';
import { appendDelayMs, WriteQueue } from './writeQueue.js';

// The group commit every write of the fake goes through: what it promises its callers.

let dir: string;
let db: Db;
let queue: WriteQueue;
let appendErrors: unknown[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'write-queue-'));
  db = new Database(join(dir, 'queue.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(`
    CREATE TABLE parent (id INTEGER PRIMARY KEY);
    CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL,
      parent INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);
  `);
  appendErrors = [];
  queue = new WriteQueue(db, (error) => appendErrors.push(error));
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (name: string) => () => db.prepare('INSERT INTO item (name) VALUES (?)').run(name).lastInsertRowid;
const names = (source: Db = db) => source.prepare('SELECT name FROM item ORDER BY id').pluck().all();

describe('WriteQueue', () => {
  it('runs the writes queued in one turn in one transaction, each answered with its own value', async () => {
    const other = new Database(join(dir, 'queue.db'), { readonly: true });
    try {
      // The third write looks at the batch from inside it and from another connection.
      const inside = () => ({ here: names(), elsewhere: names(other), open: db.inTransaction });
      const answers = await Promise.all([queue.write(insert('a')), queue.write(insert('b')), queue.write(inside)]);
      expect(answers).toEqual([1, 2, { here: ['a', 'b'], elsewhere: [], open: true }]);
      expect(names(other)).toEqual(['a', 'b']);
    } finally {
      other.close();
    }
  });

  it('answers a write only once its batch is committed: another connection already sees it', async () => {
    const other = new Database(join(dir, 'queue.db'), { readonly: true });
    try {
      const seen = await queue.write(insert('durable')).then(() => names(other));
      expect(seen).toEqual(['durable']);
    } finally {
      other.close();
    }
  });

  it('rolls back a failing write alone: the others of its batch are committed', async () => {
    const failing = () => {
      insert('half-done')();
      throw new Error('handler failed after writing');
    };
    const results = await Promise.allSettled([queue.write(insert('before')), queue.write(failing), queue.write(insert('after'))]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ message: 'handler failed after writing' });
    expect(names()).toEqual(['before', 'after']);
  });

  it('rejects every write of a batch whose commit fails, and keeps none of them', async () => {
    // A deferred foreign key is checked at COMMIT: the savepoint succeeds, the commit does not.
    const orphan = () => db.prepare('INSERT INTO item (name, parent) VALUES (?, 42)').run('orphan');
    const results = await Promise.allSettled([queue.write(insert('innocent')), queue.write(orphan)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(names()).toEqual([]);
    await queue.write(insert('next batch'));
    expect(names()).toEqual(['next batch']);
  });

  it('commits appends with the batch and reports a failing one without failing the writes', async () => {
    queue.append(() => void insert('journal line')());
    queue.append(() => {
      throw new Error('append failed');
    });
    await queue.write(insert('write'));
    expect(names()).toEqual(['write', 'journal line']);
    expect(appendErrors).toMatchObject([{ message: 'append failed' }]);
  });

  it('commits lines appended with no write after a short delay, all in one commit', async () => {
    for (let i = 0; i < 5; i++) queue.append(() => void insert(`read ${i}`)());
    await new Promise((resolve) => setImmediate(resolve));
    expect(names()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, appendDelayMs * 3));
    expect(names()).toEqual(['read 0', 'read 1', 'read 2', 'read 3', 'read 4']);
  });

  it('commits appended lines with the next write at once, without waiting for the delay', async () => {
    queue.append(() => void insert('journal line')());
    // The write's promise settles after its commit, which carries the line.
    await queue.write(() => undefined);
    expect(names()).toEqual(['journal line']);
  });

  it('commits what is queued on close, and refuses writes after it', async () => {
    const pending = queue.write(insert('queued before close'));
    queue.close();
    await expect(pending).resolves.toBe(1);
    expect(names()).toEqual(['queued before close']);
    await expect(queue.write(insert('too late'))).rejects.toThrow('the store is closed');
  });
});
