import { statusReason, type GigyaError } from './errors.js';

// The response envelope (gigya-api.md §3). Field order follows captured bodies: callId,
// context, errorCode, errorDetails, errorMessage, apiVersion, statusCode, statusReason, time;
// on success the method's fields follow the envelope (placement unconfirmed, docs/behaviour.md).

export interface EnvelopeBase {
  callId: string;
  time: string;
  context: string | undefined;
}

export function successEnvelope(base: EnvelopeBase, result: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = { callId: base.callId };
  if (base.context !== undefined) body.context = base.context;
  Object.assign(body, { errorCode: 0, apiVersion: 2, statusCode: 200, statusReason: 'OK', time: base.time });
  for (const name of Object.keys(result)) if (!(name in body)) body[name] = result[name];
  return body;
}

export function errorEnvelope(base: EnvelopeBase, error: GigyaError): Record<string, unknown> {
  const body: Record<string, unknown> = { callId: base.callId };
  if (base.context !== undefined) body.context = base.context;
  Object.assign(body, {
    errorCode: error.errorCode,
    errorDetails: error.errorDetails,
    errorMessage: error.errorMessage,
    apiVersion: 2,
    statusCode: error.statusCode,
    statusReason: statusReason(error.statusCode),
    time: base.time,
  });
  if (error.validationErrors?.length) body.validationErrors = error.validationErrors;
  if (error.extra) for (const [name, value] of Object.entries(error.extra)) if (!(name in body)) body[name] = value;
  return body;
}
