import type { MiddlewareHandler } from 'hono';
import { BodyAborted, BodyTooLarge, readBody } from '../protocol/requestBody.js';
import { AdminError, adminErrorResponse } from './validation.js';

/**
 * The admin API's and the inspector's bodies, read once through the same counted reader as the
 * Gigya surface (protocol/requestBody.ts): past `limit` bytes reading stops and the answer is 413,
 * whatever the framing. The routes then read the bytes kept here.
 */
export function adminBodyLimit(limit: number): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.raw.body === null) return next();
    let bytes: Uint8Array;
    try {
      bytes = await readBody(c.req.raw, limit);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        // The rest of the body stays unread: the connection closes after this answer (protocol/dispatch.ts).
        c.header('connection', 'close');
        return adminErrorResponse(c, new AdminError(413, `The request body exceeds ${limit} bytes`));
      }
      if (error instanceof BodyAborted) return adminErrorResponse(c, new AdminError(400, error.message));
      throw error;
    }
    c.req.raw = new Request(c.req.raw, { body: bytes });
    await next();
  };
}
