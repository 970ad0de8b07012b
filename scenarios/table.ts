import type { AccountSnapshot, FieldChange } from './stage.js';

/** How many characters of a UID the tables show: enough to tell the accounts of one story apart. */
export const uidShown = 12;

/** A plain-text table: one row per account, the profile fields the scenarios care about. */
export function accountsTable(accounts: AccountSnapshot[]): string {
  if (accounts.length === 0) return '  (no account with this email)';
  const rows = accounts.map((account) => [
    account.uid.slice(0, uidShown),
    account.type,
    text(account.profile.firstName),
    text(account.profile.lastName),
    text(account.profile.city),
    text(account.profile.zip),
    Object.entries(account.subscriptions)
      .filter(([, value]) => (value as { email?: { isSubscribed?: boolean } }).email?.isSubscribed === true)
      .map(([id]) => id)
      .join(',') || '-',
    String(account.history.length),
  ]);
  return grid(['UID', 'type', 'firstName', 'lastName', 'city', 'zip', 'subscribed', 'changes'], rows);
}

export function changesTable(changes: FieldChange[]): string {
  if (changes.length === 0) return '  (no change)';
  return grid(['field', 'before', 'after'], changes.map((change) => [shortField(change.field), text(change.before), text(change.after)]));
}

/** The parts of a subscription (gigya-api.md §6.5) in a few words each. */
const subscriptionParts: Record<string, string> = {
  isSubscribed: 'subscribed',
  lastUpdatedSubscriptionState: 'last changed',
  tags: 'tags',
  'doubleOptIn.status': 'double opt-in',
  'doubleOptIn.emailSentTime': 'double opt-in email sent',
  'doubleOptIn.confirmTime': 'double opt-in confirmed',
};

/**
 * A change's field as the tables print it: profile fields by their name (`city`), subscription
 * fields as `<subscription>: <what>` (`newsletter: subscribed`); anything else keeps its path.
 */
export function shortField(path: string): string {
  if (path.startsWith('profile.')) return path.slice('profile.'.length);
  const subscription = /^subscriptions\.([^.]+)\.email\.(.+)$/.exec(path);
  if (subscription !== null) return `${subscription[1]}: ${subscriptionParts[subscription[2]!] ?? subscription[2]}`;
  return path;
}

const isoInstant = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(\.\d+)?Z$/;

function text(value: unknown): string {
  if (value === undefined || value === null || value === '') return '-';
  if (typeof value === 'string') return value.replace(isoInstant, '$1 $2Z');
  return JSON.stringify(value);
}

function grid(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `  ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')}`.trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
