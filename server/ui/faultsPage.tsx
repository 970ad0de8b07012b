import type { FC } from 'hono/jsx';
import type { FaultView } from '../faults/registry.js';
import { Layout, SiteHeading, sitePath, type SiteRef } from './layout.js';

/** What a fault does, in one line: the spec's fields without the bookkeeping. */
function describe(fault: FaultView): string {
  const { id: _id, apiKey: _apiKey, method: _method, kind: _kind, remaining: _remaining, matched: _matched, fired: _fired, ...spec } = fault;
  return Object.entries(spec)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(', ');
}

/** A site's faults: the list, a form to add one, buttons to remove one or all. */
export const FaultsPage: FC<{ site: SiteRef; faults: FaultView[]; problem?: string }> = ({ site, faults, problem }) => (
  <Layout title="Faults" site={site}>
    <SiteHeading site={site}>Faults</SiteHeading>
    {problem !== undefined && (
      <p class="problem" role="alert">
        {problem}
      </p>
    )}
    <section aria-labelledby="active-title">
      <h2 id="active-title">Active faults ({faults.length})</h2>
      {faults.length === 0 ? (
        <p class="muted">None: every call is answered normally.</p>
      ) : (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Kind</th>
                <th scope="col">Method</th>
                <th scope="col">Settings</th>
                <th scope="col">Remaining</th>
                <th scope="col">Matched</th>
                <th scope="col">Fired</th>
                <th scope="col">Remove</th>
              </tr>
            </thead>
            <tbody>
              {faults.map((fault) => (
                <tr>
                  <th scope="row">
                    <code>{fault.id}</code>
                  </th>
                  <td>{fault.kind}</td>
                  <td>
                    <code>{fault.method}</code>
                  </td>
                  <td>{describe(fault)}</td>
                  <td>{fault.remaining === null ? 'until cleared' : fault.remaining}</td>
                  <td>{fault.matched}</td>
                  <td>{fault.fired}</td>
                  <td>
                    <form method="post" action={sitePath(site.apiKey, `faults/${encodeURIComponent(fault.id)}/delete`)}>
                      <button type="submit" aria-label={`Remove ${fault.id}`}>
                        Remove
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form method="post" action={sitePath(site.apiKey, 'faults/clear')}>
            <button type="submit">Clear all faults of this site</button>
          </form>
        </>
      )}
    </section>
    <section aria-labelledby="add-title">
      <h2 id="add-title">Add a fault</h2>
      <p class="muted">Blank fields take their defaults; only the fields of the chosen kind are read.</p>
      <form class="stack" method="post" action={sitePath(site.apiKey, 'faults')}>
        <label>
          Kind
          <select name="kind" required>
            <option value="error">error (an error envelope)</option>
            <option value="latency">latency</option>
            <option value="rateLimit">rateLimit (403048)</option>
            <option value="drop">drop the connection</option>
          </select>
        </label>
        <label>
          Method
          <input type="text" name="method" placeholder="accounts.* (blank: every method)" />
        </label>
        <label>
          Error code (error)
          <input type="number" name="errorCode" min="200000" max="599999" placeholder="500001" />
        </label>
        <label>
          Error details (error)
          <input type="text" name="errorDetails" />
        </label>
        <label>
          Delay ms (latency)
          <input type="number" name="ms" min="0" max="60000" />
        </label>
        <label>
          Up to ms (latency)
          <input type="number" name="maxMs" min="0" max="60000" />
        </label>
        <label>
          Calls per window (rateLimit)
          <input type="number" name="limit" min="0" />
        </label>
        <label>
          Window ms (rateLimit)
          <input type="number" name="windowMs" min="1" />
        </label>
        <label>
          Times (then gone)
          <input type="number" name="times" min="1" />
        </label>
        <label>
          Probability 0–1
          <input type="number" name="probability" min="0" max="1" step="0.01" />
        </label>
        <button type="submit">Add fault</button>
      </form>
    </section>
  </Layout>
);
