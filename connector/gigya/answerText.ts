/** Far above any accounts answer the connector asks for (one email's accounts); more is not Gigya talking. */
export const maxAnswerBytes = 1024 * 1024;

/** A response body as text, read no further than `maxBytes`: null when it is longer (the rest is never read). */
export async function answerText(response: Response, maxBytes = maxAnswerBytes): Promise<string | null> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
