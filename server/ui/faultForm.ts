import type { FaultInput } from '../faults/faultSpec.js';

/** The fields each kind of fault reads from the HTML form; numbers arrive as text. */
const numericFields: Record<string, readonly string[]> = {
  error: ['errorCode', 'times', 'probability'],
  latency: ['ms', 'maxMs', 'times', 'probability'],
  rateLimit: ['limit', 'windowMs'],
  drop: ['times', 'probability'],
};

/**
 * The posted form as a fault input for FaultRegistry.add, which validates it (faultSpec.ts
 * stays the one source of the rules). Blank fields are left out; text that is not a number
 * is passed on as text so the schema names the field.
 */
export function faultInputFromForm(apiKey: string, form: Record<string, string>): FaultInput {
  const kind = form.kind ?? '';
  const input: Record<string, unknown> = { kind, apiKey };
  if ((form.method ?? '').trim() !== '') input.method = form.method!.trim();
  for (const field of numericFields[kind] ?? []) {
    const text = (form[field] ?? '').trim();
    if (text === '') continue;
    const number = Number(text);
    input[field] = Number.isFinite(number) ? number : text;
  }
  if (kind === 'error' && (form.errorDetails ?? '').trim() !== '') input.errorDetails = form.errorDetails!.trim();
  return input as FaultInput;
}
