import { openStage, outcomeOf, type FieldChange, type ScenarioResult } from './stage.js';

/** (3) Native integration: the full account "John Doe" is overwritten by the participant "Jane Doe". */
export async function runNativeScenario(): Promise<ScenarioResult & { fullUid: string; changes: FieldChange[] }> {
  const stage = await openStage('liteAndSsoNative');
  try {
    const email = 'john.doe@example.com';
    const fullUid = await stage.registerFullAccount(email, { firstName: 'John', lastName: 'Doe' });
    const before = await stage.accountsWithEmail(email);
    const participation = await stage.submit({ email, firstname: 'Jane', lastname: 'Doe', locality: 'Diest' });
    const after = await stage.accountsWithEmail(email);
    const full = after.find((account) => account.uid === fullUid);
    const changes = full?.history.filter((entry) => entry.method === 'accounts.setAccountInfo').flatMap((entry) => entry.changes) ?? [];
    return {
      title: 'Both connected, native integration: the full account is overwritten',
      setup: 'liteAndSsoNative',
      narrative: [
        `John Doe has a full account (${email}).`,
        'A participant submits "Jane Doe" with the same email.',
        'The native integration matches by email with no further check and writes the latest data over the full account.',
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
