import type { Child, FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Site } from '../store/sites.js';
import { inspectorCss } from './styles.js';

/** Where the inspector is mounted; every link is built from it. */
export const uiBase = '/__admin/ui';

/** What a page needs to know of its site: people know a site by its name, Gigya by its apiKey. */
export type SiteRef = Pick<Site, 'apiKey' | 'name'>;

export const siteName = (site: SiteRef): string => site.name || site.apiKey;

export interface LayoutProps {
  title: string;
  /** The site the page is about: names it in the title and adds its section links to the navigation. */
  site?: SiteRef;
  children?: Child;
}

/** One page: a banner with the navigation, then the main landmark. Works without JavaScript. */
export const Layout: FC<LayoutProps> = ({ title, site, children }) => (
  <>
    {raw('<!DOCTYPE html>')}
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{site === undefined ? title : `${title} · ${siteName(site)}`} · fake Gigya inspector</title>
        <style>{raw(inspectorCss)}</style>
      </head>
      <body>
        <header class="top">
          <strong>
            <a href={uiBase}>fake Gigya inspector</a>
          </strong>
          <nav aria-label="Inspector">
            <ul>
              <li>
                <a href={uiBase}>Sites</a>
              </li>
              {site !== undefined && (
                <>
                  <li class="site-name">{siteName(site)}:</li>
                  <li>
                    <a href={sitePath(site.apiKey, 'accounts')}>Accounts</a>
                  </li>
                  <li>
                    <a href={sitePath(site.apiKey, 'email-accounts')}>emailAccounts</a>
                  </li>
                  <li>
                    <a href={sitePath(site.apiKey, 'journal')}>Journal</a>
                  </li>
                  <li>
                    <a href={sitePath(site.apiKey, 'faults')}>Faults</a>
                  </li>
                  <li>
                    <a href={sitePath(site.apiKey, 'webhooks')}>Webhooks</a>
                  </li>
                  <li>
                    <a href={sitePath(site.apiKey, 'outbox')}>Outbox</a>
                  </li>
                </>
              )}
            </ul>
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  </>
);

/** A site page's heading: what the page shows and the site's name, its apiKey underneath for copying. */
export const SiteHeading: FC<{ site: SiteRef; children?: Child }> = ({ site, children }) => (
  <>
    <h1>
      {children} <span class="site-of">of</span> {siteName(site)}
    </h1>
    <p class="site-key muted">
      apiKey <code>{site.apiKey}</code>
    </p>
  </>
);

/** The path of a page about one site, with its query string (empty values left out). */
export function sitePath(apiKey: string, page: string, query: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  const search = params.toString();
  return `${uiBase}/sites/${encodeURIComponent(apiKey)}/${page}${search === '' ? '' : `?${search}`}`;
}

export function accountPath(apiKey: string, uid: string): string {
  return `${uiBase}/sites/${encodeURIComponent(apiKey)}/accounts/${encodeURIComponent(uid)}`;
}
