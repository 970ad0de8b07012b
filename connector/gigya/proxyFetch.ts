import type { Dispatcher } from 'undici';

const proxyVariables = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] as const;

/** One proxy agent per configuration, shared by every client: its connections are pooled. */
const agents = new Map<string, Promise<{ dispatcher: Dispatcher; fetch: typeof import('undici').fetch }>>();

/**
 * The fetch the connector calls Gigya with. Node's own fetch ignores HTTPS_PROXY, which is how
 * an unmodified application is pointed at a local fake Gigya (or through a company proxy): when
 * one of the usual proxy variables is set, requests go through undici's EnvHttpProxyAgent, which
 * reads HTTPS_PROXY, HTTP_PROXY and NO_PROXY as curl does. TLS trust stays Node's (its CAs plus
 * NODE_EXTRA_CA_CERTS). undici is loaded on the first proxied call only.
 */
export function fetchFromEnvironment(env: NodeJS.ProcessEnv = process.env): typeof fetch {
  if (!proxyVariables.some((name) => (env[name] ?? '') !== '')) return fetch;
  const options = {
    httpsProxy: env.HTTPS_PROXY || env.https_proxy || undefined,
    httpProxy: env.HTTP_PROXY || env.http_proxy || undefined,
    noProxy: env.NO_PROXY ?? env.no_proxy,
  };
  const key = JSON.stringify(options);
  let agent = agents.get(key);
  if (agent === undefined) {
    agent = import('undici').then(({ EnvHttpProxyAgent, fetch }) => ({ dispatcher: new EnvHttpProxyAgent(options), fetch }));
    agents.set(key, agent);
  }
  const ready = agent;
  return (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const { dispatcher, fetch: proxiedFetch } = await ready;
    return proxiedFetch(input as Parameters<typeof proxiedFetch>[0], { ...(init as Parameters<typeof proxiedFetch>[1]), dispatcher });
  }) as unknown as typeof fetch;
}
