import type { FaultRegistry } from './faults/registry.js';
import type { Clock, Ids } from './protocol/method.js';
import type { Store } from './store/index.js';
import type { WebhookDeliverer } from './webhooks/deliverer.js';

/** What the admin routes and the inspector share with the Gigya surface of one fake. */
export interface FakeGigyaDeps {
  store: Store;
  clock: Clock;
  ids: Ids;
  adminToken: string | undefined;
  faults: FaultRegistry;
  /** Sends webhook notifications; the admin API replays through it. */
  webhooks?: WebhookDeliverer;
}
