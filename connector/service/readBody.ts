import type { Context } from 'hono';

/** A submission as JSON or as a posted form (urlencoded or multipart); null when unreadable. */
export async function readBody(c: Context): Promise<Record<string, unknown> | null> {
  const type = c.req.header('content-type') ?? '';
  try {
    if (type.includes('application/json')) {
      const json: unknown = await c.req.json();
      return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
    }
    if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
      const form = await c.req.parseBody();
      return Object.fromEntries(Object.entries(form).filter(([, value]) => typeof value === 'string'));
    }
  } catch {
    return null;
  }
  return null;
}

export const unreadableBody = {
  error: 'invalidBody',
  message: 'send a JSON object (application/json) or a form (application/x-www-form-urlencoded)',
} as const;
