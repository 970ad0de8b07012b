import type { z } from 'zod';

/** One problem with one named field: what every 400 and settings error reports. */
export interface FieldError {
  field: string;
  message: string;
}

export function fieldErrorsOf(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.') || '(root)',
    message: issue.message,
  }));
}

/** Thrown when settings do not parse; the message names each field, never a value. */
export class SettingsError extends Error {
  constructor(
    readonly what: string,
    readonly fieldErrors: FieldError[],
  ) {
    super(`Invalid ${what}: ${fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
    this.name = 'SettingsError';
  }
}
