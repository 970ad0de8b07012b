// Mockoon CLI serving the fake's three answers as static routes (templating off: a stub, not a
// template). Its data file is built with the schema builders of the installed @mockoon/commons,
// so it matches the CLI's own version.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gigyaLiteSubmit, gigyaRead } from '../workloads.js';
import { installPeer } from './cache.js';
import type { FakeAnswers, Peer } from './peer.js';
import { nodeProblem } from './runtime.js';

const version = '9.9.0';

interface MockoonCommons {
  BuildEnvironment(params: { hasDefaultRoute: boolean; hasDefaultHeader: boolean; port?: number; hostname?: string }): Record<string, unknown>;
  BuildHTTPRoute(hasDefaultRouteResponse: boolean, options: { endpoint: string }): { uuid: string; method: string; responses: unknown[] } & Record<string, unknown>;
  BuildRouteResponse(): Record<string, unknown>;
}

function environment(commons: MockoonCommons, answers: FakeAnswers) {
  const route = (endpoint: string, body: string) => {
    const built = commons.BuildHTTPRoute(false, { endpoint });
    built.method = 'post';
    built.responses = [
      { ...commons.BuildRouteResponse(), body, default: true, disableTemplating: true, headers: [{ key: 'Content-Type', value: 'application/json; charset=utf-8' }] },
    ];
    return built;
  };
  const routes = [
    route('accounts.getAccountInfo', answers.getAccountInfo),
    route('accounts.initRegistration', answers.initRegistration),
    route('accounts.setAccountInfo', answers.setAccountInfo),
  ];
  return {
    ...commons.BuildEnvironment({ hasDefaultRoute: false, hasDefaultHeader: false }),
    name: 'fake Gigya answers',
    cors: false,
    routes,
    rootChildren: routes.map((built) => ({ type: 'route', uuid: built.uuid })),
  };
}

export const mockoon: Peer = {
  name: `Mockoon CLI ${version}`,
  what: {
    read: 'static route answering the fake\'s getAccountInfo answer',
    submit: 'static routes for initRegistration + setAccountInfo, the same request pair',
  },
  setUp({ cacheDir, workDir, answers }) {
    const node = nodeProblem(18, process.version);
    if (node) return { unavailable: node };
    const installed = installPeer(cacheDir, '@mockoon/cli', version);
    if ('unavailable' in installed) return installed;
    const cli = join(installed.dir, 'node_modules', '@mockoon', 'cli');
    const commons = createRequire(join(cli, 'package.json'))('@mockoon/commons') as MockoonCommons;
    const dir = join(workDir, 'mockoon');
    mkdirSync(dir, { recursive: true });
    const data = join(dir, 'gigya.json');
    writeFileSync(data, JSON.stringify(environment(commons, answers)));
    return {
      spawnAt: (port) => ({
        command: process.execPath,
        args: [join(cli, 'bin', 'run.js'), 'start', '--data', data, '--port', String(port), '--hostname', '127.0.0.1', '--disable-log-to-file', '--disable-admin-api'],
      }),
      read: gigyaRead(1),
      submit: gigyaLiteSubmit(),
    };
  },
};
