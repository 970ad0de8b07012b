import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Testbed } from '../testing/testbed.js';
import { signatureOf } from '../testing/signer.js';

let bed: Testbed;
beforeEach(() => {
  bed = new Testbed();
});
afterEach(() => bed.close());

const method = 'accounts.setAccountInfo';

async function lastEntry() {
  await bed.store.settled();
  return bed.store.journal.query({ site: bed.site.apiKey }, { limit: 1, offset: 0 })[0]!;
}

describe('the signature debugger', () => {
  it('records, for a 403003, the base string of every candidate URL, the credential form, the skew and the nonce', async () => {
    const params = bed.signed(method, { UID: 'u1', profile: '{"firstName":"Ann"}' }, { url: `https://accounts.eu1.gigya.com/${method}` });
    expect((await bed.call(method, params)).errorCode).toBe(403003);
    const { signatureDiagnosis: diagnosis } = await lastEntry();
    expect(diagnosis).toMatchObject({
      credentialForm: 'signed request: userKey + timestamp (milliseconds) + nonce + sig',
      userKey: bed.site.userKey,
      timestamp: { given: params.timestamp, unit: 'milliseconds', skewMs: 0, allowedSkewMs: 120_000 },
      nonceAlreadyUsed: false,
    });
    expect(diagnosis!.candidates.map((candidate) => candidate.url)).toEqual([`https://accounts.us1.gigya.com/${method}`, `http://accounts.us1.gigya.com/${method}`]);
    const [https] = diagnosis!.candidates;
    expect(https!.baseString).toBe(
      `POST&https%3A%2F%2Faccounts.us1.gigya.com%2Faccounts.setAccountInfo&UID%3Du1%26apiKey%3D${bed.site.apiKey}%26format%3Djson%26nonce%3D${params.nonce}%26profile%3D%257B%2522firstName%2522%253A%2522Ann%2522%257D%26timestamp%3D${params.timestamp}%26userKey%3D${bed.site.userKey}`,
    );
  });

  it('never records the secret nor the signature the fake expected', async () => {
    const params: Record<string, string> = { ...bed.signed(method, { UID: 'u1' }, { url: 'https://accounts.eu1.gigya.com/x' }), secret: bed.site.secret, password: 'hunter2-Secret' };
    expect((await bed.call(method, params)).errorCode).toBe(403003);
    const entry = await lastEntry();
    const stored = JSON.stringify(entry);
    const expectedByFake = signatureOf(bed.site.secret, `https://accounts.us1.gigya.com/${method}`, Object.fromEntries(Object.entries(params).filter(([name]) => name !== 'sig')));
    for (const secretText of [bed.site.secret, encodeURIComponent(bed.site.secret), 'hunter2-Secret', params.sig!, expectedByFake, encodeURIComponent(expectedByFake)]) {
      expect(stored).not.toContain(secretText);
    }
    expect(entry.signatureDiagnosis!.credentialForm).toContain('+ secret');
    expect(entry.signatureDiagnosis!.notes.join(' ')).toMatch(/\[redacted\] in the base strings: secret, password\./);
    expect(entry.signatureDiagnosis!.candidates[0]!.baseString).toContain('secret%3D%255Bredacted%255D');
  });

  it('records, for a 403002, how far the timestamp is from the clock, in the unit the client used', async () => {
    const seconds = String(Math.floor(bed.clock.now() / 1000) - 300);
    expect((await bed.call(method, bed.signed(method, { UID: 'u1' }, { timestamp: seconds }))).errorCode).toBe(403002);
    const { signatureDiagnosis: diagnosis } = await lastEntry();
    expect(diagnosis!.timestamp).toMatchObject({ given: seconds, unit: 'seconds', allowedSkewMs: 120_000 });
    expect(diagnosis!.timestamp.skewMs).toBeGreaterThanOrEqual(300_000);
    expect(diagnosis!.credentialForm).toContain('timestamp (seconds)');
  });

  it('says when the nonce of a refused request was already used', async () => {
    const good = bed.signed('accounts.getSchema', {}, { nonce: 'same-nonce' });
    expect((await bed.call('accounts.getSchema', good)).errorCode).toBe(0);
    const bad = bed.signed('accounts.getSchema', {}, { nonce: 'same-nonce', url: 'https://accounts.au1.gigya.com/accounts.getSchema' });
    expect((await bed.call('accounts.getSchema', bad)).errorCode).toBe(403003);
    expect((await lastEntry()).signatureDiagnosis!.nonceAlreadyUsed).toBe(true);
  });

  it("points at npm gigya's false/0 quirk when the params carry such a value", async () => {
    const params = bed.signed('accounts.getSchema', { include: '0' }, { url: 'https://accounts.au1.gigya.com/accounts.getSchema' });
    await bed.call('accounts.getSchema', params);
    expect((await lastEntry()).signatureDiagnosis!.notes.join(' ')).toContain('npm gigya signs false and 0 as empty values (include)');
  });

  it('records nothing for calls that are not refused signatures', async () => {
    await bed.server(method, { UID: 'nobody' });
    expect((await lastEntry()).signatureDiagnosis).toBeNull();
    await bed.call(method, bed.signed(method, { UID: 'nobody' }));
    expect((await lastEntry()).signatureDiagnosis).toBeNull();
  });

  it('is shown in the inspector journal and the admin journal, without the secret', async () => {
    const params = { ...bed.signed(method, { UID: 'u1' }, { url: 'https://accounts.eu1.gigya.com/x' }), secret: bed.site.secret };
    await bed.call(method, params);
    await bed.store.settled();
    const page = await (await bed.request(`/__admin/ui/sites/${bed.site.apiKey}/journal`)).text();
    expect(page).toContain('Why the signature was refused');
    expect(page).toContain('POST&amp;https%3A%2F%2Faccounts.us1.gigya.com%2Faccounts.setAccountInfo');
    expect(page).toContain('not used before');
    expect(page).not.toContain(bed.site.secret);
    const admin = await bed.admin('GET', `/journal?apiKey=${bed.site.apiKey}`);
    expect(admin.body.entries[0].signatureDiagnosis.candidates).toHaveLength(2);
    expect(JSON.stringify(admin.body)).not.toContain(bed.site.secret);
  });
});
