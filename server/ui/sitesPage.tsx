import type { FC } from 'hono/jsx';
import type { AppKey, Site } from '../store/sites.js';
import { Time } from './display.js';
import { Layout, siteName, sitePath } from './layout.js';

/** The site policy for a lite resubmit with a known email (docs/behaviour.md), said in words. */
const liteAccountsInWords: Record<Site['policies']['liteAccounts'], string> = {
  perSubmit: 'a new one per submission',
  mergeByEmail: 'one per email, updated',
};

export interface SiteRow {
  site: Site;
  keys: AppKey[];
  accounts: number;
}

/** Every site with its application keys (userKeys only: secrets are never shown) and where to look next. */
export const SitesPage: FC<{ sites: SiteRow[] }> = ({ sites }) => (
  <Layout title="Sites">
    <h1>Sites</h1>
    <table>
      <caption class="muted">{sites.length} site(s)</caption>
      <thead>
        <tr>
          <th scope="col">Site</th>
          <th scope="col">apiKey</th>
          <th scope="col">Data center</th>
          <th scope="col">Lite accounts (policy)</th>
          <th scope="col">Application keys</th>
          <th scope="col">Accounts</th>
          <th scope="col">Created</th>
          <th scope="col">Look at</th>
        </tr>
      </thead>
      <tbody>
        {sites.map(({ site, keys, accounts }) => (
          <tr>
            <th scope="row">
              <a href={sitePath(site.apiKey, 'accounts')}>{siteName(site)}</a>
            </th>
            <td>
              <code class="key">{site.apiKey}</code>
            </td>
            <td>{site.dataCenter}</td>
            <td>
              {liteAccountsInWords[site.policies.liteAccounts]} <code class="muted">{site.policies.liteAccounts}</code>
            </td>
            <td>
              {keys.map((key) => (
                <div>
                  <code>{key.userKey}</code> <span class="muted">{key.name}</span>
                </div>
              ))}
            </td>
            <td>{accounts}</td>
            <td>
              <Time ms={site.createdMs} />
            </td>
            <td>
              <a href={sitePath(site.apiKey, 'journal')}>journal</a> · <a href={sitePath(site.apiKey, 'faults')}>faults</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </Layout>
);
