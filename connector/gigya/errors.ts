import { z } from 'zod';
import { retryableErrors, retryRuleOf } from './retryTable.js';

/** Error codes worth another try (the retry table, retryTable.ts); every other code is permanent. */
export const transientErrorCodes: ReadonlySet<number> = new Set(retryableErrors.map((rule) => rule.errorCode));

export const validationErrorSchema = z.object({ errorCode: z.number(), message: z.string(), fieldName: z.string() }).loose();
export type GigyaValidationError = z.infer<typeof validationErrorSchema>;

/** A Gigya answer with errorCode ≠ 0. Its message never contains a credential. */
export class GigyaApiError extends Error {
  readonly errorCode: number;
  readonly errorMessage: string | undefined;
  readonly errorDetails: string | undefined;
  readonly callId: string | undefined;
  readonly statusCode: number | undefined;
  readonly validationErrors: GigyaValidationError[];
  readonly transient: boolean;
  /** Calls made, the last one included, before this error was given up on. */
  attempts = 1;

  constructor(
    readonly method: string,
    fields: {
      errorCode: number;
      errorMessage?: string;
      errorDetails?: string;
      callId?: string;
      statusCode?: number;
      validationErrors?: GigyaValidationError[];
    },
  ) {
    const validation = (fields.validationErrors ?? []).map((v) => `${v.fieldName}: ${v.message}`).join(', ');
    super(
      `Gigya ${method} failed with error ${fields.errorCode} (${fields.errorMessage ?? 'no message'})` +
        (fields.errorDetails ? `: ${fields.errorDetails}` : '') +
        (validation ? ` [${validation}]` : '') +
        (fields.callId ? ` callId=${fields.callId}` : ''),
    );
    this.name = 'GigyaApiError';
    this.errorCode = fields.errorCode;
    this.errorMessage = fields.errorMessage;
    this.errorDetails = fields.errorDetails;
    this.callId = fields.callId;
    this.statusCode = fields.statusCode;
    this.validationErrors = fields.validationErrors ?? [];
    this.transient = transientErrorCodes.has(fields.errorCode);
  }
}

/** The request never got a Gigya answer: network failure, timeout, or a body that is not a Gigya envelope. */
export class GigyaTransportError extends Error {
  attempts = 1;

  constructor(
    readonly method: string,
    readonly kind: 'network' | 'timeout' | 'invalidResponse',
    detail: string,
    /** Network errors and timeouts are retried; an unreadable answer only when HTTP said 5xx/429. */
    readonly transient: boolean,
  ) {
    super(`Gigya ${method}: ${kind}: ${detail}`);
    this.name = 'GigyaTransportError';
  }
}

export type GigyaError = GigyaApiError | GigyaTransportError;

export function isGigyaError(error: unknown): error is GigyaError {
  return error instanceof GigyaApiError || error instanceof GigyaTransportError;
}

/** Whether trying again later may succeed. */
export function isTransient(error: unknown): boolean {
  return isGigyaError(error) && error.transient;
}

/** The least wait before trying again after this error (a rate limit asks for more than the backoff may give). */
export function minRetryDelayMs(error: unknown): number {
  return error instanceof GigyaApiError ? (retryRuleOf(error.errorCode)?.minDelayMs ?? 0) : 0;
}
