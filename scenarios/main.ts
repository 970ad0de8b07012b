// `npm run scenarios`: the seed's set-ups played against a fresh in-process fake Gigya each.
import { runCustomScenario } from './custom.js';
import { runLiteOnlyScenario } from './liteOnly.js';
import { runLiteWithSsoScenario } from './liteWithSso.js';
import { runNativeScenario } from './native.js';
import { runConsentScenario, runDoubleOptInScenario } from './optIn.js';
import { ScenarioReport, type ReportedScenario } from './report.js';

const scenarios: Array<() => Promise<ReportedScenario>> = [runLiteOnlyScenario, runLiteWithSsoScenario, runNativeScenario, runCustomScenario, runDoubleOptInScenario, runConsentScenario];

const report = new ScenarioReport();
for (const [index, run] of scenarios.entries()) console.log(`\n${report.render(await run(), index)}`);
