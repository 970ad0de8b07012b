import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AdminClient } from '../../server/admin/client.js';
import { listeningUrl } from '../../server/testing/childProcesses.js';

// The real fake Gigya as a child process (server/main.ts, as `npm start` runs it), on a SQLite
// file of its own, with stdout and stderr captured so a test can read every line it logged.

const repositoryRoot = resolve(import.meta.dirname, '../..');

export interface DemoCredentials {
  apiKey: string;
  userKey: string;
  secret: string;
}

/** Fixed through FAKE_GIGYA_*: the fake then never prints the secret. Random per run, so a leak search is meaningful. */
export function demoCredentials(): DemoCredentials {
  const tag = randomBytes(4).toString('hex');
  return { apiKey: `3_reliability-${tag}`, userKey: `ARELIABILITY${tag}`, secret: randomBytes(24).toString('base64') };
}

export function temporaryDatabase(prefix: string): string {
  return join(mkdtempSync(join(tmpdir(), `${prefix}-`)), 'fake-gigya.db');
}

export class FakeGigyaProcess {
  readonly admin: AdminClient;
  private exited: Promise<void>;

  private constructor(
    readonly child: ChildProcess,
    readonly baseUrl: string,
    private readonly logs: { text: string },
  ) {
    this.admin = new AdminClient(`${baseUrl}/__admin`);
    this.exited = child.exitCode !== null ? Promise.resolve() : new Promise((done) => child.once('exit', () => done()));
  }

  /** Starts the fake on `db` and waits (at most 30 s) for its "listening on" line. */
  static async start(db: string, demo: DemoCredentials, logs = { text: '' }): Promise<FakeGigyaProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--host', '127.0.0.1', '--port', '0', '--db', db], {
      cwd: repositoryRoot,
      env: { ...process.env, FAKE_GIGYA_API_KEY: demo.apiKey, FAKE_GIGYA_USER_KEY: demo.userKey, FAKE_GIGYA_SECRET: demo.secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const from = logs.text.length;
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (logs.text += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (logs.text += chunk));
    let baseUrl: string;
    try {
      baseUrl = await listeningUrl(child, logs, 30_000, from);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
    return new FakeGigyaProcess(child, baseUrl, logs);
  }

  /** Everything the process wrote on stdout and stderr so far. */
  get output(): string {
    return this.logs.text;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** kill -9: no shutdown handler runs, nothing queued is flushed. */
  async kill9(): Promise<void> {
    if (this.alive) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, then SIGKILL after 5 s. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    this.child.kill('SIGTERM');
    await this.exited;
    clearTimeout(timer);
  }
}

export interface GigyaAnswer {
  status: number;
  contentType: string;
  text: string;
}

/**
 * POSTs form params to a Gigya method of the running fake, over node:http so a test can also
 * send the Host header a proxy or a hosts-file entry would (fetch forbids setting it).
 */
export function postForm(baseUrl: string, method: string, params: Record<string, string>, headers: Record<string, string> = {}): Promise<GigyaAnswer> {
  const { hostname, port } = new URL(baseUrl);
  const body = Buffer.from(new URLSearchParams(params).toString());
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: hostname,
        port,
        method: 'POST',
        path: `/${method}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length), ...headers },
        timeout: 15_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('no answer within 15 s')));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** The same call, read back as JSON (a Gigya envelope). */
export async function callGigya(baseUrl: string, method: string, params: Record<string, string>, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  return JSON.parse((await postForm(baseUrl, method, params, headers)).text) as Record<string, unknown>;
}
