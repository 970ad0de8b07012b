import type { FC } from 'hono/jsx';
import type { AccountEvent } from '../store/accountEvents.js';
import { Time } from './display.js';
import { sitePath } from './layout.js';

/** The webhook events of one account, newest first: what its writes told the site's receivers. */
export const AccountEvents: FC<{ apiKey: string; events: AccountEvent[] }> = ({ apiKey, events }) => (
  <section aria-labelledby="webhook-events-title">
    <h2 id="webhook-events-title">Webhook events ({events.length})</h2>
    {events.length === 0 ? (
      <p class="muted">None recorded (or already pruned).</p>
    ) : (
      <table>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Time</th>
            <th scope="col">Account type</th>
            <th scope="col">callId</th>
            <th scope="col">Event id</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr>
              <th scope="row">{event.type}</th>
              <td>
                <Time ms={event.atMs} />
              </td>
              <td>{event.accountType}</td>
              <td>{event.callId === null ? <span class="muted">—</span> : <code>{event.callId}</code>}</td>
              <td>
                <code>{event.id}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    <p>
      <a href={sitePath(apiKey, 'webhooks')}>The site's webhooks and notifications</a>
    </p>
  </section>
);
