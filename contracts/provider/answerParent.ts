import type { VerificationOptions, VerificationReport } from './verification.js';

/**
 * The child side of a verification run (verification.ts): waits for the options its parent sends,
 * runs `verify`, answers with the report and exits. A run that fails before the verifier answers
 * exits 1; the parent sees no report and shows this line with the rest of the output.
 */
export function answerParent(what: string, verify: (options: VerificationOptions) => Promise<VerificationReport>): void {
  process.once('message', (options) => {
    void verify(options as VerificationOptions).then(
      (report) => process.send?.(report, () => process.exit(0)),
      (error: unknown) => {
        console.error(`the ${what} failed before the verifier answered:`, error);
        process.exit(1);
      },
    );
  });
}
