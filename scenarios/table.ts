import type { AccountSnapshot, FieldChange } from './stage.js';

/** A plain-text table: one row per account, the profile fields the scenarios care about. */
export function accountsTable(accounts: AccountSnapshot[]): string {
  if (accounts.length === 0) return '  (no account with this email)';
  const rows = accounts.map((account) => [
    account.uid.slice(0, 12),
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
  return grid(['field', 'before', 'after'], changes.map((change) => [change.field, text(change.before), text(change.after)]));
}

function text(value: unknown): string {
  if (value === undefined || value === null || value === '') return '-';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function grid(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `  ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')}`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
