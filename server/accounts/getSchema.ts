import { z } from 'zod';
import { list, text } from '../protocol/codecs.js';
import { GigyaError } from '../protocol/errors.js';
import { gigyaMethod } from '../protocol/method.js';
import { schemaOf } from '../schema/siteSchema.js';
import type { AccountSchema } from '../store/accountSchema.js';

const parts = ['profileSchema', 'dataSchema', 'subscriptionsSchema', 'preferencesSchema'] as const;
type Part = (typeof parts)[number];

const filters = ['full', 'explicitOnly', 'clientOnly'] as const;

const clientWritable = (field: unknown): boolean => {
  const access = (field as { writeAccess?: string; email?: { writeAccess?: string } }).writeAccess ?? (field as { email?: { writeAccess?: string } }).email?.writeAccess;
  return access !== undefined && access !== 'serverOnly';
};

/** One part as CDC answers it; clientOnly keeps the fields a client-side call may write. */
function partOf(schema: AccountSchema, part: Part, clientOnly: boolean): Record<string, unknown> {
  const { fields, ...rest } = schema[part];
  const shown = clientOnly ? Object.fromEntries(Object.entries(fields).filter(([, field]) => clientWritable(field))) : fields;
  return { fields: shown, ...rest };
}

/**
 * accounts.getSchema: the site's schema (accounts.setSchema, /__admin, seeds; the default
 * otherwise). include picks the parts; filter=clientOnly keeps client-writable fields;
 * explicitOnly answers the whole schema too, and scope is accepted (no site groups here).
 */
export const getSchema = gigyaMethod({
  name: 'accounts.getSchema',
  params: z.object({ include: list, filter: text, scope: text }),
  allowsClientSide: () => true,
  handle(context) {
    const { include, filter = 'full' } = context.params;
    if (!(filters as readonly string[]).includes(filter)) throw GigyaError.invalidParameter('filter', `expected one of ${filters.join(', ')}`);
    const schema = schemaOf(context.store, context.site.apiKey);
    const result: Record<string, unknown> = {};
    for (const name of include ?? parts) {
      if (!(parts as readonly string[]).includes(name)) throw GigyaError.invalidParameter('include', `unknown value "${name}"`);
      result[name] = partOf(schema, name as Part, filter === 'clientOnly');
    }
    return result;
  },
});
