// The SQLite schema, as an ordered list of migrations. A migration is never edited once
// committed: add a new one, so a database file from an older run still opens.
//
// Conventions: times are Unix milliseconds (INTEGER); objects Gigya treats as JSON
// (profile, data, subscriptions, preferences, policies) are TEXT holding JSON; every row
// belongs to a site (`site` = the site's apiKey) and every lookup path starts with it.
export const migrations: readonly string[] = [
  `
  CREATE TABLE sites (
    api_key      TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    data_center  TEXT NOT NULL DEFAULT 'us1',
    policies     TEXT NOT NULL DEFAULT '{}',
    created_ms   INTEGER NOT NULL
  );

  CREATE TABLE app_keys (
    user_key        TEXT PRIMARY KEY,
    site            TEXT NOT NULL REFERENCES sites(api_key) ON DELETE CASCADE,
    secret          TEXT NOT NULL,
    public_key_pem  TEXT,
    name            TEXT NOT NULL DEFAULT '',
    created_ms      INTEGER NOT NULL
  );
  CREATE INDEX app_keys_site ON app_keys(site);

  -- Lite and full accounts share one table: kind says which. email is the lower-cased
  -- profile.email (the emailAccounts key), kept in its own column so lookups use an index.
  CREATE TABLE accounts (
    site            TEXT NOT NULL REFERENCES sites(api_key) ON DELETE CASCADE,
    uid             TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('full', 'lite')),
    email           TEXT,
    login_ids       TEXT NOT NULL DEFAULT '[]',
    password_hash   TEXT,
    profile         TEXT NOT NULL DEFAULT '{}',
    data            TEXT NOT NULL DEFAULT '{}',
    subscriptions   TEXT NOT NULL DEFAULT '{}',
    preferences     TEXT NOT NULL DEFAULT '{}',
    is_registered   INTEGER NOT NULL DEFAULT 0,
    is_active       INTEGER NOT NULL DEFAULT 1,
    is_verified     INTEGER NOT NULL DEFAULT 0,
    reg_source      TEXT,
    created_ms      INTEGER NOT NULL,
    last_updated_ms INTEGER NOT NULL,
    registered_ms   INTEGER,
    verified_ms     INTEGER,
    last_login_ms   INTEGER,
    PRIMARY KEY (site, uid)
  ) WITHOUT ROWID;
  CREATE INDEX accounts_email ON accounts(site, email);
  CREATE INDEX accounts_kind_created ON accounts(site, kind, created_ms);
  CREATE INDEX accounts_last_updated ON accounts(site, last_updated_ms);

  -- Gigya's emailAccounts object: one per (site, lower-cased email), merging lite and full data.
  CREATE TABLE email_accounts (
    site            TEXT NOT NULL REFERENCES sites(api_key) ON DELETE CASCADE,
    email           TEXT NOT NULL,
    token           TEXT NOT NULL,
    has_lite        INTEGER NOT NULL DEFAULT 0,
    has_full        INTEGER NOT NULL DEFAULT 0,
    profile         TEXT NOT NULL DEFAULT '{}',
    data            TEXT NOT NULL DEFAULT '{}',
    subscriptions   TEXT NOT NULL DEFAULT '{}',
    created_ms      INTEGER NOT NULL,
    last_updated_ms INTEGER NOT NULL,
    PRIMARY KEY (site, email)
  ) WITHOUT ROWID;
  CREATE UNIQUE INDEX email_accounts_token ON email_accounts(token);
  CREATE INDEX email_accounts_last_updated ON email_accounts(site, last_updated_ms);

  -- regTokens from initRegistration (lite or not), register (pending) and getLiteToken.
  CREATE TABLE reg_tokens (
    token       TEXT PRIMARY KEY,
    site        TEXT NOT NULL REFERENCES sites(api_key) ON DELETE CASCADE,
    is_lite     INTEGER NOT NULL,
    uid         TEXT,
    expires_ms  INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX reg_tokens_expiry ON reg_tokens(expires_ms);

  -- Every write to an account, in the transaction of the write: what shows an overwrite.
  CREATE TABLE history (
    id        INTEGER PRIMARY KEY,
    site      TEXT NOT NULL,
    uid       TEXT NOT NULL,
    at_ms     INTEGER NOT NULL,
    method    TEXT NOT NULL,
    user_key  TEXT,
    changes   TEXT NOT NULL
  );
  CREATE INDEX history_account ON history(site, uid, id);

  -- The request journal: every Gigya call, with secrets already redacted.
  CREATE TABLE journal (
    id           INTEGER PRIMARY KEY,
    call_id      TEXT NOT NULL,
    site         TEXT,
    at_ms        INTEGER NOT NULL,
    method       TEXT NOT NULL,
    params       TEXT NOT NULL,
    email        TEXT,
    error_code   INTEGER NOT NULL,
    duration_ms  REAL NOT NULL
  );
  CREATE INDEX journal_site_time ON journal(site, at_ms);
  CREATE INDEX journal_method ON journal(site, method);
  CREATE INDEX journal_error ON journal(site, error_code);
  CREATE INDEX journal_email ON journal(email);
  `,
  `
  -- A full account's loginID, apart from profile.email: changing the profile email must not
  -- change how the account logs in. One loginID per account (addLoginEmails is not emulated).
  ALTER TABLE accounts ADD COLUMN login_id TEXT;
  UPDATE accounts SET login_id = json_extract(login_ids, '$[0]') WHERE kind = 'full';
  CREATE INDEX accounts_login_id ON accounts(site, login_id);
  `,
  `
  -- Every request writes a journal line: each index is paid on every call. Queries by method or
  -- errorCode filter within a site's time range instead (the journal is bounded, so that stays cheap).
  DROP INDEX journal_method;
  DROP INDEX journal_error;
  `,
  `
  -- Account events, inserted in the transaction of the write that caused them: the webhooks'
  -- durable outbox. Delivery reads them in id order; a webhook keeps its own cursor.
  -- AUTOINCREMENT: ids never come back after a reset, so no cursor skips a new event.
  CREATE TABLE account_events (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    site          TEXT NOT NULL,
    event_id      TEXT NOT NULL,
    type          TEXT NOT NULL,
    uid           TEXT NOT NULL,
    account_type  TEXT NOT NULL CHECK (account_type IN ('full', 'lite')),
    call_id       TEXT,
    at_ms         INTEGER NOT NULL
  );
  CREATE INDEX account_events_site ON account_events(site, id);
  CREATE INDEX account_events_account ON account_events(site, uid, id);

  -- accounts.webhooks.set: name and url are each unique per site (gigya-api.md §13).
  CREATE TABLE webhooks (
    id                INTEGER PRIMARY KEY,
    site              TEXT NOT NULL REFERENCES sites(api_key) ON DELETE CASCADE,
    name              TEXT NOT NULL,
    url               TEXT NOT NULL,
    events            TEXT NOT NULL,
    version           TEXT NOT NULL,
    active            INTEGER NOT NULL,
    signing_user_key  TEXT,
    headers           TEXT NOT NULL DEFAULT '[]',
    event_cursor      INTEGER NOT NULL,
    created_ms        INTEGER NOT NULL,
    updated_ms        INTEGER NOT NULL,
    UNIQUE (site, name),
    UNIQUE (site, url)
  );

  -- A notification holds its events as sent (rendered for the webhook's version), so the
  -- outbox can be pruned behind every cursor without losing what is still to be delivered.
  CREATE TABLE webhook_notifications (
    id               INTEGER PRIMARY KEY,
    webhook          INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    site             TEXT NOT NULL,
    events           TEXT NOT NULL,
    uids             TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms  INTEGER NOT NULL,
    created_ms       INTEGER NOT NULL,
    delivered_ms     INTEGER,
    replay_of        INTEGER
  );
  CREATE INDEX webhook_notifications_queue ON webhook_notifications(webhook, state, id);
  CREATE INDEX webhook_notifications_site ON webhook_notifications(site, id);

  -- Every POST to a receiver: what was sent and what came back (bounded).
  CREATE TABLE webhook_attempts (
    id             INTEGER PRIMARY KEY,
    notification   INTEGER NOT NULL REFERENCES webhook_notifications(id) ON DELETE CASCADE,
    at_ms          INTEGER NOT NULL,
    nonce          TEXT NOT NULL,
    body           TEXT NOT NULL,
    headers        TEXT NOT NULL,
    status         INTEGER,
    response_body  TEXT,
    error          TEXT,
    duration_ms    REAL NOT NULL
  );
  CREATE INDEX webhook_attempts_notification ON webhook_attempts(notification, id);

  -- The RSA keys that sign id_tokens and webhook JWTs: one current key per data center; a
  -- rotated key keeps being served (retired_ms set) for a grace period.
  CREATE TABLE jwt_keys (
    kid          TEXT PRIMARY KEY,
    data_center  TEXT NOT NULL,
    private_jwk  TEXT NOT NULL,
    public_jwk   TEXT NOT NULL,
    created_ms   INTEGER NOT NULL,
    retired_ms   INTEGER
  );
  CREATE UNIQUE INDEX jwt_keys_current ON jwt_keys(data_center) WHERE retired_ms IS NULL;
  `,
  `
  -- Why a signed request was refused (403002, 403003): base strings, credential form, skew,
  -- nonce; JSON, free of secrets (server/protocol/signatureDiagnosis.ts). NULL for other calls.
  ALTER TABLE journal ADD COLUMN signature_diagnosis TEXT;
  `,
  `
  -- A site's accounts schema (accounts.setSchema, consent statements) as JSON; NULL = the
  -- default schema. A column of sites, so snapshots and restores carry it with the site.
  ALTER TABLE sites ADD COLUMN account_schema TEXT;

  -- Double opt-in confirmation emails, captured instead of sent; the token is the confirm link's.
  CREATE TABLE double_opt_in_emails (
    id            INTEGER PRIMARY KEY,
    site          TEXT NOT NULL REFERENCES sites(api_key) ON DELETE CASCADE,
    uid           TEXT NOT NULL,
    email         TEXT NOT NULL,
    subscription  TEXT NOT NULL,
    token         TEXT NOT NULL UNIQUE,
    sent_ms       INTEGER NOT NULL,
    confirmed_ms  INTEGER
  );
  CREATE INDEX double_opt_in_emails_site ON double_opt_in_emails(site, id);
  `,
  `
  -- Only full accounts have a loginID: a partial index leaves lite accounts out, so a lite
  -- submit does not write an entry at a random place of one large NULL group.
  DROP INDEX accounts_login_id;
  CREATE INDEX accounts_login_id ON accounts(site, login_id) WHERE login_id IS NOT NULL;
  `,
];
