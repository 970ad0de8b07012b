import { z } from 'zod';
import { boolean } from '../protocol/codecs.js';
import { gigyaMethod } from '../protocol/method.js';
import { keyRingOf, publicKeyView } from './keyRing.js';

/**
 * accounts.getJWTPublicKey: public, the apiKey alone (GD). Plain, the current key of the site's
 * data center as n, e, kid, alg; with V2=true a `keys` array that also holds recently rotated keys.
 */
export const getJWTPublicKey = gigyaMethod({
  name: 'accounts.getJWTPublicKey',
  params: z.object({ V2: boolean }),
  allowsClientSide: () => true,
  async handle(context) {
    const ring = keyRingOf(context.store, context.clock);
    if (context.params.V2) {
      const keys = await ring.served(context.site.dataCenter);
      return { keys: keys.map(publicKeyView) };
    }
    const { n, e, kid, alg } = publicKeyView(await ring.current(context.site.dataCenter));
    return { alg, kid, n, e };
  },
});
