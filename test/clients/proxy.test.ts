import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGigya, type RunningFakeGigya } from '../../server/embedded.js';
import { runToExit } from '../../server/testing/childProcesses.js';
import { signatureOf } from '../../server/testing/signer.js';

// Unmodified clients reach the fake by configuration alone: HTTPS_PROXY pointing at its HTTP
// port (a CONNECT to accounts.us1.gigya.com:443 ends in the fake), or the host name resolved to
// it, plus trust in its CA. Every connection here goes to 127.0.0.1: the fake never forwards.

const root = resolve(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, 'fixtures');
let fake: RunningFakeGigya;
let dir: string;
let caFile: string;

beforeAll(async () => {
  fake = await startFakeGigya({ https: true });
  dir = mkdtempSync(join(tmpdir(), 'fake-gigya-clients-'));
  caFile = join(dir, 'fake-gigya-ca.pem');
  writeFileSync(caFile, fake.certificateAuthorityPem);
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The environment of a client process: nothing inherited that could send it elsewhere. */
function clientEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { HTTPS_PROXY: _a, https_proxy: _b, HTTP_PROXY: _c, http_proxy: _d, NO_PROXY: _e, no_proxy: _f, NODE_OPTIONS: _g, ...rest } = process.env;
  return {
    ...rest,
    GIGYA_API_KEY: fake.site.apiKey,
    GIGYA_USER_KEY: fake.site.userKey,
    GIGYA_SECRET: fake.site.secret,
    GIGYA_DATA_CENTER: fake.site.dataCenter,
    ...extra,
  };
}

async function accountOf(uid: string) {
  const { accounts } = await fake.admin.accounts(fake.site.apiKey, {});
  return accounts.find((account: { UID: string }) => account.UID === uid);
}

function curl(args: string[]) {
  return runToExit('curl', ['--silent', '--show-error', '--max-time', '10', '--noproxy', '', ...args], { env: clientEnvironment({}) });
}

describe('the npm gigya SDK 3.0.1, unmodified', () => {
  it('goes through HTTPS_PROXY, but trusts only the CA bundle it ships (NODE_EXTRA_CA_CERTS is not read)', async () => {
    const sdk = readFileSync(join(root, 'node_modules/gigya/dist/lib/helpers/default-http-request.js'), 'utf8');
    expect(sdk).toContain("require(\"request\")");
    expect(sdk).toContain("ca: getCertificate()");
    const run = await runToExit('node', [join(fixtures, 'gigyaSdkLiteSubmit.mjs'), 'pinned@example.com'], {
      env: clientEnvironment({ HTTPS_PROXY: fake.proxyUrl, NODE_EXTRA_CA_CERTS: caFile }),
    });
    // The TLS handshake reached the fake (its certificate was the one refused): the proxy was used.
    expect(run.output).toContain('self-signed certificate in certificate chain');
    expect(run.code).toBe(1);
  });

  it('completes initRegistration + setAccountInfo through HTTPS_PROXY once its bundle trusts the CA', async () => {
    // The application's own install, with the fake's CA appended to the SDK's bundle: a file, not code.
    const app = join(dir, 'app');
    mkdirSync(join(app, 'node_modules'), { recursive: true });
    cpSync(join(root, 'node_modules/gigya'), join(app, 'node_modules/gigya'), { recursive: true, dereference: true });
    cpSync(join(fixtures, 'gigyaSdkLiteSubmit.mjs'), join(app, 'index.mjs'));
    const bundle = join(app, 'node_modules/gigya/assets/cacert.pem');
    writeFileSync(bundle, `${readFileSync(bundle, 'utf8')}\n${fake.certificateAuthorityPem}`);
    const run = await runToExit('node', [join(app, 'index.mjs'), 'proxied.sdk@example.com'], {
      cwd: app,
      // The SDK's own dependencies (request, lodash) resolve from the lab's install.
      env: clientEnvironment({ HTTPS_PROXY: fake.proxyUrl, NODE_PATH: join(root, 'node_modules') }),
    });
    expect(run.code, run.output).toBe(0);
    const { UID } = JSON.parse(run.output.trim().split('\n').at(-1)!) as { UID: string };
    expect(await accountOf(UID)).toMatchObject({ UID, profile: { email: 'proxied.sdk@example.com', firstName: 'Proxied' } });
  });
});

describe('the connector, with its default production base URL', () => {
  it('pushes a lite account through HTTPS_PROXY, trusting the CA through NODE_EXTRA_CA_CERTS', async () => {
    const run = await runToExit(join(root, 'node_modules/.bin/tsx'), [join(fixtures, 'connectorLiteSubmit.ts'), 'proxied.connector@example.com'], {
      cwd: root,
      env: clientEnvironment({ HTTPS_PROXY: fake.proxyUrl, NODE_EXTRA_CA_CERTS: caFile }),
    });
    expect(run.code, run.output).toBe(0);
    const { url, UID } = JSON.parse(run.output.trim().split('\n').at(-1)!) as { url: string; UID: string };
    expect(url).toBe('https://accounts.us1.gigya.com/accounts.setAccountInfo');
    expect(await accountOf(UID)).toMatchObject({ UID, profile: { email: 'proxied.connector@example.com' } });
  }, 30_000);
});

describe('curl', () => {
  const port = () => new URL(fake.httpsBaseUrl!).port;

  it('completes a lite registration at https://accounts.us1.gigya.com resolved to the fake, with --cacert', async () => {
    const resolveTo = ['--resolve', `accounts.us1.gigya.com:${port()}:127.0.0.1`, '--cacert', caFile];
    const init = await curl([...resolveTo, `https://accounts.us1.gigya.com:${port()}/accounts.initRegistration`, '-d', `apiKey=${fake.site.apiKey}`, '-d', 'isLite=true']);
    expect(init.code, init.output).toBe(0);
    const { regToken } = JSON.parse(init.output) as { regToken: string };
    const set = await curl([
      ...resolveTo,
      `https://accounts.us1.gigya.com:${port()}/accounts.setAccountInfo`,
      '-d',
      `apiKey=${fake.site.apiKey}`,
      '-d',
      `regToken=${regToken}`,
      '--data-urlencode',
      'profile={"email":"curl@example.com"}',
    ]);
    expect(JSON.parse(set.output)).toMatchObject({ errorCode: 0, UID: expect.any(String) });
  });

  it('refuses the certificate without the CA (verification stays on)', async () => {
    const run = await curl(['--resolve', `accounts.us1.gigya.com:${port()}:127.0.0.1`, `https://accounts.us1.gigya.com:${port()}/accounts.getSchema`]);
    expect(run.code).toBe(60);
  });

  it('goes through the proxy with -x and --cacert', async () => {
    const run = await curl(['-x', fake.proxyUrl, '--cacert', caFile, 'https://accounts.us1.gigya.com/accounts.initRegistration', '-d', `apiKey=${fake.site.apiKey}`, '-d', 'isLite=true']);
    expect(JSON.parse(run.output)).toMatchObject({ errorCode: 0, regToken: expect.any(String) });
  });

  it("gets 301001 with apiDomain and location from another data center's host", async () => {
    const run = await curl(['-x', fake.proxyUrl, '--cacert', caFile, 'https://accounts.eu1.gigya.com/accounts.initRegistration', '-d', `apiKey=${fake.site.apiKey}`, '-d', 'isLite=true']);
    expect(JSON.parse(run.output)).toMatchObject({
      errorCode: 301001,
      errorMessage: 'Invalid data center',
      apiDomain: 'us1.gigya.com',
      location: 'https://accounts.us1.gigya.com/accounts.initRegistration',
    });
  });

  it('is refused a CONNECT to any other host, with a message that says why', async () => {
    const run = await curl(['-x', fake.proxyUrl, '--include', 'https://example.com/']);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/CONNECT tunnel failed, response 403|403/);
  });
});

