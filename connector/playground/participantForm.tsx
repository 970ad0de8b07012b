import type { FC } from 'hono/jsx';
import type { Campaign, FormField } from '../settings/campaign.js';

const labels: Record<string, string> = {
  email: 'Email', firstname: 'First name', lastname: 'Last name', gender: 'Gender', birthday: 'Birthday',
  phone: 'Phone', address: 'Street', number: 'Number', box: 'Box', locality: 'Locality', zipcode: 'Zip code',
  country: 'Country', function: 'Function', company: 'Company', optin: 'Yes, send me the newsletter (opt-in)',
};

const inputType = (variable: string) => (variable === 'email' ? 'email' : variable === 'phone' ? 'tel' : 'text');

const Field: FC<{ field: FormField; value: string }> = ({ field, value }) => {
  const label = `${labels[field.crmVariable] ?? field.name}${field.required ? ' (required)' : ''}`;
  if (field.crmVariable === 'optin') {
    return (
      <label class="check">
        <input type="checkbox" name={field.name} value="true" checked={value === 'true'} />
        {label}
      </label>
    );
  }
  if (field.crmVariable === 'gender') {
    return (
      <label>
        {label}
        <select name={field.name}>
          {[['', '—'], ['f', 'female'], ['m', 'male'], ['u', 'unspecified']].map(([code, text]) => (
            <option value={code} selected={value === code}>
              {text}
            </option>
          ))}
        </select>
      </label>
    );
  }
  return (
    <label>
      {label}
      <input type={inputType(field.crmVariable)} name={field.name} value={value} required={field.required} placeholder={field.crmVariable === 'birthday' ? 'YYYY-MM-DD' : undefined} />
    </label>
  );
};

/** The campaign's identification form, one input per field bound to a CRM variable. */
export const ParticipantForm: FC<{ campaign: Campaign; values: Record<string, string> }> = ({ campaign, values }) => (
  <section aria-labelledby="participant-title">
    <h2 id="participant-title">Take part as a participant</h2>
    <form class="stack" method="post" action={`/playground/campaigns/${encodeURIComponent(campaign.id)}/participations`}>
      {campaign.formStep.fields.map((field) => (
        <Field field={field} value={values[field.name] ?? ''} />
      ))}
      <button type="submit">Submit participation</button>
    </form>
  </section>
);
