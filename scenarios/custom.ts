import { submitOverFullAccount, type FieldChange, type ScenarioResult } from './stage.js';

/** (4) Custom integration: the full account keeps John Doe, its blanks are filled, the opt-in is recorded. */
export function runCustomScenario(): Promise<ScenarioResult & { fullUid: string; changes: FieldChange[] }> {
  return submitOverFullAccount(
    'custom',
    { firstname: 'Jane', lastname: 'Doe', locality: 'Diest', zipcode: '3290', optin: true },
    {
      title: 'Custom integration: the full account is protected',
      narrative: [
        'John Doe has a full account (john.doe@example.com).',
        'A participant submits "Jane Doe" with the same email and ticks the newsletter opt-in.',
        "The custom integration only fills the full account's empty fields and records the opt-in as a subscription.",
      ],
    },
  );
}
