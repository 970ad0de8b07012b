import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations } from './schema.js';

export type Db = Database.Database;

/**
 * A statement in raw mode, typed as returning `Row` tuples: rows come back as arrays in the
 * order of the SELECT list, which costs far less than a named-property object per row.
 */
export function arrayRows<Row extends unknown[], P extends unknown[] | object>(db: Db, sql: string): Database.Statement<P, Row> {
  return db.prepare<P>(sql).raw(true) as unknown as Database.Statement<P, Row>;
}

/** Opens (creating if needed) the SQLite file, sets the pragmas and runs pending migrations. */
export function openDatabase(file: string): Db {
  if (file === ':memory:') return openInMemory();
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a commit is in the WAL file before the statement returns, so it
  // survives the process being killed (kill -9); only a power loss can drop the last commits.
  db.pragma('synchronous = NORMAL');
  // Each write of a batch runs in its own savepoint, whose sub-journal SQLite spills to a file
  // in /var/tmp past 64 KiB: two syscalls per page, most of a lite submit's writes. In memory it
  // costs a copy; it was never durable state (a crash drops the open transaction anyway).
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/**
 * An empty, migrated database image, made once per process: every later in-memory store (a
 * test's fake, startFakeGigya) starts as a copy of it instead of running every migration again.
 */
let inMemoryImage: Buffer | undefined;

function openInMemory(): Db {
  if (inMemoryImage === undefined) {
    const template = new Database(':memory:');
    migrate(template);
    inMemoryImage = template.serialize();
    template.close();
  }
  const db = new Database(inMemoryImage);
  // Deserialised databases keep neither: they are per-connection settings.
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
