import { signatureOf } from '../../server/testing/signer.js';
import { type Envelope } from '../../server/testing/testbed.js';
import type { RunningFakeGigya } from '../../server/embedded.js';

// Calls a running fake Gigya over real HTTP, as the SDKs do: form-encoded POSTs.

export async function post(
  gigya: RunningFakeGigya,
  method: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Envelope; text: string }> {
  const response = await fetch(`${gigya.baseUrl}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Envelope, text };
}

let nonce = 0;

/** Signed params (ms timestamp, as npm gigya) over `url`: the production URL of the site's data center by default. */
export function signed(gigya: RunningFakeGigya, method: string, params: Record<string, string>, url?: string): Record<string, string> {
  const all = {
    ...params,
    apiKey: gigya.site.apiKey,
    userKey: gigya.site.userKey,
    format: 'json',
    timestamp: String(Date.now()),
    nonce: `${process.pid}-${++nonce}-${Math.random()}`,
  };
  const target = url ?? `https://accounts.${gigya.site.dataCenter}.gigya.com/${method}`;
  return { ...all, sig: signatureOf(gigya.site.secret, target, all) };
}
