import { randomBytes } from 'node:crypto';
import { AccountEventRepository } from './accountEvents.js';
import { AccountRepository } from './accounts.js';
import { CursorStore } from './cursors.js';
import { DoubleOptInEmailRepository } from './doubleOptInEmails.js';
import { openDatabase, type Db } from './database.js';
import { EmailAccountRepository } from './emailAccounts.js';
import { HistoryRepository } from './history.js';
import { JournalRepository, type JournalEntry } from './journal.js';
import { JwtKeyRepository } from './jwtKeys.js';
import { RegTokenRepository } from './regTokens.js';
import { resetSiteData } from './reset.js';
import { SearchRepository } from './searchRepository.js';
import { SiteSchemaRepository } from './siteSchemas.js';
import { SiteRepository } from './sites.js';
import { SnapshotRepository } from './snapshots.js';
import { sitesHoldingUid } from './uidSites.js';
import { WebhookNotificationRepository } from './webhookNotifications.js';
import { WebhookRepository } from './webhooks.js';
import { WriteQueue } from './writeQueue.js';

export interface StoreOptions {
  /** SQLite file, or ':memory:'. */
  file: string;
  /** Upper bound of the request journal. */
  journalMaxEntries?: number;
}

/**
 * The fake's whole state: one SQLite database, a repository per table family, and the search
 * cursors that page through it. Nothing outside server/store sees the database itself.
 */
export class Store {
  readonly sites: SiteRepository;
  readonly accounts: AccountRepository;
  readonly emailAccounts: EmailAccountRepository;
  readonly regTokens: RegTokenRepository;
  readonly history: HistoryRepository;
  readonly journal: JournalRepository;
  readonly search: SearchRepository;
  readonly snapshots: SnapshotRepository;
  readonly accountEvents: AccountEventRepository;
  readonly webhooks: WebhookRepository;
  readonly notifications: WebhookNotificationRepository;
  readonly jwtKeys: JwtKeyRepository;
  readonly siteSchemas: SiteSchemaRepository;
  readonly doubleOptInEmails: DoubleOptInEmailRepository;
  /** accounts.search cursors: one fake, one set of cursors. */
  readonly cursors = new CursorStore(() => randomBytes(24).toString('base64url'));
  readonly #db: Db;
  readonly #writes: WriteQueue;

  constructor(db: Db, options: { journalMaxEntries: number }) {
    this.#db = db;
    this.sites = new SiteRepository(db);
    this.accounts = new AccountRepository(db);
    this.emailAccounts = new EmailAccountRepository(db);
    this.regTokens = new RegTokenRepository(db);
    this.history = new HistoryRepository(db);
    this.journal = new JournalRepository(db, options.journalMaxEntries);
    this.search = new SearchRepository(db);
    this.snapshots = new SnapshotRepository(db);
    this.accountEvents = new AccountEventRepository(db);
    this.webhooks = new WebhookRepository(db);
    this.notifications = new WebhookNotificationRepository(db);
    this.jwtKeys = new JwtKeyRepository(db);
    this.siteSchemas = new SiteSchemaRepository(db);
    this.doubleOptInEmails = new DoubleOptInEmailRepository(db);
    this.#writes = new WriteQueue(db, (error) => {
      console.error(`fake-gigya: journal write failed: ${error instanceof Error ? error.message : 'unknown error'}`);
    });
  }

  /**
   * Runs a read-modify-write in a transaction, committed together with the writes of
   * concurrent requests (group commit). The promise settles once the data is durable.
   */
  write<T>(work: () => T): Promise<T> {
    return this.#writes.write(work);
  }

  /**
   * Runs `work` in a transaction of its own, now: for set-up done before serving (seeds,
   * new sites), where waiting for the next group commit is not wanted.
   */
  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  /** Queues a journal line into the next group commit; the caller does not wait for it. */
  appendJournal(entry: JournalEntry): void {
    this.#writes.append(() => this.journal.record(entry));
  }

  /**
   * Resolves once every journal line queued so far is committed. The dispatcher queues a
   * call's line into the group commit that follows its answer, so a client that has its
   * answer always finds its call in the journal after this.
   */
  settled(): Promise<void> {
    return this.write(() => undefined);
  }

  /** Empties one site's data (accounts, tokens, history, journal), keeping the site and its keys. */
  resetSite(apiKey: string): void {
    resetSiteData(this.#db, apiKey);
  }

  /** The sites where a UID has an account or a history. */
  sitesHoldingUid(uid: string): string[] {
    return sitesHoldingUid(this.#db, uid);
  }

  /** How many rows each table holds, by table name: for tests and diagnostics. */
  rowCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const table of this.tableNames()) {
      counts[table] = this.#db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
    }
    return counts;
  }

  /**
   * The database as JSON text (schema, rows, attached files), or only the rows of the tables
   * named: proves a request changed nothing, or shows what a table holds on disk.
   */
  dump(tables?: readonly string[]): string {
    const known = this.tableNames();
    const chosen = tables === undefined ? known : known.filter((table) => tables.includes(table));
    const rows = chosen.map((table) => [table, this.#db.prepare(`SELECT * FROM "${table}"`).all()]);
    if (tables !== undefined) return JSON.stringify(rows);
    const schema = this.#db.prepare('SELECT name, sql FROM sqlite_master ORDER BY name').all();
    return JSON.stringify({ schema, rows, attached: this.#db.pragma('database_list') });
  }

  private tableNames(): string[] {
    return this.#db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  }

  /** Commits what is queued and closes the file: no accepted write is lost on shutdown. */
  close(): void {
    this.#writes.close();
    if (this.#db.open) this.#db.close();
  }
}

export function openStore(options: StoreOptions): Store {
  return new Store(openDatabase(options.file), { journalMaxEntries: options.journalMaxEntries ?? 100_000 });
}

export type { Account, AccountKind, JsonObject } from './accounts.js';
export type { EmailAccount } from './emailAccounts.js';
export type { FieldChange, HistoryEntry } from './history.js';
export type { RegToken } from './regTokens.js';
export type { AppKey, Site } from './sites.js';
export type { Policies } from './policies.js';
export type { AccountEvent, AccountEventType } from './accountEvents.js';
export type { Webhook, WebhookHeader, WebhookVersion } from './webhooks.js';
export type { WebhookAttempt, WebhookNotification } from './webhookNotifications.js';
export type { JwtKey } from './jwtKeys.js';
export type { AccountSchema, ConsentStatement, FieldSchema, SubscriptionSchema, WriteAccess } from './accountSchema.js';
export type { DoubleOptInEmail } from './doubleOptInEmails.js';
export type { Batch, Cursor } from './cursors.js';
export { cursorIdleMs, maxBatchSize } from './cursors.js';
export { SnapshotError, snapshotSchema, type Snapshot } from './snapshots.js';
