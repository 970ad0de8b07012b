import { Hono } from 'hono';
import { parseCampaign } from '../settings/campaign.js';
import { SettingsError } from '../settings/fieldErrors.js';
import { parseIntegrationSettings, type IntegrationSettings } from '../settings/integration.js';
import { redact } from '../settings/redact.js';
import { REDACTED } from '../settings/secret.js';
import type { SettingsRepository } from '../store/settingsRepository.js';
import { readBody, unreadableBody } from './readBody.js';

/** The settings as shown over HTTP: the secret never leaves in clear, only whether it is set. */
function integrationView(settings: IntegrationSettings, stored: boolean): Record<string, unknown> {
  return { ...redact({ ...settings }), secretConfigured: settings.secret !== undefined, stored };
}

export function settingsRoutes(settings: SettingsRepository, clock: () => number): Hono {
  const app = new Hono();
  const path = '/settings/integrations/gigya-lite-registration';

  app.get(path, (c) => {
    const stored = settings.integration();
    return c.json({ settings: integrationView(stored ?? parseIntegrationSettings({}), stored !== null) });
  });

  // A secret left out, or sent back as "[redacted]" from a GET, keeps the stored one.
  app.put(path, async (c) => {
    const body = await readBody(c);
    if (!body) return c.json(unreadableBody, 400);
    const { secretConfigured: _configured, stored: _stored, ...input } = body;
    if (input.secret === undefined || input.secret === REDACTED) input.secret = settings.integration()?.secret;
    try {
      const parsed = parseIntegrationSettings(input);
      settings.saveIntegration(parsed, clock());
      return c.json({ settings: integrationView(parsed, true) });
    } catch (error) {
      if (error instanceof SettingsError) return c.json({ error: 'invalidSettings', fieldErrors: error.fieldErrors }, 400);
      throw error;
    }
  });

  app.get('/campaigns/:id', (c) => {
    const campaign = settings.campaign(c.req.param('id'));
    return campaign ? c.json({ campaign }) : c.json({ error: 'unknownCampaign' }, 404);
  });

  app.put('/campaigns/:id', async (c) => {
    const body = await readBody(c);
    if (!body) return c.json(unreadableBody, 400);
    const id = c.req.param('id');
    if (body.id !== undefined && body.id !== id) {
      return c.json({ error: 'invalidCampaign', fieldErrors: [{ field: 'id', message: `must match the path (${id})` }] }, 400);
    }
    try {
      const campaign = parseCampaign({ ...body, id });
      settings.saveCampaign(campaign, clock());
      return c.json({ campaign });
    } catch (error) {
      if (error instanceof SettingsError) return c.json({ error: 'invalidCampaign', fieldErrors: error.fieldErrors }, 400);
      throw error;
    }
  });

  return app;
}
