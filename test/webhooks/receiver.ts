import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One event of a notification, as a receiver reads it (1.0 events carry type, id, timestamp and data.uid only). */
export interface ReceivedEvent {
  type: string;
  id: string;
  timestamp: number;
  callId?: string;
  version?: string;
  apiKey?: string;
  data: { uid: string; accountType?: 'full' | 'lite' };
}

/** One notification as the receiver saw it: the raw bytes, never re-serialised. */
export interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  body: { events: ReceivedEvent[]; nonce: string; timestamp: number };
}

/**
 * A loopback webhook receiver for tests: records every POST and answers with the status the
 * test scripts (200 once the script runs out). Bodies are read up to 1 MiB.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  private script: number[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(path = '/gigya/webhooks'): Promise<WebhookReceiver> {
    // eslint-disable-next-line prefer-const -- assigned once listening; the handler runs only after that
    let receiver: WebhookReceiver;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      request.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= 1 << 20) chunks.push(chunk);
      });
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        receiver.received.push({ headers: request.headers, raw, body: JSON.parse(raw) as Received['body'] });
        const status = receiver.script.shift() ?? 200;
        response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}${path}`);
    return receiver;
  }

  /** The statuses of the next answers, in order. */
  answer(...statuses: number[]): void {
    this.script.push(...statuses);
  }

  /** Resolves once `count` notifications have arrived; rejects after `timeoutMs` (a bounded wait for a started deliverer). */
  async until(count: number, timeoutMs = 10_000): Promise<Received[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`received ${this.received.length} of ${count} notifications within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.received;
  }

  /** Every event received, in arrival order. */
  events(): ReceivedEvent[] {
    return this.received.flatMap((notification) => notification.body.events);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
