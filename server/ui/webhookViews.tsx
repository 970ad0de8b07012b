import type { FC } from 'hono/jsx';
import type { NotificationState, WebhookAttempt, WebhookNotification } from '../store/webhookNotifications.js';
import { Time } from './display.js';
import { accountPath, sitePath } from './layout.js';

/** The words of a notification's state, in a badge whose colour follows them. */
export const StateBadge: FC<{ state: NotificationState }> = ({ state }) => {
  const tone = state === 'delivered' ? 'created' : state === 'failed' ? 'error' : 'removed';
  return <span class={`badge ${tone}`}>{state}</span>;
};

/** What the receiver said: its HTTP status, or why no answer came. */
export const AttemptOutcome: FC<{ attempt: WebhookAttempt | undefined }> = ({ attempt }) => {
  if (attempt === undefined) return <span class="muted">not sent yet</span>;
  if (attempt.status === null) return <span class="badge error">{attempt.error ?? 'no answer'}</span>;
  const ok = attempt.status >= 200 && attempt.status < 300;
  return ok ? <span>{`HTTP ${attempt.status}`}</span> : <span class="badge error">{`HTTP ${attempt.status}`}</span>;
};

/** One event's UID, linked to the account page that lists the account's events. */
export const EventUid: FC<{ apiKey: string; uid: unknown }> = ({ apiKey, uid }) =>
  typeof uid === 'string' ? (
    <a href={accountPath(apiKey, uid)}>
      <code>{uid}</code>
    </a>
  ) : (
    <span class="muted">—</span>
  );

export function notificationPath(apiKey: string, id: number): string {
  return sitePath(apiKey, `webhooks/notifications/${id}`);
}

/** The replay button: a form post through the inspector's form guard. */
export const ReplayForm: FC<{ apiKey: string; notification: WebhookNotification }> = ({ apiKey, notification }) => (
  <form method="post" action={`${notificationPath(apiKey, notification.id)}/replay`}>
    <button type="submit" aria-label={`Replay notification ${notification.id}`}>
      Replay
    </button>
  </form>
);

/** When a pending notification is tried next. */
export const NextAttempt: FC<{ notification: WebhookNotification }> = ({ notification }) =>
  notification.state === 'pending' ? <Time ms={notification.nextAttemptMs} /> : <span class="muted">—</span>;
