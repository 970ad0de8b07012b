import { GigyaError } from '../protocol/errors.js';
import type { Site } from '../store/sites.js';
import { dataCenterDomain, gigyaHostName, gigyaHostOf } from './dataCenterHosts.js';

/**
 * Serves a call by the host it was addressed to, as Gigya's own front doors do (gigya-api.md
 * §12). A host that is not Gigya's (127.0.0.1, localhost, a compose service name) is the fake
 * itself: every site is served there. A Gigya host must be the site's own data center's, for
 * the method's namespace; anything else answers 301001 with where to call instead.
 */
export function checkGigyaHost(site: Site, hostName: string, method: string): void {
  const gigya = gigyaHostOf(hostName);
  if (gigya === null) return;
  const namespace = method.split('.')[0]!;
  if (gigya.kind === 'dataCenter' && gigya.dataCenter === site.dataCenter) {
    if (gigya.namespace === namespace) return;
    // Each namespace has its own host; the fake does not guess what real Gigya does across them.
    throw GigyaError.of(404000, `${method} is served at ${gigyaHostName(namespace, site.dataCenter)}, not ${hostName.toLowerCase()}`);
  }
  throw wrongDataCenter(site, method);
}

/**
 * 301001 "Invalid data center": `apiDomain` is the site's base domain and `location` the URL to
 * call instead, "equivalent to the location header in the HTTP 301/302 responses" (§12).
 */
export function wrongDataCenter(site: Site, method: string): GigyaError {
  const namespace = method.split('.')[0]!;
  return GigyaError.of(301001, 'The API key is served by another data center', {
    extra: { apiDomain: dataCenterDomain(site.dataCenter), location: `https://${gigyaHostName(namespace, site.dataCenter)}/${method}` },
  });
}
