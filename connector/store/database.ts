import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type ConnectorDatabase = Database.Database;

/**
 * The connector's own SQLite: integration settings, campaigns and participations (the campaign
 * statistics with their push outcome and outbox state). WAL keeps readers off the writer's path.
 */
export function openConnectorDatabase(path: string): ConnectorDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

const migrations: string[] = [
  `CREATE TABLE integration_settings (
     name TEXT PRIMARY KEY,
     json TEXT NOT NULL,
     updated_ms INTEGER NOT NULL
   );
   CREATE TABLE campaigns (
     id TEXT PRIMARY KEY,
     json TEXT NOT NULL,
     updated_ms INTEGER NOT NULL
   );
   CREATE TABLE participations (
     id TEXT PRIMARY KEY,
     campaign_id TEXT NOT NULL,
     created_ms INTEGER NOT NULL,
     answers TEXT NOT NULL,
     crm_values TEXT NOT NULL,
     mapping_problems TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'skipped')),
     skip_reason TEXT,
     setup TEXT,
     action TEXT,
     uid TEXT,
     call_id TEXT,
     attempts INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     next_attempt_ms INTEGER,
     window_start_ms INTEGER NOT NULL,
     reg_token TEXT,
     target_uid TEXT,
     updated_ms INTEGER NOT NULL
   );
   CREATE INDEX participations_by_campaign ON participations(campaign_id, created_ms);
   CREATE INDEX participations_outbox ON participations(status, next_attempt_ms);`,
];

function migrate(db: ConnectorDatabase): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let index = version; index < migrations.length; index++) {
    db.transaction(() => {
      db.exec(migrations[index]!);
      db.pragma(`user_version = ${index + 1}`);
    })();
  }
}
