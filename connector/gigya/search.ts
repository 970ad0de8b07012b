/**
 * A double-quoted GCS string literal (gigya-api.md §7): backslashes and double quotes are
 * escaped with a backslash, so an address such as `a"b@x.com` cannot end the string early.
 */
export function gcsString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Every account, full or lite, whose profile.email is exactly `email`. */
export function accountsByEmailQuery(email: string): string {
  return `SELECT * FROM accounts WHERE profile.email = ${gcsString(email)}`;
}

/** The emailAccounts record of an email (one per email, gigya-api.md §6.2). */
export function emailAccountsByEmailQuery(email: string): string {
  return `SELECT * FROM emailAccounts WHERE email = ${gcsString(email)}`;
}
