// `npm run scenarios`: the seed's set-ups played against a fresh in-process fake Gigya each.
import { runCustomScenario } from './custom.js';
import { runLiteOnlyScenario } from './liteOnly.js';
import { runLiteWithSsoScenario } from './liteWithSso.js';
import { runNativeScenario } from './native.js';
import type { FieldChange, ScenarioResult } from './stage.js';
import { accountsTable, changesTable } from './table.js';

const scenarios: Array<() => Promise<ScenarioResult & { changes?: FieldChange[]; emailAccountsRecords?: number }>> = [
  runLiteOnlyScenario,
  runLiteWithSsoScenario,
  runNativeScenario,
  runCustomScenario,
];

for (const [index, run] of scenarios.entries()) {
  const result = await run();
  console.log(`\n(${index + 1}) ${result.title}  [set-up ${result.setup}]`);
  for (const sentence of result.narrative) console.log(`  ${sentence}`);
  console.log('\n  Before:');
  console.log(accountsTable(result.before));
  console.log('\n  After:');
  console.log(accountsTable(result.after));
  if (result.emailAccountsRecords !== undefined) console.log(`\n  emailAccounts records for the email: ${result.emailAccountsRecords}`);
  if (result.changes !== undefined) {
    console.log('\n  Changes to the full account made by the connector (from its change history):');
    console.log(changesTable(result.changes));
  }
}
