import { parseCampaign, type Campaign } from '../settings/campaign.js';
import { parseIntegrationSettings, serializeIntegrationSettings, type IntegrationSettings } from '../settings/integration.js';
import type { ConnectorDatabase } from './database.js';

const integrationName = 'gigya-lite-registration';

/** Stored settings: the integration's (one row) and each campaign's. Parsed on the way out, so a row is always valid. */
export class SettingsRepository {
  constructor(private readonly db: ConnectorDatabase) {}

  integration(): IntegrationSettings | null {
    const row = this.db.prepare('SELECT json FROM integration_settings WHERE name = ?').get(integrationName) as { json: string } | undefined;
    return row ? parseIntegrationSettings(JSON.parse(row.json)) : null;
  }

  /** Stored with the secret in clear: the database is the connector's own vault. */
  saveIntegration(settings: IntegrationSettings, nowMs: number): void {
    this.db
      .prepare('INSERT INTO integration_settings (name, json, updated_ms) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET json = excluded.json, updated_ms = excluded.updated_ms')
      .run(integrationName, serializeIntegrationSettings(settings), nowMs);
  }

  campaign(id: string): Campaign | null {
    const row = this.db.prepare('SELECT json FROM campaigns WHERE id = ?').get(id) as { json: string } | undefined;
    return row ? parseCampaign(JSON.parse(row.json)) : null;
  }

  saveCampaign(campaign: Campaign, nowMs: number): void {
    this.db
      .prepare('INSERT INTO campaigns (id, json, updated_ms) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json, updated_ms = excluded.updated_ms')
      .run(campaign.id, JSON.stringify(campaign), nowMs);
  }
}
