import type { FC } from 'hono/jsx';
import type { WebhookAttempt, WebhookNotification } from '../store/webhookNotifications.js';
import { Time } from './display.js';
import { Layout, SiteHeading, sitePath, type SiteRef } from './layout.js';
import { AttemptOutcome, EventUid, NextAttempt, notificationPath, ReplayForm, StateBadge } from './webhookViews.js';

/**
 * One notification: its events, then every POST of it — the headers as sent (custom values
 * redacted, the signature shown), the raw body that was signed, and the receiver's answer.
 */
export const NotificationPage: FC<{ site: SiteRef; notification: WebhookNotification; webhookName: string; attempts: WebhookAttempt[] }> = ({
  site,
  notification,
  webhookName,
  attempts,
}) => (
  <Layout title={`Notification #${notification.id}`} site={site}>
    <SiteHeading site={site}>{`Notification #${notification.id}`}</SiteHeading>
    <p>
      <a href={sitePath(site.apiKey, 'webhooks')}>← all webhooks</a>
    </p>
    <dl class="profile">
      <dt>Webhook</dt>
      <dd>{webhookName}</dd>
      <dt>State</dt>
      <dd>
        <StateBadge state={notification.state} />
      </dd>
      <dt>Created</dt>
      <dd>
        <Time ms={notification.createdMs} />
      </dd>
      <dt>Delivered</dt>
      <dd>
        <Time ms={notification.deliveredMs} />
      </dd>
      <dt>Next attempt</dt>
      <dd>
        <NextAttempt notification={notification} />
      </dd>
      {notification.replayOf !== null && (
        <>
          <dt>Replay of</dt>
          <dd>
            <a href={notificationPath(site.apiKey, notification.replayOf)}>{`#${notification.replayOf}`}</a>
          </dd>
        </>
      )}
    </dl>
    <ReplayForm apiKey={site.apiKey} notification={notification} />
    <section aria-labelledby="events-title">
      <h2 id="events-title">Events ({notification.events.length})</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">UID</th>
            <th scope="col">Account type</th>
            <th scope="col">Event id</th>
            <th scope="col">callId</th>
          </tr>
        </thead>
        <tbody>
          {notification.events.map((event) => {
            const data = (event.data ?? {}) as { uid?: unknown; accountType?: unknown };
            return (
              <tr>
                <th scope="row">{String(event.type)}</th>
                <td>
                  <EventUid apiKey={site.apiKey} uid={data.uid} />
                </td>
                <td>{typeof data.accountType === 'string' ? data.accountType : <span class="muted">—</span>}</td>
                <td>
                  <code>{String(event.id)}</code>
                </td>
                <td>{typeof event.callId === 'string' ? <code>{event.callId}</code> : <span class="muted">—</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
    <section aria-labelledby="attempts-title">
      <h2 id="attempts-title">Attempts ({attempts.length})</h2>
      {attempts.length === 0 && <p class="muted">Not sent yet.</p>}
      {attempts.map((attempt, index) => (
        <article class="write" aria-labelledby={`attempt-${attempt.id}`}>
          <h3 id={`attempt-${attempt.id}`}>
            {`Attempt ${index + 1}`} <Time ms={attempt.atMs} /> <AttemptOutcome attempt={attempt} />{' '}
            <span class="muted">{`${attempt.durationMs.toFixed(1)} ms`}</span>
          </h3>
          <table>
            <caption class="muted">Request headers (custom values redacted)</caption>
            <tbody>
              {Object.entries(attempt.headers).map(([name, value]) => (
                <tr>
                  <th scope="row">
                    <code>{name}</code>
                  </th>
                  <td>
                    <code class="key">{value}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <details>
            <summary>Body as sent and signed ({Buffer.byteLength(attempt.body)} bytes)</summary>
            <pre>{attempt.body}</pre>
          </details>
          <details open={attempt.status === null || attempt.status >= 300}>
            <summary>Receiver's answer</summary>
            <pre>{attempt.responseBody ?? attempt.error ?? ''}</pre>
          </details>
        </article>
      ))}
    </section>
  </Layout>
);
