import type { FC } from 'hono/jsx';
import type { HistoryEntry } from '../store/history.js';
import { changeKind } from './changeKind.js';
import { Time, Value } from './display.js';

/** Every write of an account, oldest first, each with its field diff; overwrites stand out. */
export const HistoryTimeline: FC<{ history: HistoryEntry[] }> = ({ history }) => (
  <section aria-labelledby="history-title">
    <h2 id="history-title">History ({history.length} writes)</h2>
    {history.length === 0 && <p class="muted">No write recorded.</p>}
    <ol class="timeline">
      {history.map((entry) => (
        <li>
          <HistoryWrite entry={entry} />
        </li>
      ))}
    </ol>
  </section>
);

const HistoryWrite: FC<{ entry: HistoryEntry }> = ({ entry }) => {
  const kinds = entry.changes.map(changeKind);
  const overwritten = kinds.filter((kind) => kind === 'overwritten').length;
  const filled = kinds.filter((kind) => kind === 'filled').length;
  return (
    <article class={overwritten > 0 ? 'write has-overwrite' : 'write'} id={`write-${entry.id}`}>
      <h3>
        <code>{entry.method}</code>
        <Time ms={entry.atMs} />
        <span>
          application key: {entry.userKey === null ? <span class="muted">none</span> : <code>{entry.userKey}</code>}
        </span>
        {overwritten > 0 && <span class="badge overwritten">{`overwrote ${overwritten} field${overwritten === 1 ? '' : 's'}`}</span>}
        {filled > 0 && <span class="badge filled">{`filled ${filled} blank${filled === 1 ? '' : 's'}`}</span>}
      </h3>
      {entry.changes.length === 0 ? (
        <p class="muted">No field changed.</p>
      ) : (
        <table class="diff">
          <caption class="muted">Fields changed by this {entry.method} call</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {entry.changes.map((change, index) => {
              const kind = kinds[index]!;
              return (
                <tr class={kind} data-field={change.field}>
                  <th scope="row">
                    <code>{change.field}</code>
                  </th>
                  <td class="before">
                    <Value value={change.before} />
                  </td>
                  <td class="after">
                    <Value value={change.after} />
                  </td>
                  <td class="change">{kind === 'overwritten' ? '⚠ overwritten' : kind}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </article>
  );
};
