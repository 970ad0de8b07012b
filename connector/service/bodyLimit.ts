import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** A participation, a campaign or the settings fit many times over; more is a mistake or an attack. */
export const maxBodyBytes = 64 * 1024;

/** Counted while the body is read (chunked ones too): past the limit the connector stops reading and answers 413. */
export function connectorBodyLimit(maxSize = maxBodyBytes): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c) => c.json({ error: 'bodyTooLarge', message: `the body is larger than ${maxSize} bytes, the most the connector reads` }, 413),
  });
}
