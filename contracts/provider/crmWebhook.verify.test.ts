// The CRM's message contract: the committed pact checked against what the consumer test generates
// (drift), then verified against notifications the fake really sends (MessageProviderPact, V3).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleGeneratedCrmPact, checkPactDrift, committedCrmPactFile } from '../pactFiles.js';
import { verifyCrmPacts } from './verification.js';

describe('the committed CRM message pact', () => {
  it('is the one the consumer test generates', () => {
    const outcome = checkPactDrift(committedCrmPactFile, assembleGeneratedCrmPact);
    if (outcome.kind === 'drifted') {
      expect(outcome.committed, `contract drift: ${outcome.file} is not the pact the consumer test generates; if the change is intended, run \`npm run pact:update\` and commit contracts/pacts`).toBe(outcome.generated);
    }
    expect(outcome).toEqual({ kind: 'unchanged' });
  });
});

describe("gigya-accounts' webhook notifications against crm-webhook-receiver", () => {
  it('sends every message the CRM relies on, produced by a real write, the deliverer and the signer', async () => {
    const run = await verifyCrmPacts({ pactUrls: [committedCrmPactFile] });
    expect(run.error).toBeUndefined();
    expect(run.passed).toBe(true);
    const messages = (JSON.parse(readFileSync(committedCrmPactFile, 'utf8')) as { messages: unknown[] }).messages.length;
    expect(run.output.match(/has a matching body \(OK\)/g)).toHaveLength(messages);
    expect(run.output).not.toMatch(/FAILED|pact failures/);
  });

  it('fails a pact that expects what the fake does not send (a UID of another shape, an email in data)', async () => {
    interface Message {
      matchingRules: { body: Record<string, { matchers: Array<{ regex?: string }> }> };
      contents: { events: Array<{ data: Record<string, string> }> };
    }
    const pact = JSON.parse(readFileSync(committedCrmPactFile, 'utf8')) as { messages: Message[] };
    const [message] = pact.messages;
    message!.matchingRules.body['$.events[*].data.uid']!.matchers[0]!.regex = '^UID_[0-9]+$';
    message!.contents.events[0]!.data.email = 'john.doe@example.com';
    const file = join(mkdtempSync(join(tmpdir(), 'crm-pact-')), 'wrong.json');
    writeFileSync(file, JSON.stringify({ ...pact, messages: [message] }));
    const run = await verifyCrmPacts({ pactUrls: [file] });
    expect(run.passed).toBe(false);
    expect(run.output).toMatch(/There were \d+ pact failures/);
    expect(run.output).toContain('$.events[0].data.uid');
    expect(run.output).toContain('$.events[0].data -> Actual map is missing the following keys: email');
  });
});
