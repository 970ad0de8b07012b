// The floor of this design: what a getAccountInfo costs with nothing but node:http, a
// URLSearchParams body, one better-sqlite3 read of the account row and a journal line committed
// in batches (WAL, synchronous=NORMAL) — no Hono, no dispatch layers, no redaction or history.
// bench/run.ts measures it beside the ceiling and the fake, so the gap between the fake and
// what its stack allows is a measured figure rather than a guess.
//
//   node bench/targets/floor.mjs <port> <accounts.db (read)> <journal.db (written)> <secret>
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';

const [port, accountsFile, journalFile, secret] = [Number(process.argv[2]), process.argv[3], process.argv[4], process.argv[5]];
const accounts = new Database(accountsFile);
const read = accounts.prepare('SELECT uid, profile, data, created_ms, last_updated_ms FROM accounts WHERE site = ? AND uid = ?').raw(true);
const journal = new Database(journalFile);
journal.pragma('journal_mode = WAL');
journal.pragma('synchronous = NORMAL');
journal.exec(
  'CREATE TABLE IF NOT EXISTS journal (id INTEGER PRIMARY KEY, call_id TEXT, site TEXT, at_ms INTEGER, method TEXT, params TEXT, error_code INTEGER)',
);
const insert = journal.prepare('INSERT INTO journal (call_id, site, at_ms, method, params, error_code) VALUES (?, ?, ?, ?, ?, ?)');
let lines = [];
const commit = journal.transaction((batch) => {
  for (const line of batch) insert.run(...line);
});
function append(line) {
  if (lines.length === 0) {
    setImmediate(() => {
      const batch = lines;
      lines = [];
      commit(batch);
    });
  }
  lines.push(line);
}

http
  .createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const params = new URLSearchParams(Buffer.concat(chunks).toString());
      const row = params.get('secret') === secret ? read.get(params.get('apiKey'), params.get('UID')) : undefined;
      const now = new Date();
      const base = { callId: randomBytes(16).toString('hex'), apiVersion: 2, time: now.toISOString() };
      const body = row
        ? { ...base, errorCode: 0, statusCode: 200, statusReason: 'OK', UID: row[0], profile: JSON.parse(row[1]), data: JSON.parse(row[2]), created: new Date(row[3]).toISOString(), createdTimestamp: row[3], lastUpdated: new Date(row[4]).toISOString(), lastUpdatedTimestamp: row[4] }
        : { ...base, errorCode: 403005, statusCode: 403, statusReason: 'Forbidden' };
      params.delete('secret');
      append([base.callId, params.get('apiKey'), now.getTime(), 'accounts.getAccountInfo', JSON.stringify(Object.fromEntries(params)), body.errorCode]);
      const json = JSON.stringify(body);
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
      response.end(json);
    });
  })
  .listen(port, '127.0.0.1');
