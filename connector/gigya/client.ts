import { answerText, maxAnswerBytes } from './answerText.js';
import { backoffDelay, type BackoffPolicy } from './backoff.js';
import { GigyaApiError, GigyaTransportError, isTransient, minRetryDelayMs, validationErrorSchema } from './errors.js';
import { fetchFromEnvironment } from './proxyFetch.js';
import { canonicalMethodUrl, dataCenterDomain, percentEncode, signRequest } from './signature.js';
import { redactText } from '../settings/redact.js';
import { Secret } from '../settings/secret.js';
import { z } from 'zod';

export interface GigyaCredentials {
  apiKey: string;
  userKey: string;
  secret: Secret;
}

export interface GigyaClientOptions extends GigyaCredentials {
  /** Data center whose production host is signed (and called when no baseUrl is set). */
  dataCenter: string;
  /** Deliver requests here instead, e.g. the fake on http://127.0.0.1:4100. */
  baseUrl?: string;
  timeoutMs: number;
  retry: BackoffPolicy & { maxAttempts: number };
  /** How requests are sent; by default Node's fetch, through HTTPS_PROXY when one is set (proxyFetch.ts). */
  fetch?: typeof fetch;
  /** Milliseconds since the epoch; timestamps are sent in seconds, as SAP's SDKs do. */
  clock?: () => number;
  nonce?: () => string;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** A parameter value: objects travel as JSON text in one field (gigya-api.md §1). */
export type GigyaParam = string | number | boolean | object | null | undefined;

/** The envelope of every answer (gigya-api.md §3); method fields ride beside it. */
const envelopeSchema = z
  .object({
    errorCode: z.number(),
    callId: z.string().optional(),
    errorMessage: z.string().optional(),
    errorDetails: z.string().optional(),
    statusCode: z.number().optional(),
    validationErrors: z.array(validationErrorSchema).optional(),
  })
  .loose();

export type GigyaResponse = z.infer<typeof envelopeSchema> & Record<string, unknown>;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A small Gigya REST client in signed mode (apiKey + userKey + timestamp + nonce + sig): the
 * secret itself never travels. Every call has a timeout; transient failures are retried with
 * backoff and a fresh signature, validation errors never.
 */
export class GigyaClient {
  readonly #options: GigyaClientOptions;
  readonly #fetch: typeof fetch;
  readonly #clock: () => number;
  readonly #nonce: () => string;
  readonly #random: () => number;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(options: GigyaClientOptions) {
    this.#options = options;
    this.#fetch = options.fetch ?? fetchFromEnvironment();
    this.#clock = options.clock ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#nonce = options.nonce ?? (() => `${this.#clock()}${Math.floor(this.#random() * 1e9)}`);
    this.#sleep = options.sleep ?? defaultSleep;
  }

  /** POSTs `accounts.<x>` (or any `ns.method`) and resolves the envelope when errorCode is 0. */
  async call(method: string, params: Record<string, GigyaParam> = {}): Promise<GigyaResponse> {
    const { maxAttempts } = this.#options.retry;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#callOnce(method, params);
      } catch (error) {
        if (!isTransient(error) || attempt >= maxAttempts) {
          if (error instanceof GigyaApiError || error instanceof GigyaTransportError) error.attempts = attempt;
          throw error;
        }
        await this.#sleep(Math.max(minRetryDelayMs(error), backoffDelay(this.#options.retry, attempt, this.#random)));
      }
    }
  }

  initRegistration(params: { isLite: boolean }): Promise<GigyaResponse> {
    return this.call('accounts.initRegistration', params);
  }

  setAccountInfo(params: ({ UID: string } | { regToken: string }) & Record<string, GigyaParam>): Promise<GigyaResponse> {
    return this.call('accounts.setAccountInfo', params);
  }

  getAccountInfo(params: { UID: string; include?: string; extraProfileFields?: string }): Promise<GigyaResponse> {
    return this.call('accounts.getAccountInfo', params);
  }

  search(params: { query: string; accountTypes?: string }): Promise<GigyaResponse> {
    return this.call('accounts.search', params);
  }

  register(params: Record<string, GigyaParam>): Promise<GigyaResponse> {
    return this.call('accounts.register', params);
  }

  /** Where a method is delivered. */
  methodUrl(method: string): string {
    const base = this.#options.baseUrl ?? `https://${method.split('.')[0]}.${dataCenterDomain(this.#options.dataCenter)}`;
    return `${base.replace(/\/+$/, '')}/${method}`;
  }

  /** The exact form fields of one signed request (exposed so tests can check the wire). */
  signedForm(method: string, params: Record<string, GigyaParam>): Record<string, string> {
    const form: Record<string, string> = {};
    for (const [name, value] of Object.entries(params)) {
      if (value === undefined || value === null) continue;
      form[name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
    Object.assign(form, {
      apiKey: this.#options.apiKey,
      userKey: this.#options.userKey,
      format: 'json',
      httpStatusCodes: 'false',
      timestamp: String(Math.floor(this.#clock() / 1000)),
      nonce: this.#nonce(),
    });
    form.sig = signRequest(this.#options.secret.reveal(), canonicalMethodUrl(this.#options.dataCenter, method), form);
    return form;
  }

  async #callOnce(method: string, params: Record<string, GigyaParam>): Promise<GigyaResponse> {
    const form = this.signedForm(method, params);
    const body = Object.entries(form)
      .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
      .join('&');
    let status: number;
    let text: string | null;
    try {
      const response = await this.#fetch(this.methodUrl(method), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
      status = response.status;
      text = await answerText(response);
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      if (timedOut) throw new GigyaTransportError(method, 'timeout', `no answer within ${this.#options.timeoutMs} ms`, true);
      throw new GigyaTransportError(method, 'network', this.#safe(describe(error)), true);
    }

    if (text === null) throw new GigyaTransportError(method, 'invalidResponse', `HTTP ${status}: an answer larger than ${maxAnswerBytes} bytes`, false);
    let envelope: GigyaResponse;
    try {
      envelope = envelopeSchema.parse(JSON.parse(text)) as GigyaResponse;
    } catch {
      // SDKs read the body whatever the HTTP status (httpStatusCodes=false); a non-envelope
      // answer is a proxy or gateway talking, worth retrying only when it says 5xx/429.
      throw new GigyaTransportError(method, 'invalidResponse', `HTTP ${status} without a Gigya envelope`, status >= 500 || status === 429);
    }
    if (envelope.errorCode !== 0) {
      throw new GigyaApiError(method, {
        errorCode: envelope.errorCode,
        errorMessage: this.#safeOptional(envelope.errorMessage),
        errorDetails: this.#safeOptional(envelope.errorDetails),
        callId: envelope.callId,
        statusCode: envelope.statusCode,
        validationErrors: envelope.validationErrors,
      });
    }
    return envelope;
  }

  /** A server or a network stack echoing the secret must not put it in our errors. */
  #safe(text: string): string {
    return redactText(text, [this.#options.secret.reveal()]);
  }

  #safeOptional(text: string | undefined): string | undefined {
    return text === undefined ? undefined : this.#safe(text);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
