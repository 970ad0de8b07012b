import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  total: number;
  /** Answers with a 2xx status. */
  ok: number;
  /** How long the run lasted, in s. */
  seconds: number;
}

export type LoadOptions = autocannon.Options;

/** One bounded autocannon run (50 connections unless told; at most 10 s, so a run stays short). */
export function load(options: LoadOptions): Promise<LoadResult> {
  const duration = Math.min(Number(options.duration ?? 5), 10);
  return new Promise((resolve, reject) => {
    autocannon({ connections: 50, ...options, duration }, (error, result) => {
      if (error) return reject(error);
      resolve({
        requestsPerSecond: result.requests.average,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        total: result.requests.total,
        ok: result.requests.total - result.non2xx,
        seconds: result.duration,
      });
    });
  });
}

export const form = { 'content-type': 'application/x-www-form-urlencoded' };
