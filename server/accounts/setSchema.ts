import { z } from 'zod';
import { jsonObject, text } from '../protocol/codecs.js';
import { GigyaError } from '../protocol/errors.js';
import { gigyaMethod } from '../protocol/method.js';
import { mergeSchemaChanges, schemaOf } from '../schema/siteSchema.js';

/**
 * accounts.setSchema: changes the site's schema, field by field (server credentials only).
 * A field named with properties is created or updated, a field set to null is removed; the
 * parts not sent are kept. `scope` is accepted (no site groups here).
 */
export const setSchema = gigyaMethod({
  name: 'accounts.setSchema',
  params: z.object({
    profileSchema: jsonObject,
    dataSchema: jsonObject,
    subscriptionsSchema: jsonObject,
    preferencesSchema: jsonObject,
    scope: text,
  }),
  allowsClientSide: () => false,
  handle(context) {
    const { scope: _scope, ...changes } = context.params;
    const named = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if (Object.keys(named).length === 0) throw GigyaError.missingParameter('profileSchema, dataSchema, subscriptionsSchema or preferencesSchema');
    return context.store.write(() => {
      const { store, site } = context;
      store.siteSchemas.set(site.apiKey, mergeSchemaChanges(schemaOf(store, site.apiKey), named));
      return {};
    });
  },
});
