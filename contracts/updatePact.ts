// `npm run pact:update` (after the consumer tests): the consumer tests' pact becomes the committed
// one. The only way contracts/pacts changes: `npm test` compares, never writes.
import { relative } from 'node:path';
import { assembleGeneratedCrmPact, assembleGeneratedPact, committedCrmPactFile, committedPactFile, updateCommittedPact } from './pactFiles.js';

for (const [committed, assemble] of [
  [committedPactFile, assembleGeneratedPact],
  [committedCrmPactFile, assembleGeneratedCrmPact],
] as const) {
  const file = relative(process.cwd(), committed);
  if (updateCommittedPact(committed, assemble)) {
    console.log(`${file}: rewritten from the consumer tests' pact; review it with \`git diff contracts/pacts\` and commit it with the change that caused it`);
  } else {
    console.log(`${file}: already the consumer tests' pact, unchanged`);
  }
}