describe('the proxy port', () => {
  function rawRequest(text: string): Promise<string> {
    const { port } = new URL(fake.proxyUrl);
    return new Promise((done, fail) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write(text));
      let answer = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
      socket.on('end', () => done(answer));
      socket.on('error', fail);
      socket.setTimeout(5_000, () => socket.destroy(new Error(`no answer: ${answer}`)));
    });
  }

  it('refuses a CONNECT to a host that is not a Gigya data center, and closes', async () => {
    for (const target of ['example.com:443', '127.0.0.1:22', 'www.gigya.com:443', 'accounts.us1.gigya.com:22']) {
      const answer = await rawRequest(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`);
      expect(answer, target).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
      expect(answer).toContain('fake-gigya is not a general proxy');
    }
  });

  it("serves an absolute-URL request to a data center's host, and refuses one to any other", async () => {
    const body = `apiKey=${fake.site.apiKey}&isLite=true`;
    const served = await rawRequest(
      `POST http://accounts.us1.gigya.com/accounts.initRegistration HTTP/1.1\r\nHost: accounts.us1.gigya.com\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(served).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(served).toContain('"regToken"');
    const refused = await rawRequest('GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n');
    expect(refused).toMatch(/^HTTP\/1\.1 403 Forbidden/);
  });

  it("verifies signatures over the site's own data-centre URLs only, through the tunnel too", async () => {
    const method = 'accounts.getSchema';
    const sign = (url: string) => {
      const params = { apiKey: fake.site.apiKey, userKey: fake.site.userKey, timestamp: String(Math.floor(Date.now() / 1000)), nonce: `n-${url}-${Math.random()}` };
      return [...Object.entries({ ...params, sig: signatureOf(fake.site.secret, url, params) })].flatMap(([name, value]) => ['--data-urlencode', `${name}=${value}`]);
    };
    const own = await curl(['-x', fake.proxyUrl, '--cacert', caFile, `https://accounts.us1.gigya.com/${method}`, ...sign(`https://accounts.us1.gigya.com/${method}`)]);
    expect(JSON.parse(own.output).errorCode).toBe(0);
    const other = await curl(['-x', fake.proxyUrl, '--cacert', caFile, `https://accounts.us1.gigya.com/${method}`, ...sign(`https://accounts.eu1.gigya.com/${method}`)]);
    expect(JSON.parse(other.output).errorCode).toBe(403003);
  });
});

