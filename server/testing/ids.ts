import type { Ids } from '../protocol/method.js';

/** Ids in Gigya's shapes (32-hex callIds and UIDs, RT1_ regTokens, 64-hex tokens), counting up. */
export function sequentialIds(): Ids {
  let counter = 0;
  const hex = (width: number) => (++counter).toString(16).padStart(width, '0');
  return {
    callId: () => hex(32),
    uid: () => hex(32),
    regToken: () => `RT1_${hex(24)}`,
    emailAccountToken: () => hex(64),
    apiKey: () => `3_site${hex(8)}`,
    userKey: () => `AK${hex(8)}`,
    secret: () => Buffer.from(`secret-${hex(8)}`).toString('base64'),
  };
}
