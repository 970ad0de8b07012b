import type { FC } from 'hono/jsx';
import type { AccountKind, JsonObject } from '../store/accounts.js';

export const isoTime = (ms: number | null): string => (ms === null ? '—' : new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z'));

/** An instant for people (to the second) with the exact value for machines. */
export const Time: FC<{ ms: number | null }> = ({ ms }) =>
  ms === null ? <span class="muted">—</span> : <time datetime={new Date(ms).toISOString()}>{isoTime(ms)}</time>;

/** lite or full, as text in a badge: the colour helps, the word carries the meaning. */
export const KindBadge: FC<{ kind: AccountKind }> = ({ kind }) => <span class={`badge ${kind}`}>{kind}</span>;

export function personName(profile: JsonObject): string {
  return [profile.firstName, profile.lastName].filter((part) => typeof part === 'string' && part !== '').join(' ');
}

export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** Any JSON value: strings as they are, the rest as JSON, absence and blanks said in words. */
export const Value: FC<{ value: unknown }> = ({ value }) => {
  if (value === undefined) return <span class="empty">(none)</span>;
  if (value === '' || value === null) return <span class="empty">(empty)</span>;
  if (typeof value === 'string') return <span>{value}</span>;
  return <code>{JSON.stringify(value)}</code>;
};

/** A page of a long list: where it stands and links to the neighbours, filters kept. */
export const Pager: FC<{ offset: number; limit: number; total: number; href: (offset: number) => string; label: string }> = ({
  offset,
  limit,
  total,
  href,
  label,
}) => (
  <nav class="pager" aria-label={`${label} pages`}>
    <span>
      {total === 0 ? 'none' : `${offset + 1}–${Math.min(offset + limit, total)} of ${total}`}
    </span>
    {offset > 0 && (
      <a rel="prev" href={href(Math.max(0, offset - limit))}>
        ← previous
      </a>
    )}
    {offset + limit < total && (
      <a rel="next" href={href(offset + limit)}>
        next →
      </a>
    )}
  </nav>
);
