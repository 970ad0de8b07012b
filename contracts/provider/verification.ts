// One run of the Pact verifier against a fresh contract provider, in a child process. The verifier
// is native code that prints its report straight to file descriptor 1, out of reach of the test
// runner's capture: run here, its report comes back as text for the tests to assert on, and a
// passing `npm test` prints none of it.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import type { AuthenticatedCall } from './contractProvider.js';

export interface VerificationOptions {
  pactUrls: string[];
  /** The secret the request filter signs with; the contract site's unless a test wants it wrong. */
  secret?: string;
}

/** What the child process answers. */
export interface VerificationReport {
  /** True when every interaction of every pact matched. */
  passed: boolean;
  /** The verifier's rejection (its JSON results, mismatches included) when it did not pass. */
  error?: string;
  /** The Gigya calls that got through the fake's authentication, in order. */
  authenticated: AuthenticatedCall[];
}

export interface VerificationRun extends VerificationReport {
  /** Everything the verifier and Pact's logger printed, without colours. */
  output: string;
}

const runner = fileURLToPath(new URL('./verificationRun.ts', import.meta.url));
const crmRunner = fileURLToPath(new URL('./crmVerificationRun.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const timeLimitMs = 120_000;

/** Resolves with the run's outcome and output whether the pacts pass or not; rejects only when the run itself breaks. */
export function verifyPacts(options: VerificationOptions): Promise<VerificationRun> {
  return runVerification(runner, options);
}

/** The same for the CRM's message pacts: the fake's real notifications against what the CRM relies on. */
export function verifyCrmPacts(options: VerificationOptions): Promise<VerificationRun> {
  return runVerification(crmRunner, options);
}

function runVerification(runner: string, options: VerificationOptions): Promise<VerificationRun> {
  return new Promise((resolve, reject) => {
    const child = fork(runner, [], {
      cwd: repoRoot,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      // Pact's usage tracking prints a notice on every run and calls out to the network.
      env: { ...process.env, PACT_DO_NOT_TRACK: 'true' },
    });
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    let report: VerificationReport | undefined;
    child.on('message', (message) => (report = message as VerificationReport));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeLimitMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const text = stripVTControlCharacters(output);
      if (report) resolve({ ...report, output: text });
      else reject(new Error(`the verification process ended (${signal ?? `exit code ${code}`}) without a report; its output:\n${text}`));
    });
    child.send(options);
  });
}
