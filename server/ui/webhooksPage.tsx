import type { FC } from 'hono/jsx';
import { redacted } from '../protocol/journalEntry.js';
import type { WebhookAttempt, WebhookNotification } from '../store/webhookNotifications.js';
import type { Webhook } from '../store/webhooks.js';
import { Time } from './display.js';
import { Layout, SiteHeading, type SiteRef } from './layout.js';
import { AttemptOutcome, EventUid, NextAttempt, notificationPath, ReplayForm, StateBadge } from './webhookViews.js';

export interface WebhookRow {
  webhook: Webhook;
  pending: number;
  delivered: number;
  failed: number;
}

export interface NotificationRow {
  notification: WebhookNotification;
  webhookName: string;
  lastAttempt: WebhookAttempt | undefined;
}

/**
 * A site's webhooks and their latest notifications: what was sent to whom, what the receiver
 * answered, what waits for a retry. Custom header values are never shown.
 */
export const WebhooksPage: FC<{ site: SiteRef; webhooks: WebhookRow[]; notifications: NotificationRow[]; shown: number }> = ({ site, webhooks, notifications, shown }) => (
  <Layout title="Webhooks" site={site}>
    <SiteHeading site={site}>Webhooks</SiteHeading>
    <section aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks ({webhooks.length})</h2>
      {webhooks.length === 0 ? (
        <p class="muted">None: set one with accounts.webhooks.set, POST /__admin/webhooks or a seed.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">URL</th>
              <th scope="col">Version</th>
              <th scope="col">Events</th>
              <th scope="col">Active</th>
              <th scope="col">Custom headers</th>
              <th scope="col">Pending</th>
              <th scope="col">Delivered</th>
              <th scope="col">Failed</th>
            </tr>
          </thead>
          <tbody>
            {webhooks.map(({ webhook, pending, delivered, failed }) => (
              <tr>
                <th scope="row">{webhook.name}</th>
                <td>
                  <code class="key">{webhook.url}</code>
                </td>
                <td>{webhook.version}</td>
                <td>{webhook.events.join(', ')}</td>
                <td>{webhook.active ? 'yes' : 'no'}</td>
                <td>{webhook.headers.length === 0 ? <span class="muted">none</span> : webhook.headers.map((header) => `${header.name}: ${redacted}`).join(', ')}</td>
                <td>{pending}</td>
                <td>{delivered}</td>
                <td>{failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
    <section aria-labelledby="notifications-title">
      <h2 id="notifications-title">Notifications (the latest {shown})</h2>
      {notifications.length === 0 ? (
        <p class="muted">None sent yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">Webhook</th>
              <th scope="col">State</th>
              <th scope="col">Events</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last answer</th>
              <th scope="col">Next attempt</th>
              <th scope="col">Created</th>
              <th scope="col">Replay</th>
            </tr>
          </thead>
          <tbody>
            {notifications.map(({ notification, webhookName, lastAttempt }) => (
              <tr class={notification.state === 'failed' ? 'error' : undefined}>
                <th scope="row">
                  <a href={notificationPath(site.apiKey, notification.id)}>{`#${notification.id}`}</a>
                  {notification.replayOf !== null && <span class="muted">{` replay of #${notification.replayOf}`}</span>}
                </th>
                <td>{webhookName}</td>
                <td>
                  <StateBadge state={notification.state} />
                </td>
                <td>
                  <ul>
                    {notification.events.map((event) => (
                      <li>
                        {String(event.type)} <EventUid apiKey={site.apiKey} uid={(event.data as { uid?: unknown } | undefined)?.uid} />
                      </li>
                    ))}
                  </ul>
                </td>
                <td>{notification.attempts}</td>
                <td>
                  <AttemptOutcome attempt={lastAttempt} />
                </td>
                <td>
                  <NextAttempt notification={notification} />
                </td>
                <td>
                  <Time ms={notification.createdMs} />
                </td>
                <td>
                  <ReplayForm apiKey={site.apiKey} notification={notification} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  </Layout>
);
