import type { GigyaMethod } from '../protocol/method.js';
import { deleteAccount } from './deleteAccount.js';
import { deleteLiteAccount } from './deleteLiteAccount.js';
import { finalizeRegistration } from './finalizeRegistration.js';
import { getAccountInfo } from './getAccountInfo.js';
import { getLiteToken } from './getLiteToken.js';
import { getSchema } from './getSchema.js';
import { importLiteAccount } from './importLiteAccount.js';
import { initRegistration } from './initRegistration.js';
import { isAvailableLoginID } from './isAvailableLoginID.js';
import { login } from './login.js';
import { register } from './register.js';
import { search } from './search.js';
import { setAccountInfo } from './setAccountInfo.js';
import { setSchema } from './setSchema.js';

/** Every Gigya method the fake serves. */
export const accountMethods: readonly GigyaMethod[] = [
  initRegistration,
  setAccountInfo,
  getAccountInfo,
  register,
  finalizeRegistration,
  login,
  isAvailableLoginID,
  deleteAccount,
  getLiteToken,
  importLiteAccount,
  deleteLiteAccount,
  getSchema,
  setSchema,
  search,
];
