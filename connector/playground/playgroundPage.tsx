import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Participation } from '../participations/participation.js';
import type { Campaign } from '../settings/campaign.js';
import type { FieldError } from '../settings/fieldErrors.js';
import type { IntegrationSettings } from '../settings/integration.js';
import { CampaignForm } from './campaignForm.js';
import type { InspectorLinks } from './inspectorLinks.js';
import type { OptInReading } from './optInStatus.js';
import { ParticipantForm } from './participantForm.js';
import { ParticipationsTable } from './participationsTable.js';
import { SettingsForm } from './settingsForm.js';
import { playgroundCss } from './styles.js';

export interface PlaygroundView {
  settings: IntegrationSettings | null;
  campaignId: string;
  campaign: Campaign | null;
  participations: Participation[];
  links: InspectorLinks;
  /** What Gigya holds now for each pushed opt-in, by participation id. */
  optIns: Map<string, OptInReading[]>;
  /** What the last form did, after its redirect. */
  notice?: string;
  /** Why the last form was refused (the page is then answered with 400, the form values kept). */
  problems?: { title: string; fieldErrors: FieldError[] };
  participantValues?: Record<string, string>;
}

/** The connector's playground: settings, a campaign, a participant form, the participations. No JavaScript. */
export const PlaygroundPage: FC<{ view: PlaygroundView }> = ({ view }) => (
  <>
    {raw('<!DOCTYPE html>')}
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Qualifio connector playground</title>
        <link rel="icon" href="/favicon.ico" type="image/svg+xml" />
        <style>{raw(playgroundCss)}</style>
      </head>
      <body>
        <header class="top">
          <strong>Qualifio → Gigya Lite Registration: connector playground</strong>
          <nav aria-label="Elsewhere">
            {view.links.accounts() !== undefined && (
              <a href={view.links.accounts()}>Accounts of the site in the fake Gigya's inspector</a>
            )}
          </nav>
        </header>
        <main>
          <h1>Connector playground</h1>
          {view.notice !== undefined && (
            <p class="notice" role="status">
              {view.notice}
            </p>
          )}
          {view.problems !== undefined && (
            <div class="problem" role="alert">
              <p>{view.problems.title}</p>
              <ul>
                {view.problems.fieldErrors.map((error) => (
                  <li>
                    <code>{error.field}</code>: {error.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <SettingsForm settings={view.settings} campaignId={view.campaignId} />
          <CampaignForm campaignId={view.campaignId} campaign={view.campaign} />
          {view.campaign !== null && <ParticipantForm campaign={view.campaign} values={view.participantValues ?? {}} />}
          {view.campaign !== null && <ParticipationsTable participations={view.participations} links={view.links} optIns={view.optIns} />}
        </main>
      </body>
    </html>
  </>
);
