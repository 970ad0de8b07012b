import { GigyaError } from './errors.js';
import type { Params } from './method.js';
import { BodyAborted, BodyTooLarge, readBody } from './requestBody.js';

/** Largest request body accepted; Gigya's own limit is unpublished (docs/behaviour.md). */
export const maxBodyBytes = 1_048_576;

/**
 * Reads a call's parameters the way Gigya accepts them: the query string, then a body that
 * is application/x-www-form-urlencoded (what every SDK sends), JSON, or multipart form data.
 * A name given twice keeps its first value.
 */
export async function readParams(request: Request, view: RequestView = requestView(request)): Promise<Params> {
  const params: Params = {};
  if (view.url.search !== '') addAll(params, view.url.searchParams);
  if (request.method === 'GET' || request.method === 'HEAD') return params;

  const contentType = view.header('content-type') ?? '';
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  const bytes = await readBytes(request, view);

  if (type === 'multipart/form-data') {
    let form: FormData;
    try {
      // The bytes are already bounded: the platform's multipart parser reads them, not the socket.
      form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
    } catch {
      throw GigyaError.invalidRequestFormat('Malformed multipart body');
    }
    for (const [name, value] of form) if (!(name in params) && typeof value === 'string') params[name] = value;
    return params;
  }

  const body = readText(bytes);
  if (body.length === 0) return params;
  if (type === 'application/json') {
    addJson(params, body);
    return params;
  }
  // Form-encoded, and also what clients send without a content type or as text/plain.
  addAll(params, new URLSearchParams(body));
  return params;
}

/** What the protocol reads of a request besides its body, parsed once per call. */
export interface RequestView {
  url: URL;
  /** A header by its lower-case name. */
  header(name: string): string | undefined;
}

export function requestView(request: Request): RequestView {
  return { url: new URL(request.url), header: (name) => request.headers.get(name) ?? undefined };
}

/** The body, at most maxBodyBytes, read while counting (requestBody.ts) whatever its framing. */
async function readBytes(request: Request, view: RequestView): Promise<Uint8Array> {
  try {
    return await readBody(request, maxBodyBytes, view.header);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw tooLarge();
    if (error instanceof BodyAborted) throw GigyaError.invalidRequestFormat(error.message);
    throw error;
  }
}

function readText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

function tooLarge(): GigyaError {
  return GigyaError.requestTooLarge(maxBodyBytes);
}

function addAll(params: Params, source: URLSearchParams): void {
  for (const [name, value] of source) if (!(name in params)) params[name] = value;
}

/** A JSON body carries the same flat fields; objects inside it are taken as their JSON text. */
function addJson(params: Params, body: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw GigyaError.invalidRequestFormat('Request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw GigyaError.invalidRequestFormat('A JSON request body must be an object of parameters');
  }
  for (const [name, value] of Object.entries(parsed)) {
    if (name in params || value === undefined) continue;
    params[name] = typeof value === 'string' ? value : jsonText(value);
  }
}

/** JSON.stringify recurses: a value nested deeper than the stack allows is the client's error, not a 500001. */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (error instanceof RangeError) throw GigyaError.invalidRequestFormat('A JSON request body nests too deeply');
    throw error;
  }
}
