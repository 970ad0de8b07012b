import type { EnabledIntegrationSettings } from '../settings/integration.js';
import { GigyaClient, type GigyaClientOptions } from './client.js';

/** What a caller may set besides the integration's own credentials and endpoint. */
export type ClientRuntime = Partial<Omit<GigyaClientOptions, 'apiKey' | 'userKey' | 'secret' | 'dataCenter' | 'baseUrl'>>;

/** A Gigya client on the integration's settings; `runtime` adds the injected clock, fetch, … or tighter bounds. */
export function gigyaClientFor(settings: EnabledIntegrationSettings, runtime: ClientRuntime = {}): GigyaClient {
  return new GigyaClient({
    apiKey: settings.apiKey,
    userKey: settings.userKey,
    secret: settings.secret,
    dataCenter: settings.dataCenter,
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs,
    retry: settings.retry,
    ...runtime,
  });
}
