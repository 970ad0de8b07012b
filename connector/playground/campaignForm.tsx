import type { FC } from 'hono/jsx';
import { ssoChoiceSchema, type Campaign, type SsoChoice } from '../settings/campaign.js';

const ssoLabels: Record<SsoChoice, string> = {
  none: 'None',
  gigyaSso: 'Gigya SSO',
  gigyaLite: 'Gigya Lite Registration',
};

/** Campaign > Form step > Single Sign-On (SSO): one choice, Gigya SSO and Lite never both. */
export const CampaignForm: FC<{ campaignId: string; campaign: Campaign | null }> = ({ campaignId, campaign }) => (
  <section aria-labelledby="campaign-title">
    <h2 id="campaign-title">Campaign</h2>
    {campaign === null && <p class="hint">Campaign {campaignId} is not saved yet: save it before a participant can take part.</p>}
    <form class="stack" method="post" action="/playground/campaign">
      <label>
        Campaign id
        <input type="text" name="id" required value={campaignId} />
      </label>
      <label>
        Title
        <input type="text" name="title" value={campaign?.title ?? ''} />
      </label>
      <label class="check">
        <input type="checkbox" name="identified" value="true" checked={campaign?.identified ?? true} />
        Identified (has an identification form)
      </label>
      <label>
        Form step SSO
        <select name="sso">
          {ssoChoiceSchema.options.map((choice) => (
            <option value={choice} selected={(campaign?.formStep.sso ?? 'gigyaLite') === choice}>
              {ssoLabels[choice]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Save campaign</button>
    </form>
  </section>
);
