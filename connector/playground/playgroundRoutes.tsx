import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ParticipationRepository } from '../store/participationRepository.js';
import type { FieldError } from '../settings/fieldErrors.js';
import type { SettingsRepository } from '../store/settingsRepository.js';
import { campaignBody, integrationBody, participationBody, type PostedForm } from './formValues.js';
import { InspectorLinks } from './inspectorLinks.js';
import { readingInWords, readOptIns } from './optInStatus.js';
import { participationNotice } from './outcomeWords.js';
import { PlaygroundPage, type PlaygroundView } from './playgroundPage.js';
import { playgroundIcon } from './styles.js';

export interface PlaygroundOptions {
  /** The connector's own HTTP API, called in-process: the playground adds no rule of its own. */
  api: { request(path: string, init?: RequestInit): Response | Promise<Response> };
  settings: SettingsRepository;
  participations: ParticipationRepository;
  /** The fake Gigya's inspector; default INSPECTOR_URL, else <integration baseUrl>/__admin/ui. */
  inspectorUrl?: string;
  /** How pushed opt-ins are read back from Gigya (the connector's own fetch and clock). */
  fetch?: typeof fetch;
  clock?: () => number;
}

export const defaultCampaignId = 'playground';
const settingsPath = '/settings/integrations/gigya-lite-registration';

/** Text fields only (a file has no place in these forms); a field sent twice stays a list. */
async function postedForm(c: Context): Promise<PostedForm> {
  const form: PostedForm = {};
  for (const [name, value] of Object.entries(await c.req.parseBody({ all: true }))) {
    const texts = (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
    if (texts.length > 0) form[name] = texts.length === 1 ? texts[0]! : texts;
  }
  return form;
}

/** What the refused form shows again: the first of a repeated field. */
const shownValues = (form: PostedForm): Record<string, string> =>
  Object.fromEntries(Object.entries(form).map(([name, value]) => [name, Array.isArray(value) ? (value[0] ?? '') : value]));

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function fieldErrorsOf(response: Response): Promise<FieldError[]> {
  const body = (await response.json()) as { fieldErrors?: FieldError[]; message?: string; error?: string };
  return body.fieldErrors ?? [{ field: '(request)', message: body.message ?? body.error ?? `HTTP ${response.status}` }];
}

/**
 * The connector's playground at `/`: plain HTML forms that post back and redirect (POST →
 * 303 → GET). Reads come from the repositories; every write goes through the connector's own
 * JSON routes, so the playground validates, maps and pushes exactly as Qualifio would.
 */
export function playgroundRoutes(options: PlaygroundOptions): Hono {
  const { api, settings, participations } = options;
  const inspectorUrl = options.inspectorUrl ?? process.env.INSPECTOR_URL;
  // Forms only from the playground's own page: the connector's cross-site guard (service/crossSiteGuard.ts) refuses the rest.
  const app = new Hono();

  const view = async (campaignId: string, extra: Partial<PlaygroundView> = {}): Promise<PlaygroundView> => {
    const integration = settings.integration();
    const campaign = settings.campaign(campaignId);
    const shown = campaign === null ? [] : participations.byCampaign(campaignId).reverse();
    return {
      settings: integration,
      campaignId,
      campaign,
      participations: shown,
      links: InspectorLinks.resolve(inspectorUrl, integration?.baseUrl, integration?.apiKey),
      optIns: await readOptIns(shown, integration, { fetch: options.fetch, clock: options.clock }),
      ...extra,
    };
  };

  const page = async (campaignId: string, c: Context): Promise<PlaygroundView> => {
    const shown = await view(campaignId);
    const saved = c.req.query('saved');
    if (saved === 'settings') return { ...shown, notice: 'Settings saved.' };
    if (saved === 'campaign') return { ...shown, notice: 'Campaign saved.' };
    const participation = saved === 'participation' ? participations.get(c.req.query('participation') ?? '') : null;
    if (participation === null) return shown;
    const optIn = shown.optIns.get(participation.id);
    const optInWords = optIn === undefined ? '' : ` Opt-in in Gigya now: ${optIn.map(readingInWords).join('; ')}.`;
    return { ...shown, notice: `${participationNotice(participation)}${optInWords}` };
  };

  // Browsers ask for it on every page: a small icon instead of a 404 in the console.
  app.get('/favicon.ico', (c) => c.body(playgroundIcon, 200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' }));

  app.get('/', async (c) => {
    const campaignId = c.req.query('campaign') || defaultCampaignId;
    return c.html(<PlaygroundPage view={await page(campaignId, c)} />);
  });

  app.post('/playground/settings', async (c) => {
    const campaignId = c.req.query('campaign') || defaultCampaignId;
    const current = ((await (await api.request(settingsPath)).json()) as { settings: Record<string, unknown> }).settings;
    const response = await api.request(settingsPath, json('PUT', integrationBody(current, await postedForm(c))));
    if (!response.ok) {
      return c.html(<PlaygroundPage view={await view(campaignId, { problems: { title: 'Settings not saved', fieldErrors: await fieldErrorsOf(response) } })} />, 400);
    }
    return c.redirect(`/?campaign=${encodeURIComponent(campaignId)}&saved=settings`, 303);
  });

  app.post('/playground/campaign', async (c) => {
    const form = await postedForm(c);
    const id = typeof form.id === 'string' ? form.id.trim() : '';
    if (id === '') {
      return c.html(<PlaygroundPage view={await view(defaultCampaignId, { problems: { title: 'Campaign not saved', fieldErrors: [{ field: 'id', message: 'one campaign id' }] } })} />, 400);
    }
    const response = await api.request(`/campaigns/${encodeURIComponent(id)}`, json('PUT', campaignBody(settings.campaign(id), form)));
    if (!response.ok) {
      return c.html(<PlaygroundPage view={await view(defaultCampaignId, { problems: { title: 'Campaign not saved', fieldErrors: await fieldErrorsOf(response) } })} />, 400);
    }
    return c.redirect(`/?campaign=${encodeURIComponent(id)}&saved=campaign`, 303);
  });

  app.post('/playground/campaigns/:id/participations', async (c) => {
    const id = c.req.param('id');
    const campaign = settings.campaign(id);
    const form = await postedForm(c);
    if (campaign === null) {
      return c.html(<PlaygroundPage view={await view(id, { problems: { title: `No campaign ${id}`, fieldErrors: [{ field: 'campaign', message: 'save the campaign first' }] } })} />, 404);
    }
    const response = await api.request(`/campaigns/${encodeURIComponent(id)}/participations`, json('POST', participationBody(campaign, form)));
    if (!response.ok) {
      return c.html(
        <PlaygroundPage view={await view(id, { problems: { title: 'Participation refused', fieldErrors: await fieldErrorsOf(response) }, participantValues: shownValues(form) })} />,
        400,
      );
    }
    const { participation } = (await response.json()) as { participation: { id: string } };
    return c.redirect(`/?campaign=${encodeURIComponent(id)}&saved=participation&participation=${encodeURIComponent(participation.id)}#participations`, 303);
  });

  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    // The message could quote a Gigya answer: not echoed here (the connector's log redacts it).
    return c.text('The playground failed unexpectedly; see the connector log.', 500);
  });
  return app;
}
