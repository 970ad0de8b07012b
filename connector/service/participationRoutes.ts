import { Hono } from 'hono';
import { mapParticipation } from '../mapping.js';
import { readAnswers } from '../participations/intake.js';
import type { ParticipationRepository } from '../store/participationRepository.js';
import type { Pusher } from '../participations/pusher.js';
import type { Campaign } from '../settings/campaign.js';
import { isEnabled, type IntegrationSettings } from '../settings/integration.js';
import type { SettingsRepository } from '../store/settingsRepository.js';
import { readBody, unreadableBody } from './readBody.js';

export interface ParticipationRoutesOptions {
  participations: ParticipationRepository;
  settings: SettingsRepository;
  pusher: Pusher;
  clock: () => number;
  ids: () => string;
}

/** Why a saved participation is not pushed, or null when it is. */
export function skipReason(campaign: Campaign, integration: IntegrationSettings | null): string | null {
  if (campaign.formStep.sso !== 'gigyaLite') {
    return `the campaign's form step SSO is "${campaign.formStep.sso}", not Gigya Lite Registration (gigyaLite)`;
  }
  if (!campaign.identified) return 'the campaign is not identified: Gigya Lite Registration needs an identification form';
  if (!integration || !isEnabled(integration)) return 'the Gigya Lite Registration integration is disabled';
  return null;
}

export function participationRoutes(options: ParticipationRoutesOptions): Hono {
  const { participations, settings, pusher, clock, ids } = options;
  const app = new Hono();

  // Saved first (the campaign statistics), then pushed in real time; the answer carries the outcome.
  app.post('/campaigns/:id/participations', async (c) => {
    const campaign = settings.campaign(c.req.param('id'));
    if (!campaign) return c.json({ error: 'unknownCampaign', message: `no campaign ${c.req.param('id')}: PUT /campaigns/:id first` }, 404);
    const body = await readBody(c);
    if (!body) return c.json(unreadableBody, 400);
    const read = readAnswers(campaign, body);
    if ('fieldErrors' in read) return c.json({ error: 'invalidParticipation', fieldErrors: read.fieldErrors }, 400);

    const integration = settings.integration();
    const now = clock();
    const reason = skipReason(campaign, integration);
    const mapped = mapParticipation(read.crmValues, { settings: integration?.mapping, today: new Date(now) });
    const id = ids();
    participations.insert({
      id,
      campaignId: campaign.id,
      createdMs: now,
      answers: read.answers,
      crmValues: Object.fromEntries(Object.entries(read.crmValues).filter((entry): entry is [string, string | boolean] => entry[1] !== undefined)),
      mappingProblems: mapped.problems,
      status: reason === null ? 'pending' : 'skipped',
      skipReason: reason,
      setup: reason === null ? (integration?.setup ?? null) : null,
    });
    if (reason === null) await pusher.push(id);
    return c.json({ participation: participations.get(id) }, 201);
  });

  app.get('/campaigns/:id/participations', (c) => {
    const id = c.req.param('id');
    if (!settings.campaign(id)) return c.json({ error: 'unknownCampaign', message: `no campaign ${id}` }, 404);
    return c.json({ participations: participations.byCampaign(id) });
  });

  app.get('/participations/:id', (c) => {
    const participation = participations.get(c.req.param('id'));
    return participation ? c.json({ participation }) : c.json({ error: 'unknownParticipation' }, 404);
  });

  // Re-triggers a failed push (or hurries a pending one); it resumes from its stored regToken/UID.
  app.post('/participations/:id/retry', async (c) => {
    const id = c.req.param('id');
    const participation = participations.get(id);
    if (!participation) return c.json({ error: 'unknownParticipation' }, 404);
    if (participation.status !== 'failed' && participation.status !== 'pending') {
      return c.json({ error: 'notRetryable', message: `participation is ${participation.status}; only failed or pending pushes are retried` }, 409);
    }
    participations.retrigger(id, clock());
    await pusher.push(id);
    return c.json({ participation: participations.get(id) });
  });

  return app;
}
