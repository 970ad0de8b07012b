// json-server: what a team reaches for when it wants "a REST API in a minute". It has no Gigya
// paths, so it serves the fake's account as a resource: GET by id, POST to create (each POST
// rewrites its JSON file, its own kind of durability).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { restCreate, restRead } from '../workloads.js';
import { installPeer } from './cache.js';
import type { Peer } from './peer.js';
import { nodeProblem } from './runtime.js';

const version = '0.17.4';

export const jsonServer: Peer = {
  name: `json-server ${version}`,
  what: {
    read: 'GET /accounts/<UID>: the fake\'s getAccountInfo answer as a resource',
    submit: 'POST /accounts: a new lite profile, written to its JSON file',
  },
  setUp({ cacheDir, workDir, answers }) {
    const node = nodeProblem(12, process.version);
    if (node) return { unavailable: node };
    const installed = installPeer(cacheDir, 'json-server', version);
    if ('unavailable' in installed) return installed;
    const dir = join(workDir, 'json-server');
    mkdirSync(dir, { recursive: true });
    const account = { ...(JSON.parse(answers.getAccountInfo) as object), id: answers.uid };
    const db = join(dir, 'db.json');
    const bin = join(installed.dir, 'node_modules', 'json-server', 'lib', 'cli', 'bin.js');
    return {
      spawnAt: (port) => {
        // Each spawn starts from the one seeded account, not from the previous run's POSTs.
        writeFileSync(db, JSON.stringify({ accounts: [account] }));
        return { command: process.execPath, args: [bin, '--host', '127.0.0.1', '--port', String(port), '--quiet', db] };
      },
      read: restRead('accounts', answers.uid),
      submit: restCreate('accounts'),
    };
  },
};
