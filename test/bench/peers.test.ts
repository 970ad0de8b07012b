import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFolderOf, installPeer, peersCacheDir } from '../../bench/peers/cache.js';
import { javaProblem, nodeProblem, unavailableLine } from '../../bench/peers/runtime.js';
import { wiremockStubs } from '../../bench/peers/wiremock.js';

// The peers' pure parts only: no network, no peer installed or started.

const scratch = mkdtempSync(join(tmpdir(), 'bench-peers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a peer that cannot run', () => {
  it('is one line naming it and saying why', () => {
    expect(unavailableLine('WireMock 3.13.2', 'no Java runtime')).toBe('WireMock 3.13.2: not measured — no Java runtime');
  });

  it('says how to install Java when `java` is not on PATH', () => {
    expect(javaProblem({ errorCode: 'ENOENT', status: null, output: '' })).toBe(
      'no Java runtime (`java` is not on PATH); on Debian: apt-get install -y openjdk-17-jre-headless',
    );
  });

  it('refuses a Java older than 11, in either version style', () => {
    expect(javaProblem({ status: 0, output: 'java version "1.8.0_392"\nJava(TM) SE Runtime Environment' })).toMatch(/^Java 8 found, WireMock 3 needs Java 11 or later/);
    expect(javaProblem({ status: 0, output: 'openjdk version "17.0.15" 2025-04-15' })).toBeUndefined();
    expect(javaProblem({ status: 0, output: 'openjdk version "21" 2023-09-19' })).toBeUndefined();
  });

  it('says when `java -version` fails or cannot be read', () => {
    expect(javaProblem({ status: 1, output: '' })).toMatch(/^`java -version` failed \(exit 1\)/);
    expect(javaProblem({ status: 0, output: 'something else' })).toMatch(/^cannot read the Java version/);
  });

  it('names a Node too old for the peer', () => {
    expect(nodeProblem(18, 'v16.20.0')).toBe('Node v16.20.0 is older than the 18 it needs');
    expect(nodeProblem(18, 'v20.20.2')).toBeUndefined();
  });
});

describe('the peers cache', () => {
  it('lives in BENCH_PEERS_CACHE, else under ~/.cache, one folder per package', () => {
    expect(peersCacheDir({ BENCH_PEERS_CACHE: '/tmp/peers' })).toBe('/tmp/peers');
    expect(peersCacheDir({ HOME: '/home/ann' })).toMatch(/\.cache\/gigya-lab-peers$/);
    expect(cacheFolderOf('@mockoon/cli')).toBe('mockoon-cli');
    expect(cacheFolderOf('json-server')).toBe('json-server');
  });

  it('uses a package already installed at that version without running npm', () => {
    const manifest = join(scratch, 'json-server', 'node_modules', 'json-server');
    mkdirSync(manifest, { recursive: true });
    writeFileSync(join(manifest, 'package.json'), JSON.stringify({ name: 'json-server', version: '0.17.4' }));
    expect(installPeer(scratch, 'json-server', '0.17.4')).toEqual({ dir: join(scratch, 'json-server') });
  });
});

describe('the WireMock stubs', () => {
  it('answer each Gigya path with what the fake answered, verbatim', () => {
    const answers = { uid: 'u1', getAccountInfo: '{"UID":"u1","errorCode":0}', initRegistration: '{"regToken":"RT1_x","errorCode":0}', setAccountInfo: '{"errorCode":0}' };
    const { mappings } = wiremockStubs(answers);
    expect(mappings.map((mapping) => [mapping.request.method, mapping.request.url, mapping.response.status, mapping.response.body])).toEqual([
      ['POST', '/accounts.getAccountInfo', 200, answers.getAccountInfo],
      ['POST', '/accounts.initRegistration', 200, answers.initRegistration],
      ['POST', '/accounts.setAccountInfo', 200, answers.setAccountInfo],
    ]);
  });
});
