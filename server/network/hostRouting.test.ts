import { afterEach, describe, expect, it } from 'vitest';
import { Testbed, bodyOf } from '../testing/testbed.js';

let bed: Testbed;
afterEach(() => bed.close());

const post = (url: string, params: Record<string, string>) => bed.request(url, { method: 'POST', body: new URLSearchParams(params) });

describe('routing by host', () => {
  it("serves a site on its own data center's host, over https and http", async () => {
    bed = new Testbed({ site: { dataCenter: 'eu1' } });
    for (const url of ['https://accounts.eu1.gigya.com/accounts.initRegistration', 'http://accounts.eu1.gigya.com/accounts.initRegistration']) {
      expect((await bodyOf(await post(url, { apiKey: bed.site.apiKey, isLite: 'true' }))).errorCode, url).toBe(0);
    }
  });

  it("serves China's data center on its own domain", async () => {
    bed = new Testbed({ site: { dataCenter: 'cn1' } });
    const body = await bodyOf(await post('https://accounts.cn1.sapcdm.cn/accounts.initRegistration', { apiKey: bed.site.apiKey, isLite: 'true' }));
    expect(body.errorCode).toBe(0);
    const wrong = await bodyOf(await post('https://accounts.cn1.gigya.com/accounts.initRegistration', { apiKey: bed.site.apiKey, isLite: 'true' }));
    expect(wrong).toMatchObject({ errorCode: 301001, apiDomain: 'cn1.sapcdm.cn', location: 'https://accounts.cn1.sapcdm.cn/accounts.initRegistration' });
  });

  it("answers a site's apiKey on another data center's host with 301001, apiDomain and location", async () => {
    bed = new Testbed({ site: { dataCenter: 'au1' } });
    const response = await post('https://accounts.us1.gigya.com/accounts.initRegistration', { apiKey: bed.site.apiKey, isLite: 'true' });
    expect(response.status).toBe(200);
    expect(await bodyOf(response)).toMatchObject({
      errorCode: 301001,
      errorMessage: 'Invalid data center',
      errorDetails: 'The API key is served by another data center',
      statusCode: 301,
      apiDomain: 'au1.gigya.com',
      location: 'https://accounts.au1.gigya.com/accounts.initRegistration',
    });
    // Nothing was created on the wrong data center.
    expect(bed.store.journal.count({ site: bed.site.apiKey, errorCode: 0 })).toBe(0);
  });

  it('answers 301001 as HTTP 301 with a Location header when httpStatusCodes=true', async () => {
    bed = new Testbed();
    const response = await post('https://accounts.eu2.gigya.com/accounts.initRegistration', { apiKey: bed.site.apiKey, isLite: 'true', httpStatusCodes: 'true' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('https://accounts.us1.gigya.com/accounts.initRegistration');
  });

  it('answers a Gigya name that is no data center with 301001 too', async () => {
    bed = new Testbed();
    const body = await bodyOf(await post('https://www.gigya.com/accounts.initRegistration', { apiKey: bed.site.apiKey, isLite: 'true' }));
    expect(body).toMatchObject({ errorCode: 301001, location: 'https://accounts.us1.gigya.com/accounts.initRegistration' });
  });

  it("answers a method on another namespace's host with 404000 naming the right host", async () => {
    bed = new Testbed();
    const body = await bodyOf(await post('https://socialize.us1.gigya.com/accounts.initRegistration', { apiKey: bed.site.apiKey, isLite: 'true' }));
    expect(body).toMatchObject({ errorCode: 404000, errorDetails: 'accounts.initRegistration is served at accounts.us1.gigya.com, not socialize.us1.gigya.com' });
  });

  it('serves every site, whatever its data center, on the fake\'s own host names', async () => {
    bed = new Testbed({ site: { dataCenter: 'global' } });
    const other = bed.addSite({ dataCenter: 'eu1' });
    for (const apiKey of [bed.site.apiKey, other.apiKey]) {
      for (const base of ['http://127.0.0.1:4100', 'http://localhost', 'http://fake-gigya:4100']) {
        const body = await bodyOf(await post(`${base}/accounts.initRegistration`, { apiKey, isLite: 'true' }));
        expect(body.errorCode, `${apiKey} at ${base}`).toBe(0);
      }
    }
  });

  it("verifies a signature over the site's own data center's URL only, even on the right host", async () => {
    bed = new Testbed({ site: { dataCenter: 'eu1' } });
    const method = 'accounts.getSchema';
    const own = bed.signed(method, {}, { url: `https://accounts.eu1.gigya.com/${method}` });
    expect((await bodyOf(await post(`https://accounts.eu1.gigya.com/${method}`, own))).errorCode).toBe(0);
    const forUs = bed.signed(method, {}, { url: `https://accounts.us1.gigya.com/${method}` });
    expect((await bodyOf(await post(`https://accounts.eu1.gigya.com/${method}`, forUs))).errorCode).toBe(403003);
  });
});
