// npm run bench's arguments and environment, checked before anything starts: a wrong value is
// one line naming it, never a silently different run.
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Also measure WireMock, Mockoon CLI and json-server (installed on demand). */
  peers: boolean;
  help: boolean;
  /** Each warm measurement, in s. */
  seconds: number;
  /** Load before each warm measurement, in s. */
  warmupSeconds: number;
  /** The cold window after each spawn, in s. */
  coldSeconds: number;
  accounts: number;
  /** startFakeGigya/reset/close runs of the embedded kit's rows. */
  kitRuns: number;
}

export class BenchUsageError extends Error {}

export const benchUsage = [
  'npm run bench [-- --peers]',
  '',
  '  --peers     also WireMock, Mockoon CLI and json-server, installed on demand into BENCH_PEERS_CACHE',
  '              (default ~/.cache/gigya-lab-peers); WireMock needs `java` on PATH',
  '  --help      this text',
  '',
  'Environment:',
  '  BENCH_SECONDS          each warm measurement, 1 to 10 s (default 10)',
  '  BENCH_WARMUP_SECONDS   load before each warm measurement, 0 to 60 s (default 30)',
  '  BENCH_ACCOUNTS         accounts seeded for the fake, 1 to 1000000 (default 100000)',
  '  BENCH_KIT_RUNS         startFakeGigya/reset/close runs, 10 to 1000 (default 100)',
].join('\n');

const numbers = {
  BENCH_SECONDS: { min: 1, max: 10, default: 10 },
  BENCH_WARMUP_SECONDS: { min: 0, max: 60, default: 30 },
  BENCH_ACCOUNTS: { min: 1, max: 1_000_000, default: 100_000 },
  BENCH_KIT_RUNS: { min: 10, max: 1000, default: 100 },
} as const;

function numberSetting(env: NodeJS.ProcessEnv, name: keyof typeof numbers): number {
  const spec = numbers[name];
  const raw = env[name];
  if (raw === undefined || raw === '') return spec.default;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
    throw new BenchUsageError(`${name}="${raw.slice(0, 40)}" is not a whole number from ${spec.min} to ${spec.max}`);
  }
  return value;
}

export function benchOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  let values: { peers?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { peers: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (error) {
    throw new BenchUsageError(`${(error as Error).message.split('\n')[0]}; npm run bench -- --help lists the options`);
  }
  return {
    peers: values.peers === true,
    help: values.help === true,
    seconds: numberSetting(env, 'BENCH_SECONDS'),
    warmupSeconds: numberSetting(env, 'BENCH_WARMUP_SECONDS'),
    coldSeconds: 10,
    accounts: numberSetting(env, 'BENCH_ACCOUNTS'),
    kitRuns: numberSetting(env, 'BENCH_KIT_RUNS'),
  };
}
