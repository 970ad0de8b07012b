import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { Store } from '../store/index.js';
import type { Site } from '../store/sites.js';

export interface AdminIssue {
  path: string;
  message: string;
}

/** An admin API failure; the admin app's error handler turns it into `{ error: { message, issues? } }`. */
export class AdminError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly issues?: AdminIssue[],
  ) {
    super(message);
  }

  static notFound(what: string): AdminError {
    return new AdminError(404, `${what} not found`);
  }

  static invalid(where: string, error: z.ZodError): AdminError {
    const issues = error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message }));
    return new AdminError(400, `Invalid ${where}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`, issues);
  }
}

export function adminErrorResponse(c: Context, error: AdminError): Response {
  const body = error.issues ? { error: { message: error.message, issues: error.issues } } : { error: { message: error.message } };
  return c.json(body, error.status);
}

/** Parses the JSON body once, at the boundary; an empty body reads as `{}`. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const text = await c.req.text();
  let raw: unknown = {};
  if (text.trim() !== '') {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AdminError(400, 'The request body is not valid JSON');
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw AdminError.invalid('body', parsed.error);
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw AdminError.invalid('query', parsed.error);
  return parsed.data;
}

/** limit/offset of a listing: bounded, so one call never dumps a whole table. */
export const page = {
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};

/** The site of an admin path or query, or a 404 that names it. */
export function existingSite(store: Store, apiKey: string): Site {
  const site = store.sites.get(apiKey);
  if (site === null) throw AdminError.notFound(`site ${apiKey}`);
  return site;
}
