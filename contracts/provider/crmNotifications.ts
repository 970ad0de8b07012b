// The provider side of the CRM message contract: real notifications, produced by the fake's own
// event recording, deliverer and signer for a real account write, captured as a receiver gets them.
import type { MessageProviders, MessageStateHandlers } from '@pact-foundation/pact';
import { Testbed } from '../../server/testing/testbed.js';
import { WebhookReceiver } from '../../test/webhooks/receiver.js';
import { crmMessages, crmStates } from '../crmWebhook.js';

export interface CrmNotificationProvider {
  stateHandlers: MessageStateHandlers;
  messageProviders: MessageProviders;
  close(): Promise<void>;
}

/** Each state starts a fresh in-process fake with a 2.0 webhook to a loopback receiver and makes the write. */
export async function crmNotificationProvider(): Promise<CrmNotificationProvider> {
  const receiver = await WebhookReceiver.start();
  let testbed: Testbed | undefined;

  const freshSite = async (events: string): Promise<Testbed> => {
    testbed?.close();
    receiver.received.length = 0;
    testbed = new Testbed({ logError: () => {} });
    const set = await testbed.server('accounts.webhooks.set', { name: 'crm', url: receiver.url, events, version: '2.0' });
    if (set.errorCode !== 0) throw new Error(`accounts.webhooks.set answered ${String(set.errorCode)}`);
    return testbed;
  };

  /** The last notification the receiver got: its parsed body, and the signature header as message metadata. */
  const lastNotification = async () => {
    await testbed!.webhooks.drain();
    const notification = receiver.received.at(-1);
    if (notification === undefined) throw new Error('no notification was delivered');
    return {
      __pactMessageMetadata: { contentType: String(notification.headers['content-type']), 'x-gigya-sig-jwt': String(notification.headers['x-gigya-sig-jwt']) },
      message: JSON.parse(notification.raw) as unknown,
    };
  };

  return {
    stateHandlers: {
      [crmStates.liteAccountCreated]: async () => {
        const bed = await freshSite('accountCreated');
        await bed.liteSubmit({ email: 'jane@example.com', firstName: 'Jane' });
      },
      [crmStates.fullAccountUpdated]: async () => {
        const bed = await freshSite('accountUpdated');
        const full = await bed.registerFull('john.doe@example.com', 'correct-horse-1', { firstName: 'John', lastName: 'Doe' });
        await bed.server('accounts.setAccountInfo', { UID: full.UID as string, profile: JSON.stringify({ firstName: 'Jane' }) });
      },
    },
    messageProviders: {
      [crmMessages.liteAccountCreated]: lastNotification,
      [crmMessages.fullAccountUpdated]: lastNotification,
    },
    async close() {
      testbed?.close();
      await receiver.close();
    },
  };
}
