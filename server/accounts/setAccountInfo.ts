import { z } from 'zod';
import { boolean, identifier, text } from '../protocol/codecs.js';
import { GigyaError } from '../protocol/errors.js';
import { gigyaMethod, type MethodContext } from '../protocol/method.js';
import type { Account } from '../store/accounts.js';
import { saveUnderSchema } from '../schema/enforce.js';
import { applyFlags, applyPatch } from './accountWrites.js';
import { writeLiteAccount } from './liteRegistration.js';
import { patchParams, readPatch } from './patch.js';
import { accountOfToken, accountOfUid, resolveRegToken } from './regTokens.js';

interface IgnoredParam {
  paramName: string;
  warningCode: number;
  message: string;
}

/**
 * accounts.setAccountInfo: a partial update by UID (server-side) or by regToken (client-side).
 * A lite regToken creates or updates a lite account (see liteRegistration.ts) and returns its UID.
 */
const params = z.object({
  UID: identifier,
  regToken: identifier,
  ...patchParams,
  isActive: boolean,
  isVerified: boolean,
  regSource: text,
});

type SetAccountInfoParams = z.output<typeof params>;

export const setAccountInfo = gigyaMethod({
  name: 'accounts.setAccountInfo',
  params,
  allowsClientSide: (raw) => raw.regToken !== undefined && raw.UID === undefined,
  async handle(context) {
    const { params } = context;
    if (params.UID !== undefined && params.regToken !== undefined) {
      throw GigyaError.invalidParameter('UID', 'send either UID or regToken, not both');
    }
    if (!params.UID && !params.regToken) throw GigyaError.missingParameter('UID');
    const patch = readPatch(params, context.clock.now());
    const flags = readFlags(context);

    return context.store.write(() => {
      if (params.regToken) {
        const token = resolveRegToken(context, params.regToken);
        if (token.isLite) {
          const account = writeLiteAccount(context, token, patch, flags.values);
          return withIgnored({ UID: account.uid }, flags.ignored);
        }
        update(context, accountOfToken(context, token), patch, flags.values);
        return withIgnored({}, flags.ignored);
      }
      update(context, accountOfUid(context, params.UID!), patch, flags.values);
      return withIgnored({}, flags.ignored);
    });
  },
});

function update(context: MethodContext, before: Account, patch: ReturnType<typeof readPatch>, values: Partial<Account>): void {
  const now = context.clock.now();
  saveUnderSchema(context, before, applyFlags(before, applyPatch(before, patch, now), values, now));
}

/** isActive and isVerified are server-only: a client-side call has them ignored, with a warning. */
function readFlags(context: MethodContext<SetAccountInfoParams>): { values: Partial<Account>; ignored: IgnoredParam[] } {
  const values: Partial<Account> = {};
  const ignored: IgnoredParam[] = [];
  const serverSide = context.caller.via !== 'anonymous';
  for (const name of ['isActive', 'isVerified'] as const) {
    const value = context.params[name];
    if (value === undefined) continue;
    if (serverSide) values[name] = value;
    else ignored.push({ paramName: name, warningCode: 403007, message: 'Permission denied: server-only parameter' });
  }
  if (context.params.regSource) values.regSource = context.params.regSource;
  return { values, ignored };
}

function withIgnored(result: Record<string, unknown>, ignored: IgnoredParam[]): Record<string, unknown> {
  return ignored.length > 0 ? { ...result, ignoredParams: ignored } : result;
}
