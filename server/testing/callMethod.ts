import type { z } from 'zod';
import { parseParams } from '../protocol/codecs.js';
import type { GigyaMethod, MethodContext, MethodResult, Params } from '../protocol/method.js';

/** Calls a method's handler as dispatch does: its raw text fields parsed by its own schema first. */
export function callMethod<S extends z.ZodType>(method: GigyaMethod<S>, context: MethodContext<Params>): MethodResult | Promise<MethodResult> {
  return method.handle({ ...context, params: parseParams(method.params, context.params) });
}
