import type { FC } from 'hono/jsx';
import type { Participation } from '../participations/participation.js';
import type { InspectorLinks } from './inspectorLinks.js';
import { maxReadBack, pushedAnOptIn, readingInWords, type OptInReading } from './optInStatus.js';
import { actionInWords, pushBadge } from './outcomeWords.js';

const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : '');

/** The opt-in cell: what Gigya holds now for a pushed opt-in, or why there is nothing to read. */
const OptInCell: FC<{ participation: Participation; readings: OptInReading[] | undefined }> = ({ participation, readings }) => {
  if (!pushedAnOptIn(participation)) return <td class="optin">—</td>;
  if (readings === undefined) return <td class="optin hint">{`not read back (only the ${maxReadBack} newest are)`}</td>;
  return (
    <td class="optin">
      {readings.map((reading) => (
        <span class={`optin ${reading.tone}`}>{readingInWords(reading)}</span>
      ))}
    </td>
  );
};

/** The campaign statistics with each push's outcome, linked to the accounts it touched in the inspector. */
export const ParticipationsTable: FC<{ participations: Participation[]; links: InspectorLinks; optIns: Map<string, OptInReading[]> }> = ({
  participations,
  links,
  optIns,
}) => (
  <section aria-labelledby="participations-title" id="participations">
    <h2 id="participations-title">Participations ({participations.length}, newest first)</h2>
    {participations.length === 0 ? (
      <p class="hint">None yet.</p>
    ) : (
      <table>
        <thead>
          <tr>
            <th scope="col">Submitted</th>
            <th scope="col">Email</th>
            <th scope="col">Name submitted</th>
            <th scope="col">Push</th>
            <th scope="col">Set-up</th>
            <th scope="col">What it did</th>
            <th scope="col">Account in Gigya</th>
            <th scope="col">Opt-in in Gigya now</th>
            <th scope="col">Why / last error</th>
          </tr>
        </thead>
        <tbody>
          {participations.map((participation) => {
            const email = text(participation.crmValues.email);
            const accountHref = participation.uid === null ? undefined : links.account(participation.uid);
            const emailHref = email === '' ? undefined : links.emailAccounts(email);
            const badge = pushBadge(participation);
            return (
              <tr class={participation.action ?? participation.status} data-participation={participation.id}>
                <td>
                  <time datetime={participation.createdAt}>{participation.createdAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</time>
                </td>
                <th scope="row">{emailHref === undefined ? email : <a href={emailHref}>{email}</a>}</th>
                <td>{`${text(participation.crmValues.firstname)} ${text(participation.crmValues.lastname)}`.trim()}</td>
                <td>
                  <span class={`badge ${badge.tone}`}>{badge.text}</span>
                  {participation.attempts > 1 && <span class="hint"> {participation.attempts} attempts</span>}
                </td>
                <td>{participation.setup ?? '—'}</td>
                <td class="did">{actionInWords(participation.action) ?? '—'}</td>
                <td>
                  {participation.uid === null ? (
                    '—'
                  ) : accountHref === undefined ? (
                    <code>{participation.uid}</code>
                  ) : (
                    <a href={accountHref} aria-label={`account ${participation.uid} in the inspector`}>
                      <code>{participation.uid}</code>
                    </a>
                  )}
                </td>
                <OptInCell participation={participation} readings={optIns.get(participation.id)} />
                <td>{participation.skipReason ?? participation.lastError ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    )}
  </section>
);
