import type { CreatedSite } from '../sites/createSite.js';
import type { Account } from '../store/accounts.js';
import type { HistoryEntry } from '../store/history.js';
import type { JournalRecord } from '../store/journal.js';
import type { AppKey, Site } from '../store/sites.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A history entry as the admin API shows it. */
export function historyView(entry: HistoryEntry): Record<string, unknown> {
  return {
    id: entry.id,
    at: new Date(entry.atMs).toISOString(),
    method: entry.method,
    userKey: entry.userKey,
    changes: entry.changes,
  };
}

/** A site without its secrets: those are shown once, by siteCreatedView. */
export function siteView(site: Site, keys: AppKey[]): Record<string, unknown> {
  return {
    apiKey: site.apiKey,
    name: site.name,
    dataCenter: site.dataCenter,
    policies: site.policies,
    createdAt: iso(site.createdMs),
    applicationKeys: keys.map((key) => ({ userKey: key.userKey, name: key.name, hasPublicKey: key.publicKeyPem !== null, createdAt: iso(key.createdMs) })),
  };
}

/** The only view that carries secrets: the answer to a site creation. */
export function siteCreatedView(created: CreatedSite, keys: AppKey[]): Record<string, unknown> {
  const secrets = new Map(created.applicationKeys.map((key) => [key.userKey, key.secret]));
  const view = siteView(created.site, keys);
  view.applicationKeys = (view.applicationKeys as Array<{ userKey: string }>).map((key) => ({ ...key, secret: secrets.get(key.userKey) }));
  return view;
}

/** An account for inspection: everything but the password hash. */
export function accountView(account: Account): Record<string, unknown> {
  return {
    UID: account.uid,
    kind: account.kind,
    email: account.email,
    loginIDs: account.loginIds,
    hasPassword: account.passwordHash !== null,
    profile: account.profile,
    data: account.data,
    subscriptions: account.subscriptions,
    preferences: account.preferences,
    isRegistered: account.isRegistered,
    isActive: account.isActive,
    isVerified: account.isVerified,
    regSource: account.regSource,
    created: iso(account.createdMs),
    lastUpdated: iso(account.lastUpdatedMs),
    registered: iso(account.registeredMs),
    verified: iso(account.verifiedMs),
    lastLogin: iso(account.lastLoginMs),
  };
}

export function journalView(record: JournalRecord): Record<string, unknown> {
  return {
    id: record.id,
    callId: record.callId,
    at: new Date(record.atMs).toISOString(),
    apiKey: record.site,
    method: record.method,
    params: record.params,
    email: record.email,
    errorCode: record.errorCode,
    durationMs: Math.round(record.durationMs * 1000) / 1000,
    ...(record.signatureDiagnosis ? { signatureDiagnosis: record.signatureDiagnosis } : {}),
  };
}
