// An in-process fake Gigya with one seeded site, for the inspector's page tests.
import type { Hono } from 'hono';
import type { FaultRegistry } from '../faults/registry.js';
import { loadSeed } from '../seed/loadSeed.js';
import type { Store } from '../store/index.js';
import { Testbed } from '../testing/testbed.js';

export const john = { email: 'john.doe@example.com', password: 'Demo-password-1', profile: { firstName: 'John', lastName: 'Doe' } };

export interface InspectorTestbed {
  app: Hono;
  store: Store;
  faults: FaultRegistry;
  apiKey: string;
  userKey: string;
  secret: string;
  /** Calls a Gigya method with the site's server credentials; answers the parsed envelope. */
  call(method: string, params: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** An inspector page: its status and HTML. */
  page(path: string, init?: RequestInit): Promise<{ status: number; html: string; response: Response }>;
}

export function inspectorTestbed(options: { adminToken?: string } = {}): InspectorTestbed {
  const bed = new Testbed({ site: { name: 'inspected' }, adminToken: options.adminToken, logError: () => {} });
  const { app, store, faults } = bed;
  const { apiKey, userKey, secret } = bed.site;
  loadSeed(store, bed.ids, bed.clock, { sites: [{ apiKey, accounts: [{ kind: 'full', ...john }] }] });
  return {
    app,
    store,
    faults,
    apiKey,
    userKey,
    secret,
    async call(method, params) {
      const form = new URLSearchParams({ apiKey, userKey, secret });
      for (const [name, value] of Object.entries(params)) form.set(name, typeof value === 'string' ? value : JSON.stringify(value));
      const response = await app.request(`/${method}`, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      return (await response.json()) as Record<string, unknown>;
    },
    async page(path, init) {
      const response = await app.request(path, init);
      return { status: response.status, html: await response.text(), response };
    },
  };
}

/** The form controls that no <label> encloses (hidden inputs and buttons need none). */
export function unlabelledControls(html: string): string[] {
  const outside = html.replace(/<label\b[\s\S]*?<\/label>/g, '');
  return (outside.match(/<(input|select|textarea)\b[^>]*>/g) ?? []).filter((tag) => !/type="(hidden|submit)"/.test(tag));
}

/** Every <th> of the page that has no scope. */
export function headersWithoutScope(html: string): string[] {
  return (html.match(/<th\b[^>]*>/g) ?? []).filter((tag) => !/scope="(col|row)"/.test(tag));
}
