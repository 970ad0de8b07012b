import { accountSchemaSchema, type AccountSchema } from './accountSchema.js';
import type { Db } from './database.js';

/** How many parsed schemas are kept: one per site a fake serves at once, with room to spare. */
const maxCached = 64;

/**
 * Each site's accounts schema, in the `account_schema` column of its sites row, so snapshots
 * and restores carry it with the site. NULL = the site has never changed it (the caller's
 * default applies). Every write reads it, so the parse is cached by the stored text: a restore
 * or another writer changing the row is seen at the next read.
 */
export class SiteSchemaRepository {
  private readonly statements;
  private readonly parsed = new Map<string, AccountSchema>();

  constructor(db: Db) {
    this.statements = {
      get: db.prepare<[string]>('SELECT account_schema FROM sites WHERE api_key = ?').pluck(),
      set: db.prepare('UPDATE sites SET account_schema = ? WHERE api_key = ?'),
    };
  }

  /** The site's stored schema, or null when it has none of its own. */
  get(apiKey: string): AccountSchema | null {
    const text = this.statements.get.get(apiKey) as string | null | undefined;
    if (text === null || text === undefined) return null;
    let schema = this.parsed.get(text);
    if (schema === undefined) {
      schema = accountSchemaSchema.parse(JSON.parse(text));
      if (this.parsed.size >= maxCached) this.parsed.delete(this.parsed.keys().next().value!);
      this.parsed.set(text, schema);
    }
    return schema;
  }

  set(apiKey: string, schema: AccountSchema): void {
    this.statements.set.run(JSON.stringify(schema), apiKey);
  }

  /** Back to the default schema. */
  clear(apiKey: string): void {
    this.statements.set.run(null, apiKey);
  }
}
