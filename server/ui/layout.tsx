import type { Child, FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { inspectorCss } from './styles.js';

/** Where the inspector is mounted; every link is built from it. */
export const uiBase = '/__admin/ui';

export interface LayoutProps {
  title: string;
  /** The site the page is about: adds its section links to the navigation. */
  apiKey?: string;
  children?: Child;
}

/** One page: a banner with the navigation, then the main landmark. Works without JavaScript. */
export const Layout: FC<LayoutProps> = ({ title, apiKey, children }) => (
  <>
    {raw('<!DOCTYPE html>')}
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title} · fake Gigya inspector</title>
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
              {apiKey !== undefined && (
                <>
                  <li>
                    <a href={sitePath(apiKey, 'accounts')}>Accounts</a>
                  </li>
                  <li>
                    <a href={sitePath(apiKey, 'email-accounts')}>emailAccounts</a>
                  </li>
                  <li>
                    <a href={sitePath(apiKey, 'journal')}>Journal</a>
                  </li>
                  <li>
                    <a href={sitePath(apiKey, 'faults')}>Faults</a>
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
