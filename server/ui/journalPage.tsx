import type { FC } from 'hono/jsx';
import type { JournalRecord } from '../store/journal.js';
import { Pager, Time } from './display.js';
import { Layout, SiteHeading, sitePath, type SiteRef } from './layout.js';
import { SignatureDiagnosisView } from './signatureDiagnosisView.js';

export interface JournalQuery {
  method?: string;
  email?: string;
  errorCode?: number;
  offset: number;
  limit: number;
}

/**
 * A site's Gigya calls, newest first; a call answered with an error stands out, and a refused
 * signature says why. Params are stored redacted.
 */
export const JournalPage: FC<{ site: SiteRef; query: JournalQuery; entries: JournalRecord[]; total: number }> = ({ site, query, entries, total }) => {
  const { apiKey } = site;
  const href = (offset: number) => sitePath(apiKey, 'journal', { method: query.method, email: query.email, errorCode: query.errorCode, offset });
  return (
    <Layout title="Journal" site={site}>
      <SiteHeading site={site}>Request journal</SiteHeading>
      <form class="filters" method="get" action={sitePath(apiKey, 'journal')} role="search" aria-label="Filter the journal">
        <label>
          Method
          <input type="text" name="method" placeholder="accounts.setAccountInfo" value={query.method ?? ''} />
        </label>
        <label>
          Email
          <input type="email" name="email" value={query.email ?? ''} />
        </label>
        <label>
          Error code
          <input type="number" name="errorCode" min="0" placeholder="0 = success" value={query.errorCode === undefined ? '' : String(query.errorCode)} />
        </label>
        <button type="submit">Filter</button>
      </form>
      <Pager offset={query.offset} limit={query.limit} total={total} href={href} label="Journal" />
      <table class="journal">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Method</th>
            <th scope="col">Email</th>
            <th scope="col">Result</th>
            <th scope="col">Duration</th>
            <th scope="col">callId</th>
            <th scope="col">Params (redacted)</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr class={entry.errorCode === 0 ? 'ok' : 'error'}>
              <td>
                <Time ms={entry.atMs} />
              </td>
              <th scope="row">
                <code>{entry.method}</code>
              </th>
              <td>{entry.email ?? ''}</td>
              <td>
                {entry.errorCode === 0 ? 'ok' : <span class="badge error">{`error ${entry.errorCode}`}</span>}
                {entry.signatureDiagnosis && <SignatureDiagnosisView diagnosis={entry.signatureDiagnosis} />}
              </td>
              <td>{`${entry.durationMs.toFixed(1)} ms`}</td>
              <td>
                <code>{entry.callId}</code>
              </td>
              <td>
                <details>
                  <summary>{Object.keys(entry.params).length} params</summary>
                  <pre>{JSON.stringify(entry.params, null, 2)}</pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 && <p class="muted">No call matches.</p>}
    </Layout>
  );
};
