import { segmentPattern, type FieldPath, type Source } from './ast.js';
import { fieldPositions } from './parser.js';
import { queryError } from './queryError.js';

// The field catalogue of each data source: which names a query may use, and
// the SQL expression each stands for. SQL text here comes from this file only; a path below an
// object becomes a bound JSON path ('$.a.b') built from validated identifiers.

export type Field =
  /** A text column: UID, regSource, token, channel. */
  | { type: 'text'; name: string; sql: string }
  /**
   * The lower-cased email column (indexed). Gigya stores emails encrypted: = and != only, no
   * ordering or regex, and `contains` is a case-insensitive whole-value match. The fake matches
   * emails case-insensitively for = too (docs/behaviour.md).
   */
  | { type: 'email'; name: string; sql: string }
  /** A 0/1 expression that is never null. */
  | { type: 'boolean'; name: string; sql: string }
  /** Unix ms column; compared with a number (ms) or a date string. */
  | { type: 'time'; name: string; sql: string; nullable: boolean }
  /** A value inside a JSON object column; `path` is '$' for the whole object. */
  | { type: 'json'; name: string; column: string; path: string };

type Unnamed<T> = T extends unknown ? Omit<T, 'name'> : never;
type TopLevel = Unnamed<Field> | 'object';

const time = (sql: string, nullable = false): TopLevel => ({ type: 'time', sql, nullable });

const accountFields: Record<string, TopLevel> = {
  UID: { type: 'text', sql: 'a.uid' },
  regSource: { type: 'text', sql: 'a.reg_source' },
  isRegistered: { type: 'boolean', sql: 'a.is_registered' },
  isActive: { type: 'boolean', sql: 'a.is_active' },
  isVerified: { type: 'boolean', sql: 'a.is_verified' },
  hasLiteAccount: { type: 'boolean', sql: "(a.kind = 'lite')" },
  hasFullAccount: { type: 'boolean', sql: "(a.kind = 'full')" },
  created: time('a.created_ms'),
  createdTimestamp: time('a.created_ms'),
  lastUpdated: time('a.last_updated_ms'),
  lastUpdatedTimestamp: time('a.last_updated_ms'),
  registered: time('a.registered_ms', true),
  registeredTimestamp: time('a.registered_ms', true),
  verified: time('a.verified_ms', true),
  verifiedTimestamp: time('a.verified_ms', true),
  lastLogin: time('a.last_login_ms', true),
  lastLoginTimestamp: time('a.last_login_ms', true),
  profile: 'object',
  data: 'object',
  subscriptions: 'object',
  preferences: 'object',
};

const emailAccountFields: Record<string, TopLevel> = {
  email: { type: 'email', sql: 'a.email' },
  token: { type: 'text', sql: 'a.token' },
  channel: { type: 'text', sql: "'email'" },
  hasLiteAccount: { type: 'boolean', sql: 'a.has_lite' },
  hasFullAccount: { type: 'boolean', sql: 'a.has_full' },
  created: time('a.created_ms'),
  createdTimestamp: time('a.created_ms'),
  lastUpdated: time('a.last_updated_ms'),
  lastUpdatedTimestamp: time('a.last_updated_ms'),
  profile: 'object',
  data: 'object',
  subscriptions: 'object',
};

/** Names a SELECT may use beyond the searchable ones: read-only parts of the account view. */
const selectOnly: Record<Source, Record<string, 'value' | 'object'>> = {
  accounts: { socialProviders: 'value', loginProvider: 'value', emails: 'object', loginIDs: 'object' },
  emailAccounts: {},
};

const catalogue: Record<Source, Record<string, TopLevel>> = { accounts: accountFields, emailAccounts: emailAccountFields };

export const tables: Record<Source, { table: string; key: string }> = {
  accounts: { table: 'accounts', key: 'a.uid' },
  emailAccounts: { table: 'email_accounts', key: 'a.email' },
};

function positionOf(path: FieldPath): number {
  return fieldPositions.get(path) ?? 0;
}

/** Resolves a WHERE or ORDER BY field; unknown names are errors, unknown nested paths read as null. */
export function resolveField(source: Source, path: FieldPath): Field {
  const [top, ...rest] = path;
  const name = path.join('.');
  const known = top === undefined ? undefined : catalogue[source][top];
  if (top === undefined || known === undefined || !Object.hasOwn(catalogue[source], top)) {
    if (top !== undefined && Object.hasOwn(selectOnly[source], top)) throw queryError(`field ${top} cannot be searched`, positionOf(path));
    throw queryError(`unknown field ${name} in ${source}`, positionOf(path));
  }
  if (known !== 'object') {
    if (rest.length > 0) throw queryError(`field ${top} has no sub-fields`, positionOf(path));
    return { ...known, name } as Field;
  }
  // The emailAccounts key and the accounts email column are the lower-cased profile.email.
  if (top === 'profile' && rest.length === 1 && rest[0] === 'email') return { type: 'email', name, sql: 'a.email' };
  for (const segment of rest) if (!segmentPattern.test(segment)) throw queryError(`invalid field name ${name}`, positionOf(path));
  return { type: 'json', name, column: `a.${top}`, path: ['$', ...rest].join('.') };
}

/** Checks a SELECT path: a known top-level name, with sub-fields only below objects. */
export function checkSelectable(source: Source, path: FieldPath): void {
  const [top, ...rest] = path;
  const known = top !== undefined && Object.hasOwn(catalogue[source], top) ? catalogue[source][top] : undefined;
  const extra = top !== undefined && Object.hasOwn(selectOnly[source], top) ? selectOnly[source][top] : undefined;
  if (known === undefined && extra === undefined) throw queryError(`unknown field ${path.join('.')} in ${source}`, positionOf(path));
  if (rest.length > 0 && known !== 'object' && extra !== 'object') throw queryError(`field ${top} has no sub-fields`, positionOf(path));
}

export { positionOf };
