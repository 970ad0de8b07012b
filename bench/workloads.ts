// What each server under test is asked to do: the same two Gigya workloads (a read and a lite
// submit) for the fake and for the stubs that stand in for it, and their REST shape for
// json-server, which has no Gigya paths.
import { form, type LoadOptions } from './load.js';
import { benchSite, benchUid } from './seedAccounts.js';

export type WorkloadKind = 'read' | 'submit';

export interface Workload {
  kind: WorkloadKind;
  /** One useful answer: what a client waits for after starting the server. */
  probe(base: string): Promise<boolean>;
  /** The autocannon requests of the workload, without duration. */
  load(base: string): LoadOptions;
}

export const benchCredentials = `apiKey=${benchSite.apiKey}&userKey=${benchSite.userKey}&secret=${encodeURIComponent(benchSite.secret)}`;

// One count for the whole run, so that no two submits share an email, whichever server they reach.
let submitted = 0;

const post = (url: string, body: string, headers: Record<string, string> = form) => fetch(url, { method: 'POST', headers, body });

/** getAccountInfo of a random UID among `accounts` (the seeded ones), server-side credentials in clear. */
export function gigyaRead(accounts: number, answered: (response: Response) => Promise<boolean> = async (response) => response.ok): Workload {
  const uid = () => benchUid(Math.floor(Math.random() * accounts));
  return {
    kind: 'read',
    probe: async (base) => answered(await post(`${base}/accounts.getAccountInfo`, `${benchCredentials}&UID=${uid()}`)),
    load: (base) => ({
      url: `${base}/accounts.getAccountInfo`,
      requests: [{ method: 'POST', headers: form, setupRequest: (request) => ({ ...request, body: `${benchCredentials}&UID=${uid()}` }) }],
    }),
  };
}

/**
 * A lite submit as the connector makes it: initRegistration(isLite) then setAccountInfo with the
 * regToken it answered and a new email each time.
 */
export function gigyaLiteSubmit(): Workload {
  const profile = () => encodeURIComponent(JSON.stringify({ email: `bench${submitted++}@submit.example`, firstName: 'Jane', lastName: 'Doe' }));
  return {
    kind: 'submit',
    probe: async (base) => (await post(`${base}/accounts.initRegistration`, `${benchCredentials}&isLite=true`)).ok,
    load: (base) => ({
      url: `${base}/accounts.initRegistration`,
      requests: [
        {
          method: 'POST',
          headers: form,
          body: `${benchCredentials}&isLite=true`,
          onResponse: (_status, body, context) => {
            (context as { regToken?: string }).regToken = (JSON.parse(body) as { regToken?: string }).regToken;
          },
        },
        {
          method: 'POST',
          path: '/accounts.setAccountInfo',
          headers: form,
          setupRequest: (request, context) => ({
            ...request,
            body: `${benchCredentials}&regToken=${(context as { regToken?: string }).regToken}&profile=${profile()}`,
          }),
        },
      ],
    }),
  };
}

const json = { 'content-type': 'application/json' };

/** json-server: the account as a REST resource, read by its id. */
export function restRead(collection: string, id: string): Workload {
  return {
    kind: 'read',
    probe: async (base) => (await fetch(`${base}/${collection}/${id}`)).ok,
    load: (base) => ({ url: `${base}/${collection}/${id}`, requests: [{ method: 'GET' }] }),
  };
}

/** json-server: a new account created by POST, a new email each time. */
export function restCreate(collection: string): Workload {
  const body = () => JSON.stringify({ profile: { email: `rest${submitted++}@submit.example`, firstName: 'Jane', lastName: 'Doe' }, isLite: true });
  return {
    kind: 'submit',
    probe: async (base) => (await post(`${base}/${collection}`, body(), json)).ok,
    load: (base) => ({
      url: `${base}/${collection}`,
      requests: [{ method: 'POST', headers: json, setupRequest: (request) => ({ ...request, body: body() }) }],
    }),
  };
}

/** The ceiling's workload: a GET answered `hello`. */
export const hello: Workload = {
  kind: 'read',
  probe: async (base) => (await fetch(`${base}/`)).ok,
  load: (base) => ({ url: `${base}/` }),
};
