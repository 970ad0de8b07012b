import type { FC } from 'hono/jsx';
import type { JsonObject } from '../store/accounts.js';
import { Time, Value } from './display.js';

/** One subscription as a person reads it (gigya-api.md §6.5: `subscriptions.<id>.email`). */
export interface SubscriptionRow {
  id: string;
  /** undefined when the value does not have Gigya's shape: the row then shows it as it is. */
  isSubscribed?: boolean;
  doubleOptIn?: string;
  tags: string[];
  updatedMs: number | null;
  raw: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function timeOf(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export function subscriptionRows(subscriptions: JsonObject): SubscriptionRow[] {
  return Object.entries(subscriptions).map(([id, value]) => {
    const email = isObject(value) && isObject(value.email) ? value.email : undefined;
    if (email === undefined || typeof email.isSubscribed !== 'boolean') return { id, tags: [], updatedMs: null, raw: value };
    const doubleOptIn = isObject(email.doubleOptIn) && typeof email.doubleOptIn.status === 'string' ? email.doubleOptIn.status : undefined;
    const tags = Array.isArray(email.tags) ? email.tags.filter((tag): tag is string => typeof tag === 'string') : [];
    return { id, isSubscribed: email.isSubscribed, doubleOptIn, tags, updatedMs: timeOf(email.lastUpdatedSubscriptionState), raw: value };
  });
}

/** An account's subscriptions, one row each: subscribed or not, double opt-in, tags, when it last changed. */
export const SubscriptionsTable: FC<{ subscriptions: JsonObject }> = ({ subscriptions }) => {
  const rows = subscriptionRows(subscriptions);
  return (
    <section aria-labelledby="subscriptions-title">
      <h2 id="subscriptions-title">Subscriptions</h2>
      {rows.length === 0 ? (
        <p class="muted">none</p>
      ) : (
        <table class="subscriptions" id="subscriptions">
          <thead>
            <tr>
              <th scope="col">Subscription</th>
              <th scope="col">Subscribed</th>
              <th scope="col">Double opt-in</th>
              <th scope="col">Tags</th>
              <th scope="col">Last changed</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr data-subscription={row.id}>
                <th scope="row">
                  <code>{row.id}</code>
                </th>
                {row.isSubscribed === undefined ? (
                  <td colspan={4}>
                    <Value value={row.raw} />
                  </td>
                ) : (
                  <>
                    <td>{row.isSubscribed ? 'yes' : 'no'}</td>
                    <td>{row.doubleOptIn ?? <span class="muted">—</span>}</td>
                    <td>{row.tags.length === 0 ? <span class="muted">—</span> : row.tags.join(', ')}</td>
                    <td>
                      <Time ms={row.updatedMs} />
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
