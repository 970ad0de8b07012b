import type { Context } from 'hono';

/** A JSON object body (the cross-site guard has already required application/json); null when unreadable. */
export async function readBody(c: Context): Promise<Record<string, unknown> | null> {
  try {
    const json: unknown = await c.req.json();
    return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const unreadableBody = {
  error: 'invalidBody',
  message: 'send a JSON object (Content-Type: application/json)',
} as const;
