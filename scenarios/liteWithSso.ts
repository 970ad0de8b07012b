import { openStage, outcomeOf, type ScenarioResult } from './stage.js';

/** (2) Lite + SSO, only Lite connected: a lite account appears beside the full one, which stays untouched. */
export async function runLiteWithSsoScenario(): Promise<ScenarioResult & { fullUid: string }> {
  const stage = await openStage('liteWithSso');
  try {
    const email = 'john.doe@example.com';
    const fullUid = await stage.registerFullAccount(email, { firstName: 'John', lastName: 'Doe' });
    const before = await stage.accountsWithEmail(email);
    const participation = await stage.submit({ email, firstname: 'Jane', lastname: 'Doe', locality: 'Diest' });
    const after = await stage.accountsWithEmail(email);
    return {
      title: 'Lite + SSO, only Lite connected: a full account exists',
      setup: 'liteWithSso',
      narrative: [
        `John Doe has a full account (${email}) on the brand's site.`,
        'Someone submits the campaign with the same email as "Jane Doe".',
        'Qualifio never sees full accounts here: it creates a lite account beside the full one, which is left untouched.',
      ],
      before,
      after,
      participations: [outcomeOf(participation)],
      fullUid,
    };
  } finally {
    await stage.close();
  }
}
