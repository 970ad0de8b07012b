import { AccountRepository } from './accounts.js';
import { openDatabase, WriteQueue, type Db } from './database.js';
import { EmailAccountRepository } from './emailAccounts.js';
import { HistoryRepository } from './history.js';
import { JournalRepository, type JournalEntry } from './journal.js';
import { RegTokenRepository } from './regTokens.js';
import { SiteRepository } from './sites.js';

export interface StoreOptions {
  /** SQLite file, or ':memory:'. */
  file: string;
  /** Upper bound of the request journal. */
  journalMaxEntries?: number;
}

/** The fake's whole state: one SQLite database and a repository per table family. */
export class Store {
  readonly sites: SiteRepository;
  readonly accounts: AccountRepository;
  readonly emailAccounts: EmailAccountRepository;
  readonly regTokens: RegTokenRepository;
  readonly history: HistoryRepository;
  readonly journal: JournalRepository;
  private readonly writes: WriteQueue;

  constructor(
    readonly db: Db,
    options: { journalMaxEntries: number },
  ) {
    this.sites = new SiteRepository(db);
    this.accounts = new AccountRepository(db);
    this.emailAccounts = new EmailAccountRepository(db);
    this.regTokens = new RegTokenRepository(db);
    this.history = new HistoryRepository(db);
    this.journal = new JournalRepository(db, options.journalMaxEntries);
    this.writes = new WriteQueue(db, (error) => {
      console.error(`fake-gigya: journal write failed: ${error instanceof Error ? error.message : 'unknown error'}`);
    });
  }

  /**
   * Runs a read-modify-write in a transaction, committed together with the writes of
   * concurrent requests (group commit). The promise settles once the data is durable.
   */
  write<T>(work: () => T): Promise<T> {
    return this.writes.write(work);
  }

  /** Queues a journal line into the next group commit; the caller does not wait for it. */
  appendJournal(entry: JournalEntry): void {
    this.writes.append(() => this.journal.record(entry));
  }

  /** Commits what is queued and closes the file: no accepted write is lost on shutdown. */
  close(): void {
    this.writes.close();
    if (this.db.open) this.db.close();
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

