import type { Setup } from '../settings/integration.js';
import type { PushStrategy } from './context.js';
import { pushCustom } from './custom.js';
import { pushLiteOnly } from './liteOnly.js';
import { pushNative } from './native.js';

/** One strategy per set-up of the seed. */
export const strategies: Record<Setup, PushStrategy> = {
  liteOnly: pushLiteOnly,
  liteWithSso: pushLiteOnly,
  liteAndSsoNative: pushNative,
  custom: pushCustom,
};
