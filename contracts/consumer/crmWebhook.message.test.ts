// The CRM downstream (scenarios/crm.ts) as a Pact message consumer: the notification shape it
// relies on, pinned by MessageConsumerPact (V3 message pacts) and read by the CRM's own reader.
import { rmSync } from 'node:fs';
import { MatchersV3, MessageConsumerPact, synchronousBodyHandler } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { readNotification, type CrmNotification } from '../../scenarios/crm.js';
import { providerName } from '../contractSite.js';
import { crmConsumerName, crmMessages, crmStates, generatedCrmPactDir } from '../crmWebhook.js';

const { eachLike, integer, like, regex } = MatchersV3;

rmSync(generatedCrmPactDir, { recursive: true, force: true });

function messagePact(): MessageConsumerPact {
  return new MessageConsumerPact({ consumer: crmConsumerName, provider: providerName, dir: generatedCrmPactDir, logLevel: 'error' });
}

const hex32 = '^[0-9a-f]{32}$';
const jwt = '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$';

/** One event as the CRM reads it: its type exact, its ids by shape. */
function event(type: string, accountType: 'lite' | 'full') {
  return {
    type,
    id: like('0b6e5f1c-2d3a-4b5c-8d9e-0f1a2b3c4d5e'),
    timestamp: integer(1772359200),
    version: '2.0',
    apiKey: like('3_contract_site'),
    data: { accountType, uid: regex(hex32, '5cc957e286924b0f8a1b2c3d4e5f6a7b') },
  };
}

/** The signature the CRM checks travels beside the body, as the x-gigya-sig-jwt header. */
const signatureMetadata = {
  contentType: 'application/json',
  'x-gigya-sig-jwt': regex(jwt, 'eyJhbGciOiJSUzI1NiJ9.eyJqdGkiOiJuIn0.c2lnbmF0dXJl'),
};

async function received(pact: MessageConsumerPact): Promise<{ notification: CrmNotification; metadata: Record<string, unknown> }> {
  let read: { notification: CrmNotification; metadata: Record<string, unknown> } | undefined;
  await pact.verify(async (message) => {
    await synchronousBodyHandler((body) => {
      read = { notification: readNotification(body), metadata: (message.metadata ?? {}) as Record<string, unknown> };
    })(message);
  });
  return read!;
}

describe('crm-webhook-receiver against gigya-accounts notifications', () => {
  it('reads a new lite account: accountCreated with its UID, the nonce and the JWT header', async () => {
    const pact = messagePact()
      .given(crmStates.liteAccountCreated)
      .expectsToReceive(crmMessages.liteAccountCreated)
      .withContent({ events: eachLike(event('accountCreated', 'lite')), nonce: like('6c1f0d2e-3b4a-4c5d-9e8f-7a6b5c4d3e2f'), timestamp: integer(1772359200) })
      .withMetadata(signatureMetadata);
    const { notification, metadata } = await received(pact);
    expect(notification.events).toEqual([{ type: 'accountCreated', id: expect.any(String), uid: '5cc957e286924b0f8a1b2c3d4e5f6a7b' }]);
    expect(notification.nonce).toBe('6c1f0d2e-3b4a-4c5d-9e8f-7a6b5c4d3e2f');
    expect(metadata['x-gigya-sig-jwt']).toMatch(new RegExp(jwt));
  });

  it('reads a changed full account: accountUpdated, on which it copies the account again', async () => {
    const pact = messagePact()
      .given(crmStates.fullAccountUpdated)
      .expectsToReceive(crmMessages.fullAccountUpdated)
      .withContent({ events: eachLike(event('accountUpdated', 'full')), nonce: like('6c1f0d2e-3b4a-4c5d-9e8f-7a6b5c4d3e2f'), timestamp: integer(1772359200) })
      .withMetadata(signatureMetadata);
    const { notification } = await received(pact);
    expect(notification.events.map((read) => read.type)).toEqual(['accountUpdated']);
  });

  it('refuses a body without the events it relies on (the reader is what the contract protects)', () => {
    expect(() => readNotification({ events: [{ type: 'accountCreated', id: 'e1', data: {} }], nonce: 'n', timestamp: 1 })).toThrow(/data\.uid/);
    expect(() => readNotification({ nonce: 'n', timestamp: 1 })).toThrow(/events/);
  });
});
