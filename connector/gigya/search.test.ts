import { describe, expect, it } from 'vitest';
import { accountsByEmailQuery, emailAccountsByEmailQuery, gcsString } from './search.js';

describe('accounts.search queries', () => {
  it('looks an email up across accounts', () =>
    expect(accountsByEmailQuery('jane@example.com')).toBe('SELECT * FROM accounts WHERE profile.email = "jane@example.com"'));
  it('reads the emailAccounts record of an email', () =>
    expect(emailAccountsByEmailQuery('jane@example.com')).toBe('SELECT * FROM emailAccounts WHERE email = "jane@example.com"'));
  it('escapes double quotes so the string cannot end early', () => expect(gcsString('a"b@x.com')).toBe('"a\\"b@x.com"'));
  it('escapes backslashes before quotes', () => expect(gcsString('a\\"b')).toBe('"a\\\\\\"b"'));
});
