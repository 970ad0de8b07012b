import { openStore } from '../../server/store/index.js';
import type { FakeGigyaProcess } from './fakeGigyaProcess.js';

// Where a leaked secret would show: the journal (through the admin API and in the SQLite
// table itself), the process's stdout and stderr, and every answer a client received.

export interface Haystack {
  where: string;
  text: string;
}

export async function haystacksOf(fake: FakeGigyaProcess, dbFile: string, answers: readonly string[]): Promise<Haystack[]> {
  const pages: string[] = [];
  for (let offset = 0; offset < 1_000_000; offset += 1_000) {
    const page = await fake.admin.journal({ limit: 1_000, offset });
    pages.push(JSON.stringify(page.entries));
    if (page.entries.length < 1_000) break;
  }
  const store = openStore({ file: dbFile });
  let table: string;
  try {
    table = store.dump(['journal']);
  } finally {
    store.close();
  }
  return [
    { where: 'GET /__admin/journal', text: pages.join('\n') },
    { where: 'the SQLite journal table', text: table },
    { where: 'stdout and stderr', text: fake.output },
    { where: 'the answers received', text: answers.join('\n') },
  ];
}

/** Every (secret, place) pair where a literal value shows up; `secrets` maps a label to the value. */
export function leaksOf(haystacks: readonly Haystack[], secrets: ReadonlyMap<string, string>): string[] {
  const leaks: string[] = [];
  for (const [label, value] of secrets) {
    for (const { where, text } of haystacks) if (text.includes(value)) leaks.push(`${label} in ${where}`);
  }
  return leaks;
}
