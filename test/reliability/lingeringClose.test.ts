import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGigya, type RunningFakeGigya } from '../../server/embedded.js';
import { lingerMs } from '../../server/network/lingeringClose.js';
import { drainedOrClosed } from './sockets.js';

// A client that sends a whole oversized body before it reads (most HTTP clients) must get the
// fake's 400001/413 answer, not a reset: the fake reads and drops the rest of the body, for a
// bounded time, before it closes the connection.

let gigya: RunningFakeGigya;
beforeAll(async () => {
  gigya = await startFakeGigya({ https: true });
});
afterAll(() => gigya.close());

const oversized = Buffer.alloc(8 * 1024 * 1024, 'a');


/** One POST of the whole body with Node's own client: the answer's text, and every error the client saw. */
function post(url: string, body: Buffer): Promise<{ answer: string; errors: string[] }> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const errors: string[] = [];
    let answer = '';
    let answered = false;
    const request = send(
      url,
      { method: 'POST', ca: gigya.certificateAuthorityPem, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': body.length } },
      (response) => {
        response.setEncoding('utf8');
        response.on('data', (text: string) => (answer += text));
        response.on('end', () => {
          answered = true;
          // Give a late reset the time to show up as an error on the request.
          setTimeout(() => resolve({ answer, errors }), 50);
        });
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      errors.push(error.code ?? error.message);
      if (!answered) resolve({ answer, errors });
    });
    request.end(body);
  });
}

describe('closing after a refused body', () => {
  for (const scheme of ['http', 'https'] as const) {
    it(`lets a ${scheme} client that sends 8 MiB before reading get 400001, with no EPIPE or reset`, async () => {
      const base = scheme === 'http' ? gigya.baseUrl : gigya.httpsBaseUrl!;
      for (let attempt = 0; attempt < 10; attempt++) {
        const outcome = await post(`${base}/accounts.setAccountInfo?apiKey=${gigya.site.apiKey}`, oversized);
        expect(outcome.errors).toEqual([]);
        expect(outcome.answer).toContain('"errorCode":400001');
      }
    });
  }

  it('closes within its bound a connection that promised a large body and then sends nothing', async () => {
    const { port } = new URL(gigya.baseUrl);
    const started = Date.now();
    const outcome = await new Promise<{ answer: string; closed: boolean }>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(`POST /accounts.getSchema HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${64 * 1024 * 1024}\r\n\r\n`);
        socket.write(Buffer.alloc(2 * 1024 * 1024, 'a'));
      });
      let answer = '';
      socket.on('data', (data: Buffer) => (answer += data.toString('latin1')));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve({ answer, closed: true }));
      setTimeout(() => {
        socket.destroy();
        resolve({ answer, closed: false });
      }, lingerMs + 5000).unref();
    });
    expect(outcome.answer).toContain('"errorCode":400001');
    expect(outcome.closed).toBe(true);
    expect(Date.now() - started).toBeLessThan(lingerMs + 4000);
  }, 15_000);

  it('closes in bounded time on a client that goes on sending', async () => {
    const { port } = new URL(gigya.baseUrl);
    const chunk = Buffer.alloc(256 * 1024, 'a');
    const started = Date.now();
    const outcome = await new Promise<{ answer: string; closedByFake: boolean }>((resolve) => {
      let answer = '';
      let closed = false;
      let written = 0;
      const socket = connect(Number(port), '127.0.0.1', async () => {
        socket.write(`POST /accounts.getSchema HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${64 * 1024 * 1024 * 1024}\r\n\r\n`);
        // Bounded: at most 4 GiB or 10 s, far past the fake's bounds.
        while (!closed && written < 4 * 1024 * 1024 * 1024 && Date.now() - started < 10_000) {
          written += chunk.length;
          if (!socket.write(chunk)) await drainedOrClosed(socket);
        }
        socket.destroy();
        resolve({ answer, closedByFake: closed });
      });
      socket.on('data', (data: Buffer) => (answer += data.toString('latin1')));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        closed = true;
        resolve({ answer, closedByFake: true });
      });
    });
    expect(outcome.answer).toContain('"errorCode":400001');
    expect(outcome.closedByFake).toBe(true);
    expect(Date.now() - started).toBeLessThan(lingerMs + 4000);
  }, 20_000);

  it('keeps answering after all of the above', async () => {
    const response = await fetch(`${gigya.baseUrl}/accounts.getSchema`, { method: 'POST', body: new URLSearchParams({ apiKey: gigya.site.apiKey }) });
    expect(((await response.json()) as { errorCode: number }).errorCode).toBe(0);
  });
});
