import type { LoadResult } from './load.js';
import { cpuMs } from './processes.js';

/** A warm load run against a running server, with the server's own CPU time per request. */
export interface Row {
  name: string;
  result: LoadResult;
  cpuUsPerRequest: number;
}

export async function measured(pid: number, name: string, run: () => Promise<LoadResult>): Promise<Row> {
  const before = cpuMs(pid);
  const result = await run();
  const cpuUsPerRequest = ((cpuMs(pid) - before) * 1000) / Math.max(result.total, 1);
  return { name, result, cpuUsPerRequest };
}

/** 2xx answers per second of the run. */
export function okPerSecond(result: LoadResult): number {
  return result.ok / Math.max(result.seconds, 0.001);
}
