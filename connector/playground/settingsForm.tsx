import type { FC } from 'hono/jsx';
import { dataCenterSchema, optInAsSchema, setupSchema, type IntegrationSettings, type OptInAs, type Setup } from '../settings/integration.js';

/** How the custom set-up records a ticked opt-in box in Gigya. */
export const optInAsLabels: Record<OptInAs, string> = {
  subscription: 'a subscription',
  consent: 'a consent statement',
};

/** The seed's set-ups, in its words. */
export const setupLabels: Record<Setup, string> = {
  liteOnly: 'Lite Registration without Gigya SSO',
  liteWithSso: 'Lite Registration and Gigya SSO, only Lite connected to Qualifio',
  liteAndSsoNative: 'Both connected, native integration (a full account can be overwritten)',
  custom: 'Both connected, custom integration (full accounts kept, blanks filled, opt-in)',
};

/**
 * Settings > Integrations & partners > Gigya Lite Registration. The secret input is write-only:
 * the page says whether a secret is stored, never shows it, and a blank input keeps it.
 */
export const SettingsForm: FC<{ settings: IntegrationSettings | null; campaignId: string }> = ({ settings, campaignId }) => (
  <section aria-labelledby="settings-title">
    <h2 id="settings-title">Integration settings: Gigya Lite Registration</h2>
    <form class="stack" method="post" action={`/playground/settings?campaign=${encodeURIComponent(campaignId)}`}>
      <label class="check">
        <input type="checkbox" name="enabled" value="true" checked={settings?.enabled ?? false} />
        Enabled
      </label>
      <label>
        Gigya API Key
        <input type="text" name="apiKey" value={settings?.apiKey ?? ''} autocomplete="off" />
      </label>
      <label>
        Gigya User Key
        <input type="text" name="userKey" value={settings?.userKey ?? ''} autocomplete="off" />
      </label>
      <label>
        Gigya Secret
        <input type="password" name="secret" value="" autocomplete="new-password" aria-describedby="secret-hint" />
        <span class="hint" id="secret-hint">
          {settings?.secret !== undefined ? 'A secret is stored (never shown): leave blank to keep it.' : 'No secret stored yet.'}
        </span>
      </label>
      <label>
        Data center
        <select name="dataCenter">
          {dataCenterSchema.options.map((center) => (
            <option value={center} selected={(settings?.dataCenter ?? 'us1') === center}>
              {center}
            </option>
          ))}
        </select>
      </label>
      <label>
        Gigya base URL (the fake)
        <input type="url" name="baseUrl" value={settings?.baseUrl ?? ''} placeholder="http://127.0.0.1:4100" />
      </label>
      <label class="wide">
        Set-up
        <select name="setup">
          {setupSchema.options.map((setup) => (
            <option value={setup} selected={(settings?.setup ?? 'liteOnly') === setup}>
              {`${setupLabels[setup]} (${setup})`}
            </option>
          ))}
        </select>
      </label>
      <label>
        Opt-in recorded as (custom integration only)
        <select name="optInAs">
          {optInAsSchema.options.map((kind) => (
            <option value={kind} selected={(settings?.optInAs ?? 'subscription') === kind}>
              {optInAsLabels[kind]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Subscription id
        <input type="text" name="subscriptionId" value={settings?.subscriptionId ?? 'newsletter'} placeholder="newsletter" />
      </label>
      <label>
        Consent statement id
        <input type="text" name="consentStatementId" value={settings?.consentStatementId ?? 'marketing.newsletter'} placeholder="marketing.newsletter" />
      </label>
      <button type="submit">Save settings</button>
    </form>
  </section>
);
