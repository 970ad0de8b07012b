import type { Context } from 'hono';
import { checkGigyaHost } from '../network/hostRouting.js';
import type { Store } from '../store/index.js';
import type { Site } from '../store/sites.js';
import { Authenticator } from './auth.js';
import { errorEnvelope, successEnvelope, type EnvelopeBase } from './envelope.js';
import { parseParams } from './codecs.js';
import { GigyaError } from './errors.js';
import { journalEntry } from './journalEntry.js';
import type { Clock, GigyaMethod, Ids, Params } from './method.js';
import { readParams, type RequestView } from './params.js';
import type { SignatureDiagnosis } from './signatureDiagnosis.js';
import type { IncomingMessage } from 'node:http';

/**
 * Runs before a method's handler, after authentication: emulator faults (errors, latency,
 * dropped connections) hook in here, so an injected error never half-writes.
 */
export type BeforeHandle = (call: { site: Site; method: string; params: Params }) => Promise<void> | void;

export interface DispatcherOptions {
  store: Store;
  clock: Clock;
  ids: Ids;
  methods: readonly GigyaMethod[];
  beforeHandle?: BeforeHandle;
  /** Where unexpected failures are reported; never given a secret. */
  logError: (message: string) => void;
  /** Turns the journal off, for embedders that do not want it. */
  journal: boolean;
  /** The fake's own base URLs, over which signatures are also checked (auth.ts). */
  publicBaseUrls: () => readonly string[];
}

interface Outcome {
  status: number;
  body: Record<string, unknown>;
}

/** The one path every Gigya call takes: params → site → auth → handler → envelope → journal. */
export class Dispatcher {
  private readonly methods: Map<string, GigyaMethod>;
  private readonly auth: Authenticator;

  constructor(private readonly options: DispatcherOptions) {
    this.methods = new Map(options.methods.map((method) => [method.name, method]));
    this.auth = new Authenticator(options.store, options.clock, options.publicBaseUrls);
  }

  async handle(c: Context): Promise<Response> {
    const { clock, ids } = this.options;
    const started = performance.now();
    const view = viewOf(c);
    const name = methodName(view.url);
    let params: Params = {};
    let site: Site | null = null;
    let diagnosis: SignatureDiagnosis | null = null;
    const base: EnvelopeBase = { callId: ids.callId(), time: '', context: undefined };
    let outcome: Outcome;
    try {
      params = await readParams(c.req.raw, view);
      base.context = params.context;
      const method = this.methods.get(name);
      if (method === undefined) throw GigyaError.unknownMethod(name);
      site = this.siteOf(params);
      checkGigyaHost(site, view.url.hostname, name);
      const caller = await this.auth.authenticate(site, params, {
        method: name,
        secure: isSecure(view),
        authorization: view.header('authorization') ?? null,
        allowsClientSide: method.allowsClientSide(params),
        diagnose: (found) => {
          diagnosis = found;
        },
      });
      await this.options.beforeHandle?.({ site, method: name, params });
      const typed = parseParams(method.params, params);
      const result = await method.handle({ method: name, params: typed, site, caller, store: this.options.store, clock, ids, callId: base.callId });
      base.time = new Date(clock.now()).toISOString();
      outcome = { status: 200, body: successEnvelope(base, result) };
      this.record(base, site, name, params, 0, started);
    } catch (error) {
      if (error instanceof DroppedConnection) throw error;
      const gigyaError = error instanceof GigyaError ? error : this.unexpected(name, error);
      base.time = new Date(clock.now()).toISOString();
      outcome = { status: gigyaError.statusCode, body: errorEnvelope(base, gigyaError) };
      this.record(base, site, name, params, gigyaError.errorCode, started, diagnosis);
    }
    return respond(c, params, outcome);
  }

  private siteOf(params: Params): Site {
    // Some npm gigya revisions send APIKey (gigya-api.md §1): the credential name is read case-insensitively.
    const apiKey = params.apiKey ?? params.APIKey ?? params.apikey;
    if (apiKey === undefined || apiKey === '') throw GigyaError.invalidApiKey('Missing required parameter: ApiKey');
    const site = this.options.store.sites.get(apiKey);
    if (site === null) throw GigyaError.invalidApiKey('Invalid ApiKey parameter');
    return site;
  }

  private unexpected(method: string, error: unknown): GigyaError {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
    this.options.logError(`fake-gigya: unexpected failure in ${method}: ${message}`);
    return GigyaError.generalServerError();
  }

  private record(
    base: EnvelopeBase,
    site: Site | null,
    method: string,
    params: Params,
    errorCode: number,
    started: number,
    signatureDiagnosis: SignatureDiagnosis | null = null,
  ): void {
    if (!this.options.journal) return;
    const entry = journalEntry({
      callId: base.callId,
      site: site?.apiKey ?? null,
      atMs: this.options.clock.now(),
      method,
      params,
      errorCode,
      durationMs: performance.now() - started,
      signatureDiagnosis,
    });
    this.options.store.appendJournal(entry);
  }
}

function methodName(url: URL): string {
  const path = url.pathname.slice(1);
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Thrown by a fault to make the server drop the connection instead of answering. */
export class DroppedConnection extends Error {}

/**
 * Under @hono/node-server the Node request's plain header object is read directly: asking the
 * web Request for a header builds a whole Headers object, a cost paid on every call.
 */
function viewOf(c: Context): RequestView {
  const url = new URL(c.req.url);
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming?.headers) {
    const headers = incoming.headers;
    return { url, header: (name) => (headers[name] as string | undefined) ?? undefined };
  }
  return { url, header: (name) => c.req.header(name) };
}

function isSecure(view: RequestView): boolean {
  const forwarded = view.header('x-forwarded-proto');
  if (forwarded !== undefined) return forwarded.split(',')[0]!.trim().toLowerCase() === 'https';
  return view.url.protocol === 'https:';
}

const callbackName = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/** JSON by default; JSONP when asked; the HTTP status mirrors the error only with httpStatusCodes=true. */
function respond(c: Context, params: Params, outcome: Outcome): Response {
  const httpStatus = params.httpStatusCodes?.toLowerCase() === 'true' ? outcome.status : 200;
  const json = JSON.stringify(outcome.body);
  // 301001's location is "equivalent to the location header in the HTTP 301/302 responses" (gigya-api.md §12).
  if (httpStatus === 301 && typeof outcome.body.location === 'string') c.header('location', outcome.body.location);
  // A body refused before it was read whole leaves bytes on the connection: say it closes, so a
  // keep-alive client does not send its next request on a socket the server is about to drop.
  if (outcome.status === 413) c.header('connection', 'close');
  const callback = params.callback;
  if (params.format?.toLowerCase() === 'jsonp' && callback !== undefined && callbackName.test(callback)) {
    return c.body(`${callback}(${json});`, httpStatus as 200, { 'content-type': 'text/javascript; charset=utf-8' });
  }
  return c.body(json, httpStatus as 200, { 'content-type': 'application/json; charset=utf-8' });
}
