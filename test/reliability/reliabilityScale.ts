// How big the reliability runs are: the short run rides in `npm test`, the full one is
// `npm run test:reliability` (RELIABILITY=full). Every loop is bounded by these counts and by
// a wall-clock budget; budgets bound loops, they are never asserted.

export const fullRun = process.env.RELIABILITY === 'full';

export const reliabilityScale = fullRun
  ? { killRounds: 10, soakSubmissions: 2_000, soakMaxLatencyMs: 200, fuzzRequests: 20_000 }
  : { killRounds: 1, soakSubmissions: 200, soakMaxLatencyMs: 20, fuzzRequests: 2_000 };

/** Prints a figure for docs/reliability.md; the reporter shows it beside the test. */
export function report(line: string): void {
  console.log(`[reliability] ${line}`);
}

/** A seeded PRNG (the fake's own), so a run's choices are the same every time. */
export { mulberry32 as seededRandom } from '../../server/faults/prng.js';

/** Runs `work` over `items` with at most `concurrency` at once. */
export async function inPool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
