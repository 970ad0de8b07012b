import { openStage, outcomeOf, type FieldChange, type ScenarioResult } from './stage.js';

/** (4) Custom integration: the full account keeps John Doe, its blanks are filled, the opt-in is recorded. */
export async function runCustomScenario(): Promise<ScenarioResult & { fullUid: string; changes: FieldChange[] }> {
  const stage = await openStage('custom');
  try {
    const email = 'john.doe@example.com';
    const fullUid = await stage.registerFullAccount(email, { firstName: 'John', lastName: 'Doe' });
    const before = await stage.accountsWithEmail(email);
    const participation = await stage.submit({ email, firstname: 'Jane', lastname: 'Doe', locality: 'Diest', zipcode: '3290', optin: true });
    const after = await stage.accountsWithEmail(email);
    const full = after.find((account) => account.uid === fullUid);
    const changes = full?.history.filter((entry) => entry.method === 'accounts.setAccountInfo').flatMap((entry) => entry.changes) ?? [];
    return {
      title: 'Custom integration: the full account is protected',
      setup: 'custom',
      narrative: [
        `John Doe has a full account (${email}).`,
        'A participant submits "Jane Doe" with the same email and ticks the newsletter opt-in.',
        'The custom integration only fills the full account\'s empty fields and records the opt-in as a subscription.',
      ],
      before,
      after,
      participations: [outcomeOf(participation)],
      fullUid,
      changes,
    };
  } finally {
    await stage.close();
  }
}
