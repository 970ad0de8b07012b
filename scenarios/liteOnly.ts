import { emailAccountsByEmailQuery } from '../connector/index.js';
import { openStage, outcomeOf, type ScenarioResult } from './stage.js';

export interface LiteOnlyResult extends ScenarioResult {
  /** emailAccounts records holding the email: one per email, however many lite accounts. */
  emailAccountsRecords: number;
}

/** (1) Lite only: the same participant submits twice → two lite accounts, one emailAccounts record. */
export async function runLiteOnlyScenario(): Promise<LiteOnlyResult> {
  const stage = await openStage('liteOnly');
  try {
    const email = 'jane.lite@example.com';
    const before = await stage.accountsWithEmail(email);
    const first = await stage.submit({ email, firstname: 'Jane', lastname: 'Doe' });
    const second = await stage.submit({ email, firstname: 'Jane', lastname: 'Doe', locality: 'Diest' });
    const after = await stage.accountsWithEmail(email);
    const records = await stage.gigya.search({ query: emailAccountsByEmailQuery(email) });
    const emailAccountsRecords = (records.results as unknown[]).length;
    return {
      title: 'Lite only: two submissions with one email',
      setup: 'liteOnly',
      narrative: [
        `Jane submits the campaign form twice with ${email}.`,
        'Without Gigya SSO, Qualifio creates a lite account on every submission, with no existence check.',
        'Gigya keeps one emailAccounts record per email address: the entry that ties together every account made with that email.',
        `Result: ${after.length} lite accounts, and ${emailAccountsRecords} emailAccounts record for the email.`,
      ],
      before,
      after,
      participations: [outcomeOf(first), outcomeOf(second)],
      emailAccountsRecords,
    };
  } finally {
    await stage.close();
  }
}
