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

/** A write that brought the account into being or removed it: its kind goes from nothing or to nothing. */
function lifecycleOf(entry: HistoryEntry): 'created' | 'deleted' | null {
  const kind = entry.changes.find((change) => change.field === 'kind');
  if (kind === undefined) return null;
  if (kind.before === null || kind.before === undefined) return 'created';
  return kind.after === null || kind.after === undefined ? 'deleted' : null;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

const HistoryWrite: FC<{ entry: HistoryEntry }> = ({ entry }) => {
  const kinds = entry.changes.map(changeKind);
  const overwritten = kinds.filter((kind) => kind === 'overwritten').length;
  const filled = kinds.filter((kind) => kind === 'filled').length;
  // On the write that creates the account every field is new: "filled N blanks" would count only some of its rows.
  const lifecycle = lifecycleOf(entry);
  return (
    <article class={overwritten > 0 ? 'write has-overwrite' : 'write'} id={`write-${entry.id}`}>
      <h3>
        <code>{entry.method}</code>
        <Time ms={entry.atMs} />
        <span>
          application key: {entry.userKey === null ? <span class="muted">none</span> : <code>{entry.userKey}</code>}
        </span>
        {lifecycle === 'created' && <span class="badge created">{`created the account (${plural(entry.changes.length, 'field')})`}</span>}
        {lifecycle === 'deleted' && <span class="badge removed">deleted the account</span>}
        {overwritten > 0 && <span class="badge overwritten">{`overwrote ${plural(overwritten, 'field')}`}</span>}
        {lifecycle === null && filled > 0 && <span class="badge filled">{`filled ${plural(filled, 'blank')}`}</span>}
      </h3>
      {entry.changes.length === 0 ? (
        <p class="muted">No field changed: the call wrote the values the account already had.</p>
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
