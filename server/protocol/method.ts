import type { z } from 'zod';
import type { Store } from '../store/index.js';
import type { Site } from '../store/sites.js';

/** Request parameters after decoding: Gigya's wire format is flat text fields. */
export type Params = Record<string, string>;

/** Who made a call, as authentication established it. */
export interface Caller {
  /** How the call authenticated; 'anonymous' is a client-side call with an apiKey only. */
  via: 'userKeySecret' | 'signed' | 'bearer' | 'anonymous';
  /** The application key used, when there was one: recorded in the history of writes. */
  userKey: string | null;
}

export interface Clock {
  now(): number;
}

/** Every id and token the fake mints, injectable so tests can be deterministic. */
export interface Ids {
  callId(): string;
  uid(): string;
  regToken(): string;
  emailAccountToken(): string;
  /** Random test credentials for new sites. */
  apiKey(): string;
  userKey(): string;
  secret(): string;
}

export interface MethodContext<P = unknown> {
  /** Fully qualified method name, e.g. "accounts.setAccountInfo". */
  method: string;
  /** The method's parameters, parsed by its own schema before the handler runs. */
  params: P;
  site: Site;
  caller: Caller;
  store: Store;
  clock: Clock;
  ids: Ids;
  /** The call's callId (the envelope's): events of its writes carry it. Absent for seeds. */
  callId?: string;
}

/** A method's result: fields merged into the success envelope. */
export type MethodResult = Record<string, unknown>;

export interface GigyaMethod<S extends z.ZodType = z.ZodType> {
  name: string;
  /** The parameters the method reads, as codecs (protocol/codecs.ts); others are ignored. */
  params: S;
  /**
   * Whether Gigya accepts this call without server credentials (a client-side call with
   * the apiKey only). Evaluated per request, on the raw fields, before authentication:
   * setAccountInfo is client-side with a regToken only.
   */
  allowsClientSide(raw: Params): boolean;
  handle(context: MethodContext<z.output<S>>): MethodResult | Promise<MethodResult>;
}

/** Declares a method, typing its handler's params from its schema. */
export function gigyaMethod<S extends z.ZodType>(method: GigyaMethod<S>): GigyaMethod<S> {
  return method;
}
