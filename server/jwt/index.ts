import type { GigyaMethod } from '../protocol/method.js';
import { getJWT } from './getJWT.js';
import { getJWTPublicKey } from './getJWTPublicKey.js';

/** The id_token methods: their key also signs version 2.0 webhook notifications. */
export const jwtMethods: readonly GigyaMethod[] = [getJWT, getJWTPublicKey];
