/** The body went past the limit: reading stopped there, the rest is never buffered. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`Request body exceeds ${limit} bytes`);
  }
}

/** The client went away (or the server's request timeout closed the socket) before the body ended. */
export class BodyAborted extends Error {}

/**
 * Reads a request body of at most `limit` bytes, counting while it reads, whatever the
 * framing. A Content-Length body is bounded by its header (the HTTP parser refuses more bytes
 * than declared), so a declared size over the limit is refused before a byte is read, and one
 * under it is read in one go. A chunked body has no declared size: it is read chunk by chunk
 * and reading stops at the first byte past the limit, so a 64 MiB upload costs 1 MiB of memory.
 * The unread rest is left to the HTTP server, which discards it for a bounded time after the
 * answer and then closes the connection (@hono/node-server's drain). `header` reads a request
 * header by its lower-case name (the dispatcher passes Node's own header object).
 */
export async function readBody(
  request: Request,
  limit: number,
  header: (name: string) => string | undefined = (name) => request.headers.get(name) ?? undefined,
): Promise<Uint8Array> {
  const declared = header('content-length');
  const chunked = header('transfer-encoding') !== undefined;
  if (declared !== undefined && !chunked) {
    if (Number(declared) > limit) throw new BodyTooLarge(limit);
    const bytes = new Uint8Array(await whole(request));
    // In-process callers (app.request) can declare one length and send another.
    if (bytes.byteLength > limit) throw new BodyTooLarge(limit);
    return bytes;
  }
  if (request.body === null) return new Uint8Array(0);
  return counted(request.body, limit);
}

async function whole(request: Request): Promise<ArrayBuffer> {
  try {
    return await request.arrayBuffer();
  } catch {
    throw new BodyAborted('The request body ended before its declared length');
  }
}

async function counted(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await reader.read();
      } catch {
        throw new BodyAborted('The request body ended before its last chunk');
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limit) throw new BodyTooLarge(limit);
      chunks.push(next.value);
    }
  } finally {
    // Released, not cancelled: cancelling would destroy the socket before the answer is written.
    reader.releaseLock();
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
