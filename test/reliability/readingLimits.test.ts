import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGigya, type RunningFakeGigya } from '../../server/embedded.js';
import { drainedOrClosed } from './sockets.js';

// Reading limits against a listening fake, over raw sockets: past 1 MiB the fake stops reading
// and answers, whatever the framing, and a body that stalls is answered or closed in bounded time.

const stallTimeoutMs = 600;
let gigya: RunningFakeGigya;
beforeAll(async () => {
  gigya = await startFakeGigya({ requestTimeoutMs: stallTimeoutMs });
});
afterAll(() => gigya.close());

interface Exchange {
  /** Everything the fake sent back. */
  answer: string;
  /** Body bytes written when the first byte of the answer arrived (or the socket closed). */
  sentWhenAnswered: number;
  /** Whether the socket was closed (by either side) before the sender had written everything. */
  closedEarly: boolean;
}

/**
 * Writes `head`, then up to `total` body bytes in 64 KiB chunked-encoding chunks, waiting for
 * the socket to drain, and stops as soon as an answer arrives or the socket closes.
 */
function sendChunked(head: string, total: number, chunk: (index: number) => Buffer): Promise<Exchange> {
  const { port } = new URL(gigya.baseUrl);
  return new Promise((resolve) => {
    const socket: Socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    let sent = 0;
    let sentWhenAnswered = -1;
    let finished = false;
    const finish = (closedEarly: boolean) => {
      if (finished) return;
      finished = true;
      socket.destroy();
      resolve({ answer, sentWhenAnswered: sentWhenAnswered < 0 ? sent : sentWhenAnswered, closedEarly });
    };
    socket.on('data', (data: Buffer) => {
      if (sentWhenAnswered < 0) sentWhenAnswered = sent;
      answer += data.toString('latin1');
      // A whole answer (headers and a Content-Length body) is enough.
      const end = answer.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: (\d+)\r\n/i.exec(`${answer.slice(0, end)}\r\n`);
      if (end >= 0 && length && answer.length - end - 4 >= Number(length[1])) finish(sent < total);
    });
    socket.on('error', () => finish(sent < total));
    socket.on('close', () => finish(sent < total));
    socket.on('connect', async () => {
      socket.write(head);
      // Bounded: at most `total` bytes, in at most total / 64 KiB writes.
      for (let index = 0; sent < total && !finished && sentWhenAnswered < 0; index++) {
        const data = chunk(index);
        const framed = Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]);
        sent += data.length;
        if (!socket.write(framed)) await drainedOrClosed(socket);
      }
      if (!finished && sent >= total) socket.write('0\r\n\r\n');
    });
  });
}

/** Sends the start of a request and then nothing: what the fake answers, and whether it closed the socket. */
function stall(start: string): Promise<{ answer: string; closed: boolean }> {
  const { port } = new URL(gigya.baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(start));
    let answer = '';
    socket.on('data', (data: Buffer) => (answer += data.toString('latin1')));
    socket.on('close', () => resolve({ answer, closed: true }));
    socket.on('error', () => undefined);
    // The test's own bound: far past the fake's timeout and its connection check interval.
    setTimeout(() => {
      socket.destroy();
      resolve({ answer, closed: false });
    }, stallTimeoutMs + 10_000).unref();
  });
}

const chunkBytes = 64 * 1024;
const filler = Buffer.alloc(chunkBytes, 'a');

describe('reading limits', () => {
  it('answers a 64 MiB chunked body with 400001/413 long before the client has sent it all', async () => {
    const total = 64 * 1024 * 1024;
    const head = `POST /accounts.getSchema HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const exchange = await sendChunked(head, total, () => filler);
    expect(exchange.answer).toContain('"errorCode":400001');
    expect(exchange.answer).toContain('"statusCode":413');
    expect(exchange.answer).toContain('Request body exceeds 1048576 bytes');
    // The fake read a little past 1 MiB, plus what sat in socket buffers: nowhere near 64 MiB.
    expect(exchange.sentWhenAnswered).toBeLessThan(16 * 1024 * 1024);
    expect(exchange.closedEarly).toBe(true);
  });

  it('refuses a 2 MiB chunked multipart body with 400001/413', async () => {
    const boundary = 'lab-boundary';
    const total = 2 * 1024 * 1024;
    const head = `POST /accounts.getSchema HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const opening = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="apiKey"\r\n\r\n${gigya.site.apiKey}\r\n--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n`);
    const exchange = await sendChunked(head, total, (index) => (index === 0 ? Buffer.concat([opening, filler.subarray(opening.length)]) : filler));
    expect(exchange.answer).toContain('"errorCode":400001');
    expect(exchange.answer).toContain('"statusCode":413');
  });

  it('answers a chunked admin JSON body over 1 MiB with 413 before the client has sent it all', async () => {
    const head = `POST /__admin/seed HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const exchange = await sendChunked(head, 8 * 1024 * 1024, (index) => (index === 0 ? Buffer.from(`{"sites":[{"name":"${'x'.repeat(chunkBytes - 20)}`) : filler));
    expect(exchange.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(exchange.answer).toContain('The request body exceeds 1048576 bytes');
    expect(exchange.sentWhenAnswered).toBeLessThan(8 * 1024 * 1024);
  });

  it('still reads a chunked multipart body under the limit', async () => {
    const boundary = 'lab-boundary';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="apiKey"\r\n\r\n${gigya.site.apiKey}\r\n--${boundary}--\r\n`;
    const head = `POST /accounts.getSchema HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const exchange = await sendChunked(head, body.length, () => Buffer.from(body));
    expect(exchange.answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(exchange.answer).toContain('"errorCode":0');
  });

  it('refuses a declared Content-Length over 1 MiB before reading the body', async () => {
    const { port } = new URL(gigya.baseUrl);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(`POST /accounts.getSchema HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${64 * 1024 * 1024}\r\n\r\n`);
      });
      let text = '';
      socket.on('data', (data: Buffer) => {
        text += data.toString('latin1');
        if (text.includes('}')) {
          socket.destroy();
          resolve(text);
        }
      });
      socket.on('close', () => resolve(text));
    });
    expect(answer).toContain('"errorCode":400001');
    expect(answer).toContain('"statusCode":413');
  });

  it('answers 408 and closes a request whose body stalls, within its request timeout', async () => {
    // 100 bytes promised, 10 sent, then nothing.
    const outcome = await stall(`POST /accounts.getSchema HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\napiKey=3_x`);
    expect(outcome.closed).toBe(true);
    expect(outcome.answer).toMatch(/^HTTP\/1\.1 408 /);
  }, 20_000);

  it('answers 408 and closes a chunked body that stalls', async () => {
    const outcome = await stall(`POST /accounts.getSchema HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\na\r\napiKey=3_x\r\n`);
    expect(outcome.closed).toBe(true);
    expect(outcome.answer).toMatch(/^HTTP\/1\.1 408 /);
  }, 20_000);

  it('keeps answering after all of the above', async () => {
    const response = await fetch(`${gigya.baseUrl}/accounts.getSchema`, { method: 'POST', body: new URLSearchParams({ apiKey: gigya.site.apiKey }) });
    expect(((await response.json()) as { errorCode: number }).errorCode).toBe(0);
  });
});
