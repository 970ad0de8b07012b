import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { inspectorCss } from './styles.js';

/** The CSP source of the inspector's one stylesheet: that exact text may style a page, no other. */
export const inspectorStyleSource = `'sha256-${createHash('sha256').update(inspectorCss, 'utf8').digest('base64')}'`;

/**
 * Headers of every inspector answer. The pages run no script and load nothing but their inline
 * stylesheet and the site icon; forms post only back to the fake; no page may be framed, so a
 * web page cannot clickjack the faults forms. The referrer stays on the fake's own origin:
 * inspector addresses hold emails, and a same-origin form post keeps its Origin header, which
 * the form guard (csrf) checks.
 */
export function inspectorSecurityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: [inspectorStyleSource],
      imgSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    // Browsers ignore HSTS over plain HTTP; behind an HTTPS proxy it would force every port of the host name to HTTPS.
    strictTransportSecurity: false,
  });
}
