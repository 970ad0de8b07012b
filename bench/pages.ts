// Inspector pages at the bench's account count: each should answer well under a second.
// Sequential loads, one at a time: this is what one person clicking sees, not a load test.
import { benchEmail, benchSite, benchUid } from './seedAccounts.js';

export interface PageTime {
  page: string;
  medianMs: number;
  maxMs: number;
}

export async function inspectorPageTimes(base: string, accounts: number, loads = 10): Promise<PageTime[]> {
  const site = `${base}/__admin/ui/sites/${benchSite.apiKey}`;
  const pages: Array<[string, string]> = [
    ['accounts, first page', `${site}/accounts`],
    ['accounts, last page', `${site}/accounts?offset=${Math.max(accounts - 50, 0)}`],
    ['accounts filtered by email', `${site}/accounts?email=${encodeURIComponent(benchEmail(accounts >> 1))}`],
    ['emailAccounts of one email', `${site}/email-accounts?email=${encodeURIComponent(benchEmail(accounts >> 1))}`],
    ['one account with its history', `${site}/accounts/${benchUid(accounts >> 1)}`],
    ['journal, first page', `${site}/journal`],
  ];
  const times: PageTime[] = [];
  for (const [page, url] of pages) {
    const ms: number[] = [];
    for (let i = 0; i < loads; i++) {
      const started = performance.now();
      const response = await fetch(url);
      await response.text();
      if (!response.ok) throw new Error(`${page}: HTTP ${response.status} from ${url}`);
      ms.push(performance.now() - started);
    }
    ms.sort((a, b) => a - b);
    times.push({ page, medianMs: ms[ms.length >> 1]!, maxMs: ms[ms.length - 1]! });
  }
  return times;
}
