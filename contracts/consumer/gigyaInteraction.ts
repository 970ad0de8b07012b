// The wire shape of the connector's signed Gigya calls, as Pact expectations: one form field per
// parameter (PactV3 matches application/x-www-form-urlencoded bodies field by field).
import { MatchersV3, PactV3 } from '@pact-foundation/pact';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { consumerName, contractSite, generatedPactDir, providerName } from '../contractSite.js';

const { integer, like, regex } = MatchersV3;

/**
 * The fields every signed call carries besides its own parameters. timestamp, nonce and sig change
 * on every request: matched by shape here, re-signed for real by the provider verification.
 * apiKey, userKey, format and httpStatusCodes are pinned as the connector sends them.
 */
export function signedForm(params: Record<string, unknown>): Record<string, unknown> {
  return {
    ...params,
    apiKey: contractSite.apiKey,
    userKey: contractSite.userKey,
    format: 'json',
    httpStatusCodes: 'false',
    // Seconds, as SAP's SDKs send them (10 digits until 2286).
    timestamp: regex('^\\d{10}$', '1772359200'),
    nonce: like('1772359200000500000000'),
    sig: regex('^[A-Za-z0-9+/]+={0,2}$', 'Q29udHJhY3RFeGFtcGxlU2ln'),
  };
}

/** A signed POST to https://accounts.<dc>.gigya.com/<method>, delivered to the mock server. */
export function signedPost(method: string, params: Record<string, unknown>) {
  return {
    method: 'POST',
    path: `/${method}`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: signedForm(params),
  };
}

/**
 * errorCode 0 with the method's fields; HTTP 200 (httpStatusCodes=false). No Content-Type
 * expectation: the connector parses the body as JSON whatever the header says, as SDKs do.
 */
export function success(fields: Record<string, unknown> = {}) {
  return {
    status: 200,
    body: { callId: regex('^[0-9a-f]{32}$', 'c0ffee00c0ffee00c0ffee00c0ffee00'), errorCode: 0, statusCode: 200, ...fields },
  };
}

/** An error envelope; still HTTP 200 since the connector sends httpStatusCodes=false. */
export function failure(errorCode: number, statusCode: number, fields: Record<string, unknown> = {}) {
  return {
    status: 200,
    body: {
      callId: regex('^[0-9a-f]{32}$', 'c0ffee00c0ffee00c0ffee00c0ffee01'),
      errorCode,
      errorMessage: like('error message'),
      statusCode: integer(statusCode),
      ...fields,
    },
  };
}

/** Provider state parameters, as PactV3 types them (JSON values). */
export type StateParams = NonNullable<Parameters<PactV3['given']>[1]>;
export type Given = [state: string, params?: StateParams];

/** executeTest, resolving with the test's value (a passing run always has one). */
export async function runAgainstMock<T>(pact: PactV3, test: (mockServerUrl: string) => Promise<T>): Promise<T> {
  let outcome: { value: T } | undefined;
  await pact.executeTest(async (mockServer) => {
    outcome = { value: await test(mockServer.url) };
  });
  if (outcome === undefined) throw new Error('the Pact run ended without running the test');
  return outcome.value;
}

/**
 * A Pact for one consumer test file. Each file writes its own pact under .generated/<file>/, so
 * files running in parallel never merge into the same JSON; pactFiles.ts assembles them.
 */
export function contractPact(testFile: string): PactV3 {
  const dir = join(generatedPactDir, testFile);
  // Pact merges into an existing file: start from nothing, so a removed interaction disappears.
  rmSync(dir, { recursive: true, force: true });
  return new PactV3({
    consumer: consumerName,
    provider: providerName,
    dir,
    // 'warn' would print "Existing pact is an older specification version (V3), and will be
    // upgraded" at each interaction merged into the file: the merge is the point, not a problem.
    logLevel: 'error',
  });
}
