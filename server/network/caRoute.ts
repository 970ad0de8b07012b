import type { Context } from 'hono';

/**
 * GET /__admin/ca.pem: the certificate of the fake's local CA, which clients trust to call it
 * as `*.gigya.com` over TLS. Public and harmless (a certificate, never its key), so it needs no
 * admin token: a client set-up script can fetch it before it knows any.
 */
export function caCertificateRoute(certificatePem: () => string | null) {
  return (c: Context): Response => {
    const pem = certificatePem();
    if (pem === null) return c.text('This fake has no certificate authority yet.\n', 404);
    return c.body(pem, 200, {
      'content-type': 'application/x-pem-file',
      'content-disposition': 'attachment; filename="fake-gigya-ca.pem"',
      'cache-control': 'no-store',
    });
  };
}
