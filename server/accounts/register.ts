import { z } from 'zod';
import { boolean, emailAddress, identifier, required, text } from '../protocol/codecs.js';
import { GigyaError, type ValidationError } from '../protocol/errors.js';
import { gigyaMethod, type MethodContext } from '../protocol/method.js';
import type { Account } from '../store/accounts.js';
import { missingFieldsDetails, missingRequiredFields } from '../schema/consent.js';
import { saveUnderSchema } from '../schema/enforce.js';
import { schemaOf } from '../schema/siteSchema.js';
import { applyPatch, newAccount } from './accountWrites.js';
import { accountBase } from './accountView.js';
import { hashPassword, meetsPasswordPolicy } from './passwords.js';
import { patchParams, readPatch } from './patch.js';
import { validateProfile } from './profile.js';
import { mintRegToken, resolveRegToken } from './regTokens.js';
import { sessionInfo } from './sessions.js';

/** The full account holding this loginID, if any: lite accounts hold no loginID. */
export function fullAccountByLoginId(context: MethodContext, loginId: string): Account | null {
  return context.store.accounts.byLoginId(context.site.apiKey, loginId);
}

/**
 * accounts.register: creates a full account (email + password). With a regToken from
 * getLiteToken the lite account itself progresses to a full one, keeping its UID and data.
 */
export const register = gigyaMethod({
  name: 'accounts.register',
  params: z.object({
    email: required(emailAddress),
    password: required(text),
    ...patchParams,
    finalizeRegistration: boolean,
    regToken: identifier,
    regSource: text,
    targetEnv: text,
  }),
  // An empty regToken is no regToken: the handler ignores it, so it must not open the client-side door either.
  allowsClientSide: (raw) => raw.regToken !== undefined && raw.regToken !== '',
  async handle(context) {
    const { params } = context;
    const { email, password } = params;
    validateProfile({ email }, context.clock.now());
    const problems: ValidationError[] = [];
    if (!meetsPasswordPolicy(password)) {
      problems.push({ errorCode: 400006, message: 'Password does not meet complexity requirements', fieldName: 'password' });
    }
    if (problems.length > 0) throw GigyaError.validation(problems);
    const patch = readPatch(params, context.clock.now());
    const finalize = params.finalizeRegistration ?? false;
    // scrypt is slow on purpose: hash before entering the write, which must stay short.
    const passwordHash = await hashPassword(password);

    const outcome = await context.store.write(() => {
      if (fullAccountByLoginId(context, email)) throw GigyaError.uniqueIdentifierExists('email');
      const now = context.clock.now();
      let before: Account | null = null;
      const token = params.regToken ? resolveRegToken(context, params.regToken) : null;
      if (token !== null) {
        if (token.isLite && token.uid === null) {
          throw GigyaError.invalidParameter('regToken', 'a lite regToken from initRegistration cannot register a full account');
        }
        if (token.uid !== null) before = context.store.accounts.get(context.site.apiKey, token.uid);
        if (before !== null && before.kind === 'full') throw GigyaError.uniqueIdentifierExists('email');
      }
      const base = before ?? newAccount(context.site.apiKey, context.ids.uid(), 'full', now);
      const merged: Account = {
        ...applyPatch(base, { ...patch, profile: { ...patch.profile, email } }, now),
        kind: 'full',
        loginIds: [email.toLowerCase()],
        passwordHash,
        isRegistered: false,
        registeredMs: null,
        regSource: base.regSource ?? params.regSource ?? null,
      };
      // The site's required fields and mandatory consents hold for a full registration (206001).
      const missing = finalize ? missingRequiredFields(schemaOf(context.store, context.site.apiKey), merged) : [];
      const registered = finalize && missing.length === 0;
      const account = saveUnderSchema(context, before, { ...merged, isRegistered: registered, registeredMs: registered ? now : null });
      // finalizeRegistration takes the regToken of initRegistration too (gigya-api.md §5): bind it.
      if (token !== null && token.uid === null) context.store.regTokens.bindUid(token, account.uid);
      if (missing.length > 0) return { pending: missingFieldsDetails(missing), regToken: mintRegToken(context, false, account.uid).token };
      if (!finalize) return { result: { UID: account.uid, regToken: mintRegToken(context, false, account.uid).token } };
      return {
        result: {
          ...accountBase(account),
          profile: account.profile,
          data: account.data,
          newUser: before === null,
          sessionInfo: sessionInfo(context.site, params.targetEnv),
        },
      };
    });
    // Answered after the write commits: the pending account and its regToken are kept, as in CDC.
    if (outcome.pending !== undefined) throw GigyaError.accountPendingRegistration(outcome.pending, outcome.regToken);
    return outcome.result;
  },
});
