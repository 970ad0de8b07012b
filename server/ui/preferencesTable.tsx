import type { FC } from 'hono/jsx';
import type { JsonObject } from '../store/accounts.js';
import { Time, Value } from './display.js';

/** One consent as a person reads it (gigya-api.md §6.5: `preferences.<id>`, ids nestable as `terms.tos1`). */
export interface PreferenceRow {
  id: string;
  /** undefined when the value does not have Gigya's shape: the row then shows it as it is. */
  isConsentGranted?: boolean;
  docVersion?: string;
  changedMs: number | null;
  raw: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Bounded like the params' depth limit, so no stored value can make the walk run away. */
const maxNesting = 8;

export function preferenceRows(preferences: JsonObject, prefix = '', depth = 0): PreferenceRow[] {
  return Object.entries(preferences).flatMap(([key, value]): PreferenceRow[] => {
    const id = `${prefix}${key}`;
    if (isObject(value) && typeof value.isConsentGranted === 'boolean') {
      const modified = typeof value.lastConsentModified === 'string' ? Date.parse(value.lastConsentModified) : Number.NaN;
      const docVersion = typeof value.docVersion === 'number' || typeof value.docVersion === 'string' ? String(value.docVersion) : undefined;
      return [{ id, isConsentGranted: value.isConsentGranted, docVersion, changedMs: Number.isNaN(modified) ? null : modified, raw: value }];
    }
    if (isObject(value) && depth < maxNesting) return preferenceRows(value as JsonObject, `${id}.`, depth + 1);
    return [{ id, changedMs: null, raw: value }];
  });
}

/** An account's consents (terms, privacy, …), one row each: granted or not, document version, when it changed. */
export const PreferencesTable: FC<{ preferences: JsonObject }> = ({ preferences }) => {
  const rows = preferenceRows(preferences);
  return (
    <section aria-labelledby="preferences-title">
      <h2 id="preferences-title">Preferences (consents)</h2>
      {rows.length === 0 ? (
        <p class="muted">none</p>
      ) : (
        <table class="preferences" id="preferences">
          <thead>
            <tr>
              <th scope="col">Consent</th>
              <th scope="col">Granted</th>
              <th scope="col">Document version</th>
              <th scope="col">Last changed</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr data-preference={row.id}>
                <th scope="row">
                  <code>{row.id}</code>
                </th>
                {row.isConsentGranted === undefined ? (
                  <td colspan={3}>
                    <Value value={row.raw} />
                  </td>
                ) : (
                  <>
                    <td>{row.isConsentGranted ? 'yes' : 'no'}</td>
                    <td>{row.docVersion ?? <span class="muted">—</span>}</td>
                    <td>
                      <Time ms={row.changedMs} />
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};