describe('the CA', () => {
  it('is served at /__admin/ca.pem without a token', async () => {
    const response = await fetch(`${fake.baseUrl}/__admin/ca.pem`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-pem-file');
    expect(await response.text()).toBe(fake.certificateAuthorityPem);
  });
});

describe('startFakeGigya({ dataCenter })', () => {
  it("serves its site on that data center's hosts only, China's on its own domain", async () => {
    const china = await startFakeGigya({ dataCenter: 'cn1' });
    try {
      const chinaCa = join(dir, 'china-ca.pem');
      writeFileSync(chinaCa, china.certificateAuthorityPem);
      const call = (host: string) =>
        runToExit('curl', ['--silent', '--max-time', '10', '-x', china.proxyUrl, '--cacert', chinaCa, `https://${host}/accounts.initRegistration`, '-d', `apiKey=${china.site.apiKey}`, '-d', 'isLite=true'], {
          env: clientEnvironment({}),
        });
      expect(china.site.dataCenter).toBe('cn1');
      expect(JSON.parse((await call('accounts.cn1.sapcdm.cn')).output)).toMatchObject({ errorCode: 0 });
      expect(JSON.parse((await call('accounts.us1.gigya.com')).output)).toMatchObject({ errorCode: 301001, apiDomain: 'cn1.sapcdm.cn' });
    } finally {
      await china.close();
    }
  });
});
