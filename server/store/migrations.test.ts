import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './index.js';
import { migrations } from './schema.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A database file as a fake one migration older than this one left it, with a full and a lite account. */
function fileOneMigrationBehind(): string {
  const folder = mkdtempSync(join(tmpdir(), 'fake-gigya-migrations-'));
  folders.push(folder);
  const file = join(folder, 'old.db');
  const db = new Database(file);
  for (const migration of migrations.slice(0, -1)) db.exec(migration);
  db.pragma(`user_version = ${migrations.length - 1}`);
  db.prepare("INSERT INTO sites (api_key, name, data_center, policies, created_ms) VALUES ('3_old', 'old', 'us1', '{}', 1)").run();
  const insert = db.prepare(
    "INSERT INTO accounts (site, uid, kind, email, login_ids, created_ms, last_updated_ms, login_id) VALUES ('3_old', ?, ?, ?, ?, 1, 1, ?)",
  );
  insert.run('full-uid', 'full', 'jane@example.com', '["jane@example.com"]', 'jane@example.com');
  insert.run('lite-uid', 'lite', 'jane@example.com', '[]', null);
  db.close();
  return file;
}

describe('migrations', () => {
  it('bring a file from the previous version up to date, keeping its accounts and their loginIDs', () => {
    const store = openStore({ file: fileOneMigrationBehind() });
    try {
      expect(store.accounts.byLoginId('3_old', 'Jane@Example.com')?.uid).toBe('full-uid');
      expect(store.accounts.get('3_old', 'lite-uid')?.kind).toBe('lite');
      expect(store.accounts.kindsByEmail('3_old', 'jane@example.com').sort()).toEqual(['full', 'lite']);
    } finally {
      store.close();
    }
  });

  it('reopen an up-to-date file without running anything again', () => {
    const file = fileOneMigrationBehind();
    openStore({ file }).close();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
    const store = openStore({ file });
    expect(store.accounts.byLoginId('3_old', 'jane@example.com')?.uid).toBe('full-uid');
    store.close();
  });
});
