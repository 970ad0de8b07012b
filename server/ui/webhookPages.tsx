import { Hono, type Context } from 'hono';
import type { FakeGigyaDeps } from '../deps.js';
import type { Site } from '../store/sites.js';
import type { WebhookNotification } from '../store/webhookNotifications.js';
import { replayNotification } from '../webhooks/formNotifications.js';
import { Layout } from './layout.js';
import { NotificationPage } from './notificationPage.js';
import { notificationPath } from './webhookViews.js';
import { WebhooksPage } from './webhooksPage.js';

/** Notifications on the list page: the latest ones, so the page renders at once whatever the history. */
const shownNotifications = 50;

/** /__admin/ui/sites/:apiKey/webhooks: the list, one notification, and its replay (a form post). */
export function webhookPageRoutes({ store, clock, webhooks }: FakeGigyaDeps, siteOf: (c: Context) => Site): Hono {
  const routes = new Hono();
  const nameOf = (id: number) => store.webhooks.get(id)?.name ?? '(deleted)';

  routes.get('/', (c) => {
    const site = siteOf(c);
    const rows = store.webhooks.ofSite(site.apiKey).map((webhook) => ({
      webhook,
      pending: store.notifications.countOf(webhook.id, 'pending'),
      delivered: store.notifications.countOf(webhook.id, 'delivered'),
      failed: store.notifications.countOf(webhook.id, 'failed'),
    }));
    const notifications = store.notifications.ofSite(site.apiKey, shownNotifications).map((notification) => ({
      notification,
      webhookName: nameOf(notification.webhook),
      lastAttempt: store.notifications.attemptsOf(notification.id).at(-1),
    }));
    return c.html(<WebhooksPage site={site} webhooks={rows} notifications={notifications} shown={shownNotifications} />);
  });

  /** A notification of this site only: an id of another site's is not found here. */
  const notificationOf = (c: Context, site: Site): WebhookNotification | null => {
    const id = Number(c.req.param('id'));
    const notification = Number.isSafeInteger(id) && id > 0 ? store.notifications.get(id) : null;
    return notification !== null && notification.site === site.apiKey ? notification : null;
  };

  const notFound = (c: Context, site: Site) =>
    c.html(
      <Layout title="Not found" site={site}>
        <h1>Not found</h1>
        <p class="problem">{`No notification ${c.req.param('id')?.slice(0, 40) ?? ''} in site ${site.apiKey}`}</p>
      </Layout>,
      404,
    );

  routes.get('/notifications/:id', (c) => {
    const site = siteOf(c);
    const notification = notificationOf(c, site);
    if (notification === null) return notFound(c, site);
    return c.html(
      <NotificationPage site={site} notification={notification} webhookName={nameOf(notification.webhook)} attempts={store.notifications.attemptsOf(notification.id)} />,
    );
  });

  routes.post('/notifications/:id/replay', async (c) => {
    const site = siteOf(c);
    const original = notificationOf(c, site);
    if (original === null) return notFound(c, site);
    const replayed = webhooks ? await webhooks.replay(original.id) : await store.write(() => replayNotification(store, original.id, clock.now()));
    if (replayed === null) return notFound(c, site);
    return c.redirect(notificationPath(site.apiKey, replayed.id), 303);
  });

  return routes;
}
