import type { Spawn } from '../coldWarm.js';
import type { Workload } from '../workloads.js';

/** What the fake really answered in this run, served back verbatim by the stubs. */
export interface FakeAnswers {
  /** The UID whose getAccountInfo answer this is. */
  uid: string;
  getAccountInfo: string;
  initRegistration: string;
  setAccountInfo: string;
}

export interface PeerContext {
  cacheDir: string;
  /** A scratch folder of this run for the peer's stub files. */
  workDir: string;
  answers: FakeAnswers;
}

export interface PeerSetup {
  spawnAt(port: number): Spawn;
  read: Workload;
  submit: Workload;
}

export interface Peer {
  /** Name and version, as printed in the tables. */
  name: string;
  /** What its two rows measure. */
  what: { read: string; submit: string };
  setUp(context: PeerContext): PeerSetup | { unavailable: string };
}
