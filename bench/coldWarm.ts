// One server, one workload, two figures: what a CI job sees in its first seconds (the cold
// window, start-up included) and what the same process does once warmed up (the JIT has
// compiled its hot paths). Every phase is one or more bounded autocannon runs.
import { load, type LoadResult } from './load.js';
import { cpuMs, freePort, rssMb, startProcess, stop } from './processes.js';
import type { Workload } from './workloads.js';

export interface Spawn {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

export interface Phases {
  /** The cold window, counted from the spawn: start-up plus load. */
  coldSeconds: number;
  /** Load before the warm figure is taken, in runs of at most 10 s. */
  warmupSeconds: number;
  /** The warm measurement. */
  seconds: number;
}

export interface ColdWarm {
  startupMs: number;
  /** 2xx answers within the cold window after the spawn, probe included. */
  cold: { served: number; perSecond: number; failed: number };
  warm: { perSecond: number; p50Ms: number; p99Ms: number; cpuUsPerRequest: number; failed: number };
  /** Resident set right after the warm measurement. */
  rssMb: number;
}

const failedOf = (result: LoadResult) => result.errors + result.non2xx;

/**
 * Spawns `spawnAt(port)` on a free loopback port, measures the workload cold then warm, runs
 * `whileWarm` against the still-running server, and stops it whatever happens.
 */
export async function coldThenWarm(
  spawnAt: (port: number) => Spawn,
  workload: Workload,
  phases: Phases,
  whileWarm?: (base: string, pid: number) => Promise<void>,
): Promise<ColdWarm> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { command, args, env = {} } = spawnAt(port);
  // A JVM on a busy machine can take seconds to answer: wait long enough to report it, not forever.
  const { child, startupMs } = await startProcess(command, args, env, () => workload.probe(base), 60_000);
  try {
    const pid = child.pid!;
    const windowMs = phases.coldSeconds * 1000;
    let served = startupMs < windowMs ? 1 : 0;
    let coldFailed = 0;
    const leftSeconds = (windowMs - startupMs) / 1000;
    if (leftSeconds > 0.05) {
      const cold = await load({ ...workload.load(base), duration: leftSeconds });
      served += cold.ok;
      coldFailed = failedOf(cold);
    }
    for (let done = 0; done < phases.warmupSeconds; done += 10) {
      await load({ ...workload.load(base), duration: Math.min(10, phases.warmupSeconds - done) });
    }
    const before = cpuMs(pid);
    const warm = await load({ ...workload.load(base), duration: phases.seconds });
    const cpuUsPerRequest = ((cpuMs(pid) - before) * 1000) / Math.max(warm.total, 1);
    const rss = rssMb(pid);
    await whileWarm?.(base, pid);
    return {
      startupMs,
      cold: { served, perSecond: served / phases.coldSeconds, failed: coldFailed },
      warm: { perSecond: warm.ok / Math.max(warm.seconds, 0.001), p50Ms: warm.p50Ms, p99Ms: warm.p99Ms, cpuUsPerRequest, failed: failedOf(warm) },
      rssMb: rss,
    };
  } finally {
    await stop(child);
  }
}
