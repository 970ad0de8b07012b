import { coldThenWarm, type Phases } from '../coldWarm.js';
import type { ByKind, Measured } from '../report.js';
import { peers } from './index.js';
import type { PeerContext } from './peer.js';
import { unavailableLine } from './runtime.js';

export interface PeerRuns {
  rows: Measured[];
  /** One line per peer that could not be measured. */
  unavailable: string[];
  byName: Record<string, ByKind>;
}

/** Every peer, read then submit, each from its own cold start; a peer that fails is a line, not the end of the run. */
export async function measurePeers(context: PeerContext, phases: Phases): Promise<PeerRuns> {
  const runs: PeerRuns = { rows: [], unavailable: [], byName: {} };
  for (const peer of peers) {
    const measuredKinds: ByKind = {};
    runs.byName[peer.name] = measuredKinds;
    try {
      const setup = peer.setUp(context);
      if ('unavailable' in setup) throw new Error(setup.unavailable);
      for (const workload of [setup.read, setup.submit]) {
        console.log(`${peer.name}: ${workload.kind} ...`);
        measuredKinds[workload.kind] = await coldThenWarm(setup.spawnAt, workload, phases);
      }
    } catch (error) {
      const line = unavailableLine(peer.name, (error as Error).message.split('\n')[0]!);
      console.log(line);
      runs.unavailable.push(line);
    }
    for (const kind of ['read', 'submit'] as const) runs.rows.push({ server: peer.name, kind, what: peer.what[kind], result: measuredKinds[kind] });
  }
  return runs;
}
