import { GigyaError } from '../protocol/errors.js';

// Gigya does not document the code of a malformed query (gigya-api.md §11 q7). The fake answers
// 400006 "Invalid parameter value", the code Gigya uses for any out-of-bounds parameter, and
// names the fault and its 0-based character position in errorDetails (docs/behaviour.md).

/** A fault in the query text, at a 0-based character position. */
export function queryError(fault: string, position: number): GigyaError {
  return GigyaError.invalidParameter('query', `${fault} at position ${position}`);
}
