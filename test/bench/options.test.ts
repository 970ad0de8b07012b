import { describe, expect, it } from 'vitest';
import { benchOptions, BenchUsageError, benchUsage } from '../../bench/options.js';

describe('npm run bench options', () => {
  it('measures the fake alone by default, 10 s warm after 30 s of warm-up, 100 000 accounts', () => {
    expect(benchOptions([], {})).toEqual({ peers: false, help: false, seconds: 10, warmupSeconds: 30, coldSeconds: 10, accounts: 100_000, kitRuns: 100 });
  });

  it('adds the peers with --peers', () => {
    expect(benchOptions(['--peers'], {}).peers).toBe(true);
  });

  it('reads its bounds from the environment', () => {
    const options = benchOptions([], { BENCH_SECONDS: '5', BENCH_WARMUP_SECONDS: '60', BENCH_ACCOUNTS: '20000', BENCH_KIT_RUNS: '10' });
    expect(options).toMatchObject({ seconds: 5, warmupSeconds: 60, accounts: 20_000, kitRuns: 10 });
  });

  it('refuses a value out of its bounds in one line naming the variable', () => {
    expect(() => benchOptions([], { BENCH_SECONDS: '30' })).toThrow(new BenchUsageError('BENCH_SECONDS="30" is not a whole number from 1 to 10'));
    expect(() => benchOptions([], { BENCH_WARMUP_SECONDS: '61' })).toThrow(/^BENCH_WARMUP_SECONDS="61" is not a whole number from 0 to 60$/);
    expect(() => benchOptions([], { BENCH_ACCOUNTS: 'many' })).toThrow(/^BENCH_ACCOUNTS="many"/);
  });

  it('refuses an unknown argument, pointing at --help', () => {
    expect(() => benchOptions(['--peer'], {})).toThrow(BenchUsageError);
    expect(() => benchOptions(['--peer'], {})).toThrow(/--peer.*; npm run bench -- --help lists the options$/);
  });

  it('lists --peers and every variable in --help', () => {
    expect(benchOptions(['--help'], {}).help).toBe(true);
    for (const word of ['--peers', 'BENCH_PEERS_CACHE', 'BENCH_SECONDS', 'BENCH_WARMUP_SECONDS', 'BENCH_ACCOUNTS', 'BENCH_KIT_RUNS']) expect(benchUsage).toContain(word);
  });
});
