import type { PushStrategy } from './context.js';
import { registerLiteAccount } from './liteRegistration.js';

/**
 * liteOnly and liteWithSso: "a Lite account will be created in the Gigya database each time a
 * form is submitted, without checking whether the profile already exists" (the seed). Qualifio
 * cannot see full accounts here, so there is no lookup, and no opt-ins (custom only).
 */
export const pushLiteOnly: PushStrategy = (context) => registerLiteAccount(context);
