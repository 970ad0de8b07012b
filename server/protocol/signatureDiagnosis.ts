import { z } from 'zod';
import { redactParams } from './journalEntry.js';
import type { Params } from './method.js';
import { signatureBaseString } from './signature.js';

/**
 * Why a signed request failed, as the journal and the inspector show it: the base string the
 * fake built for each URL it tried, the credential form it saw, the timestamp skew and whether
 * the nonce was already used. Never the secret, nor the signature the fake expected: redacted
 * parameters (a secret sent alongside, a password, a regToken) appear as [redacted] in the base
 * strings, so a client can compare its own base string with these, line by line.
 */
export const signatureDiagnosisSchema = z.object({
  credentialForm: z.string(),
  userKey: z.string().nullable(),
  timestamp: z.object({
    given: z.string(),
    unit: z.enum(['seconds', 'milliseconds']),
    skewMs: z.number(),
    allowedSkewMs: z.number(),
  }),
  nonceAlreadyUsed: z.boolean(),
  candidates: z.array(z.object({ url: z.string(), baseString: z.string() })),
  notes: z.array(z.string()),
});

export type SignatureDiagnosis = z.infer<typeof signatureDiagnosisSchema>;

/** Longest base string kept per candidate: the journal holds a diagnosis per failed call. */
export const maxBaseStringLength = 8_192;

export interface SignedCall {
  params: Params;
  urls: readonly string[];
  timestampMs: number;
  nowMs: number;
  allowedSkewMs: number;
  nonceAlreadyUsed: boolean;
}

export function diagnoseSignature(call: SignedCall): SignatureDiagnosis {
  const { params } = call;
  const safe = redactParams(params);
  const unit = call.timestampMs === Number(params.timestamp) ? 'milliseconds' : 'seconds';
  const notes: string[] = [];
  if (params.secret !== undefined) notes.push('A secret was sent beside the signature: it is part of what is signed, and shown here as [redacted].');
  const falsy = Object.keys(params).filter((name) => name !== 'sig' && (params[name] === 'false' || params[name] === '0'));
  if (falsy.length > 0) {
    notes.push(`npm gigya signs false and 0 as empty values (${falsy.join(', ')}) but sends the text: such a signature does not verify here.`);
  }
  const redactedNames = Object.keys(safe).filter((name) => name !== 'sig' && safe[name] !== params[name]);
  if (redactedNames.length > 0) notes.push(`Values shown as [redacted] in the base strings: ${redactedNames.join(', ')}.`);
  return {
    credentialForm: `signed request: userKey + timestamp (${unit}) + nonce + sig${params.secret !== undefined ? ' + secret' : ''}`,
    userKey: params.userKey ?? null,
    timestamp: { given: params.timestamp ?? '', unit, skewMs: call.nowMs - call.timestampMs, allowedSkewMs: call.allowedSkewMs },
    nonceAlreadyUsed: call.nonceAlreadyUsed,
    candidates: call.urls.map((url) => ({ url, baseString: bounded(signatureBaseString('POST', url, safe)) })),
    notes,
  };
}

function bounded(text: string): string {
  if (text.length <= maxBaseStringLength) return text;
  return `${text.slice(0, maxBaseStringLength)}… (${text.length - maxBaseStringLength} more characters)`;
}
