import { describe, expect, it } from 'vitest';
import { runCustomScenario } from '../scenarios/custom.js';
import { runLiteOnlyScenario } from '../scenarios/liteOnly.js';
import { runLiteWithSsoScenario } from '../scenarios/liteWithSso.js';
import { runNativeScenario } from '../scenarios/native.js';

describe('scenarios', () => {
  it('(1) lite only: two submissions with one email make two lite accounts and one emailAccounts record', async () => {
    const result = await runLiteOnlyScenario();
    expect(result.before).toEqual([]);
    expect(result.after.map((account) => account.type)).toEqual(['lite', 'lite']);
    expect(new Set(result.after.map((account) => account.uid)).size).toBe(2);
    expect(result.participations).toEqual([
      { status: 'succeeded', action: 'liteAccountCreated', uid: expect.any(String) },
      { status: 'succeeded', action: 'liteAccountCreated', uid: expect.any(String) },
    ]);
    expect(result.emailAccountsRecords).toBe(1);
  });

  it('(2) lite + SSO, only Lite connected: a lite account appears beside the untouched full account', async () => {
    const result = await runLiteWithSsoScenario();
    expect(result.before.map((account) => account.type)).toEqual(['full']);
    expect(result.after.map((account) => account.type)).toEqual(['full', 'lite']);
    const [fullBefore] = result.before;
    const full = result.after.find((account) => account.uid === result.fullUid)!;
    expect(full.profile).toEqual(fullBefore!.profile);
    expect(full.history.map((entry) => entry.method)).toEqual(['accounts.register']);
    expect(result.after.find((account) => account.type === 'lite')?.profile).toMatchObject({ firstName: 'Jane', lastName: 'Doe' });
  });

  it('(3) native: the full account "John Doe" is overwritten by the participant "Jane Doe"', async () => {
    const result = await runNativeScenario();
    expect(result.after.map((account) => account.type)).toEqual(['full']);
    expect(result.participations).toEqual([{ status: 'succeeded', action: 'accountOverwritten', uid: result.fullUid }]);
    expect(result.after[0]?.profile).toMatchObject({ firstName: 'Jane', lastName: 'Doe' });
    expect(result.changes).toContainEqual({ field: 'profile.firstName', before: 'John', after: 'Jane' });
    expect(result.changes.map((change) => change.field)).not.toContain('profile.lastName');
  });

  it('(4) custom: the full account keeps John Doe, blanks are filled and the opt-in is recorded', async () => {
    const result = await runCustomScenario();
    expect(result.after.map((account) => account.type)).toEqual(['full']);
    expect(result.participations).toEqual([{ status: 'succeeded', action: 'blanksFilled', uid: result.fullUid }]);
    expect(result.after[0]?.profile).toMatchObject({ firstName: 'John', lastName: 'Doe', city: 'Diest', zip: '3290' });
    expect(result.after[0]?.subscriptions).toMatchObject({ newsletter: { email: { isSubscribed: true } } });
    const changedFields = result.changes.map((change) => change.field);
    expect(changedFields).not.toContain('profile.firstName');
    expect(changedFields).toEqual(expect.arrayContaining(['profile.city', 'profile.zip', 'subscriptions.newsletter.email.isSubscribed']));
  });
});
