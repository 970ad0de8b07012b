import type { Context } from 'hono';

/** A dark tile with a "G": the inspector's colours, so the fake's tab is told apart from the playground's. */
const icon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" rx="6" fill="#12263f"/>' +
  '<text x="16" y="23" font-family="sans-serif" font-size="20" font-weight="700" fill="#fff" text-anchor="middle">G</text>' +
  '</svg>';

/**
 * `/favicon.ico`, which every browser asks for: an icon instead of a Gigya "Unknown method"
 * envelope. SVG under the conventional name; browsers go by the Content-Type, not the extension.
 */
export function favicon(c: Context): Response {
  return c.body(icon, 200, {
    'content-type': 'image/svg+xml',
    'cache-control': 'public, max-age=86400',
    'x-content-type-options': 'nosniff',
    // Opened on its own, the SVG may run nothing and load nothing.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  });
}
