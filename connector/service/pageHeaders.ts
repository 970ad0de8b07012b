import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The playground's pages run no script and load nothing from elsewhere: the policy allows only
 * their inline style, their own icon, and forms posted back to the connector. No page may be
 * framed (clickjacking a settings form), and links to the inspector (another origin) carry no referrer.
 */
export function pageHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: ["'unsafe-inline'"],
      imgSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    xFrameOptions: 'DENY',
    // Not no-referrer: under it Chromium sends `Origin: null` with the playground's own form posts.
    referrerPolicy: 'same-origin',
    // Plain HTTP on a developer's machine: HSTS would only confuse other local servers.
    strictTransportSecurity: false,
  });
}
