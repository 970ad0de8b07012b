import { submitOverFullAccount, type FieldChange, type ScenarioResult } from './stage.js';

/** (3) Native integration: the full account "John Doe" is overwritten by the participant "Jane Doe". */
export function runNativeScenario(): Promise<ScenarioResult & { fullUid: string; changes: FieldChange[] }> {
  return submitOverFullAccount(
    'liteAndSsoNative',
    { firstname: 'Jane', lastname: 'Doe', locality: 'Diest' },
    {
      title: 'Both connected, native integration: the full account is overwritten',
      narrative: [
        'John Doe has a full account (john.doe@example.com).',
        'A participant submits "Jane Doe" with the same email.',
        'The native integration matches by email with no further check and writes the latest data over the full account.',
      ],
    },
  );
}
