import { Hono } from 'hono';
import { z } from 'zod';
import type { FakeGigyaDeps } from '../deps.js';
import { GigyaError } from '../protocol/errors.js';
import { confirmDoubleOptIn, outboxView } from '../schema/doubleOptIn.js';
import { mergeSchemaChanges, schemaOf } from '../schema/siteSchema.js';
import { fieldNameSchema, type AccountSchema } from '../store/accountSchema.js';
import type { DoubleOptInEmail } from '../store/doubleOptInEmails.js';
import { AdminError, existingSite, page, parseBody, parseQuery } from './validation.js';

/** Where a captured email's confirm link points: a POST here confirms it (the inspector has a button for it). */
export const confirmPath = (apiKey: string, token: string) => `/__admin/sites/${encodeURIComponent(apiKey)}/outbox/confirm/${encodeURIComponent(token)}`;

export const outboxEmailView = (sent: DoubleOptInEmail) => outboxView(sent, confirmPath(sent.site, sent.token));

/**
 * /__admin/sites/:apiKey/schema, /consent-statements and /outbox: the site's accounts schema
 * (as accounts.setSchema changes it, plus the fake's clientCreatesFields), its consent
 * statements, and the captured double opt-in emails with their confirm links.
 */
export function schemaRoutes(deps: FakeGigyaDeps): Hono {
  const { store } = deps;
  const routes = new Hono();

  const change = async (apiKey: string, changes: unknown): Promise<AccountSchema> => {
    const site = existingSite(store, apiKey);
    try {
      return await store.write(() => {
        const next = mergeSchemaChanges(schemaOf(store, site.apiKey), changes);
        store.siteSchemas.set(site.apiKey, next);
        return next;
      });
    } catch (error) {
      if (error instanceof GigyaError) throw new AdminError(400, `Invalid schema: ${error.errorDetails}`);
      throw error;
    }
  };

  routes.get('/:apiKey/schema', (c) => c.json(schemaOf(store, existingSite(store, c.req.param('apiKey')).apiKey)));

  routes.patch('/:apiKey/schema', async (c) => c.json(await change(c.req.param('apiKey'), await parseBody(c, z.record(z.string(), z.unknown())))));

  routes.delete('/:apiKey/schema', async (c) => {
    const site = existingSite(store, c.req.param('apiKey'));
    await store.write(() => store.siteSchemas.clear(site.apiKey));
    return c.json(schemaOf(store, site.apiKey));
  });

  routes.get('/:apiKey/consent-statements', (c) => {
    const site = existingSite(store, c.req.param('apiKey'));
    return c.json({ consentStatements: schemaOf(store, site.apiKey).preferencesSchema.fields });
  });

  routes.put('/:apiKey/consent-statements/:id', async (c) => {
    const id = fieldNameSchema.safeParse(c.req.param('id'));
    if (!id.success) throw AdminError.invalid('consent statement id', id.error);
    const statement = await parseBody(c, z.record(z.string(), z.unknown()));
    const schema = await change(c.req.param('apiKey'), { preferencesSchema: { fields: { [id.data]: statement } } });
    return c.json({ id: id.data, consentStatement: schema.preferencesSchema.fields[id.data] });
  });

  routes.delete('/:apiKey/consent-statements/:id', async (c) => {
    const id = c.req.param('id');
    const site = existingSite(store, c.req.param('apiKey'));
    if (schemaOf(store, site.apiKey).preferencesSchema.fields[id] === undefined) throw AdminError.notFound(`consent statement ${id}`);
    await change(site.apiKey, { preferencesSchema: { fields: { [id]: null } } });
    return c.json({ deleted: id });
  });

  routes.get('/:apiKey/outbox', (c) => {
    const site = existingSite(store, c.req.param('apiKey'));
    const { limit, offset } = parseQuery(c, z.object(page));
    return c.json({ emails: store.doubleOptInEmails.list(site.apiKey, limit, offset).map(outboxEmailView), total: store.doubleOptInEmails.count(site.apiKey) });
  });

  routes.post('/:apiKey/outbox/confirm/:token', async (c) => {
    const site = existingSite(store, c.req.param('apiKey'));
    const sent = store.doubleOptInEmails.byToken(site.apiKey, c.req.param('token'));
    if (sent === null) throw AdminError.notFound('confirmation link');
    const outcome = await store.write(() => confirmDoubleOptIn(deps, site, sent));
    return c.json({ outcome, email: outboxEmailView(store.doubleOptInEmails.get(site.apiKey, sent.id)!) });
  });

  return routes;
}
