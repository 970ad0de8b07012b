// Test double: a fetch that answers Gigya methods from a script and records the wire.
// Lives beside the code it serves tests for; nothing in the connector imports it.

export interface RecordedCall {
  method: string;
  url: string;
  form: Record<string, string>;
}

/** Returns the envelope fields to answer (errorCode defaults to 0), or throws to fail the request like a network error. */
export type GigyaScript = (form: Record<string, string>) => Record<string, unknown>;

export interface ScriptedGigya {
  fetch: typeof fetch;
  calls: RecordedCall[];
  methods(): string[];
}

/** Each method answers from its list in order, the last entry repeating. */
export function scriptedGigya(script: Record<string, GigyaScript | GigyaScript[]>): ScriptedGigya {
  const calls: RecordedCall[] = [];
  const served = new Map<string, number>();
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const method = url.slice(url.lastIndexOf('/') + 1);
    const form = Object.fromEntries(new URLSearchParams(String(init?.body ?? '')));
    calls.push({ method, url, form });
    const entry = script[method];
    if (entry === undefined) throw new Error(`scriptedGigya: no script for ${method}`);
    const list = Array.isArray(entry) ? entry : [entry];
    const index = served.get(method) ?? 0;
    served.set(method, index + 1);
    const answer = list[Math.min(index, list.length - 1)]!(form);
    return new Response(JSON.stringify({ callId: `call-${calls.length}`, errorCode: 0, ...answer }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch: fetchImpl as typeof fetch, calls, methods: () => calls.map((c) => c.method) };
}

export const gigyaError = (errorCode: number, errorDetails = 'scripted failure') => (): Record<string, unknown> => ({
  errorCode,
  errorMessage: `error ${errorCode}`,
  errorDetails,
  statusCode: errorCode >= 500000 ? 500 : 400,
});

export const networkFailure = (): never => {
  throw new TypeError('fetch failed');
};
