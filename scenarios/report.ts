import type { CrmCustomer, CrmOutcome } from './crm.js';
import { optInLines, type OptInStory } from './optIn.js';
import type { FieldChange, ScenarioResult } from './stage.js';
import { accountsTable, changesTable, uidShown } from './table.js';

export type ReportedScenario = ScenarioResult & { changes?: FieldChange[]; emailAccountsRecords?: number; optIn?: OptInStory };

/**
 * The printed story of each scenario. A reader meets the tables' words once: the first table
 * with accounts says what "changes" counts, the first table of changes says how its field
 * names are shortened; later scenarios do not repeat it.
 */
export class ScenarioReport {
  #accountsExplained = false;
  #changesExplained = false;

  render(result: ReportedScenario, index: number): string {
    const lines = [`(${index + 1}) ${result.title}  [set-up ${result.setup}]`, ...result.narrative.map((sentence) => `  ${sentence}`)];
    lines.push('', '  Before:', ...this.#accounts(result.before));
    lines.push('', '  After:', ...this.#accounts(result.after));
    if (result.emailAccountsRecords !== undefined) lines.push('', `  emailAccounts records for the email: ${result.emailAccountsRecords}`);
    if (result.changes !== undefined) {
      lines.push('', "  What the connector's write changed in the full account, field by field (from the fake's change history):");
      lines.push(changesTable(result.changes));
      if (!this.#changesExplained && result.changes.length > 0) {
        this.#changesExplained = true;
        lines.push('  (profile fields by their name, e.g. city = profile.city; subscriptions as "<subscription>: <what>",');
        lines.push('  e.g. newsletter: subscribed = subscriptions.newsletter.email.isSubscribed; "-" = no value)');
      }
    }
    if (result.crm !== undefined) lines.push('', ...crmLines(result.crm));
    if (result.optIn !== undefined) lines.push('', ...optInLines(result.optIn));
    return lines.join('\n');
  }

  #accounts(accounts: ReportedScenario['before']): string[] {
    const table = [accountsTable(accounts)];
    if (this.#accountsExplained || accounts.length === 0) return table;
    this.#accountsExplained = true;
    return [
      ...table,
      `  (UID: its first ${uidShown} characters; type: full = registered with a password, lite = email only;`,
      '  changes: how many writes the fake has recorded on the account, the one that created it included)',
    ];
  }
}

/** The CRM downstream: the full account as the brand's other systems now know it. */
function crmLines(crm: CrmOutcome): string[] {
  const shown = (customer: CrmCustomer | undefined) =>
    customer === undefined ? '(not known)' : `${[customer.firstName, customer.lastName].filter(Boolean).join(' ') || '(no name)'} <${customer.email ?? '-'}>  after ${customer.lastEvent}`;
  return [
    "  Downstream, the brand's CRM (a webhook receiver: each notification's JWT checked with accounts.getJWTPublicKey,",
    '  the account then copied with accounts.getAccountInfo) holds the full account as:',
    `    before the submission  ${shown(crm.before)}`,
    `    after the submission   ${shown(crm.after)}`,
    `  (${crm.accepted} notifications verified, ${crm.refused} refused)`,
  ];
}
