// WireMock standalone, from the npm package that bundles its jar, run by the machine's Java:
// static stubs of the three Gigya answers, request journal and request logging off.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gigyaLiteSubmit, gigyaRead } from '../workloads.js';
import { installPeer } from './cache.js';
import type { FakeAnswers, Peer } from './peer.js';
import { javaProblem, probeJava } from './runtime.js';

const version = '3.13.2';

function stub(path: string, body: string) {
  return { request: { method: 'POST', url: path }, response: { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body } };
}

export function wiremockStubs(answers: FakeAnswers) {
  return {
    mappings: [
      stub('/accounts.getAccountInfo', answers.getAccountInfo),
      stub('/accounts.initRegistration', answers.initRegistration),
      stub('/accounts.setAccountInfo', answers.setAccountInfo),
    ],
  };
}

export const wiremock: Peer = {
  name: `WireMock ${version}`,
  what: {
    read: 'static stub of the fake\'s getAccountInfo answer',
    submit: 'static stubs of initRegistration + setAccountInfo, the same request pair',
  },
  setUp({ cacheDir, workDir, answers }) {
    const java = javaProblem(probeJava());
    if (java) return { unavailable: java };
    const installed = installPeer(cacheDir, 'wiremock', version);
    if ('unavailable' in installed) return installed;
    const build = join(installed.dir, 'node_modules', 'wiremock', 'build');
    const jar = readdirSync(build).find((name) => name.endsWith('.jar'));
    if (!jar) return { unavailable: `no jar in ${build}` };
    const root = join(workDir, 'wiremock');
    mkdirSync(join(root, 'mappings'), { recursive: true });
    writeFileSync(join(root, 'mappings', 'gigya.json'), JSON.stringify(wiremockStubs(answers)));
    return {
      spawnAt: (port) => ({
        command: 'java',
        args: ['-jar', join(build, jar), '--port', String(port), '--bind-address', '127.0.0.1', '--root-dir', root, '--no-request-journal', '--disable-request-logging', '--disable-banner'],
      }),
      read: gigyaRead(1),
      submit: gigyaLiteSubmit(),
    };
  },
};
