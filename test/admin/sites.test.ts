import { defaultPolicies } from '../../server/store/policies.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Lab } from './lab.js';

let lab: Lab;
beforeEach(() => {
  lab = new Lab();
});
afterEach(() => lab.close());

describe('/__admin/sites', () => {
  it('creates a site with random credentials and returns its secret once', async () => {
    const created = await lab.admin('POST', '/sites', { name: 'shop' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'shop', dataCenter: 'us1', policies: { liteAccounts: 'perSubmit', httpsOnly: false } });
    const key = created.body.applicationKeys[0];
    expect(key.secret).toMatch(/^[A-Za-z0-9+/]+=*$/);

    const read = await lab.admin('GET', `/sites/${created.body.apiKey}`);
    expect(read.status).toBe(200);
    expect(read.body.applicationKeys[0]).toEqual({ userKey: key.userKey, name: 'default', hasPublicKey: false, createdAt: expect.any(String) });
    const listed = await lab.admin('GET', '/sites');
    expect(JSON.stringify(listed.body)).not.toContain(key.secret);
    expect(JSON.stringify(read.body)).not.toContain(key.secret);
    expect(listed.body.sites.map((site: { apiKey: string }) => site.apiKey)).toEqual([created.body.apiKey]);
  });

  it('creates a site with the given apiKey, userKey, secret, data center and policies', async () => {
    const { status, body } = await lab.admin('POST', '/sites', {
      apiKey: '3_given',
      dataCenter: 'eu1',
      policies: { liteAccounts: 'mergeByEmail' },
      applicationKeys: [{ userKey: 'AGIVEN', secret: 'c2VjcmV0LWdpdmVu' }],
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ apiKey: '3_given', dataCenter: 'eu1', policies: { liteAccounts: 'mergeByEmail' } });
    expect(body.applicationKeys[0]).toMatchObject({ userKey: 'AGIVEN', secret: 'c2VjcmV0LWdpdmVu' });
    const call = await lab.server({ apiKey: '3_given', userKey: 'AGIVEN', secret: 'c2VjcmV0LWdpdmVu' }, 'accounts.getSchema');
    expect(call.errorCode).toBe(0);
  });

  it('answers 409 when the apiKey is taken', async () => {
    await lab.createSite({ apiKey: '3_taken' });
    const again = await lab.admin('POST', '/sites', { apiKey: '3_taken' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('3_taken');
  });

  it('rejects an invalid body with 400 and the zod issues', async () => {
    const { status, body } = await lab.admin('POST', '/sites', { dataCenter: 'mars', color: 'red' });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^Invalid body/);
    expect(body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['(root)', 'dataCenter']);
  });

  it('rejects a body that is not JSON', async () => {
    const { status, body } = await lab.admin('POST', '/sites', '{nope');
    expect(status).toBe(400);
    expect(body.error.message).toBe('The request body is not valid JSON');
  });

  it('answers 404 for an unknown site', async () => {
    for (const [method, path] of [
      ['GET', '/sites/3_unknown'],
      ['DELETE', '/sites/3_unknown'],
      ['PATCH', '/sites/3_unknown/policies'],
    ] as const) {
      const { status, body } = await lab.admin(method, path, method === 'PATCH' ? {} : undefined);
      expect(status).toBe(404);
      expect(body.error.message).toBe('site 3_unknown not found');
    }
  });

  it('deletes a site: its credentials stop working and its data is gone', async () => {
    const site = await lab.createSite();
    await lab.liteSubmit(site, { email: 'gone@example.com' });
    expect((await lab.admin('DELETE', `/sites/${site.apiKey}`)).body).toEqual({ deleted: site.apiKey });
    expect((await lab.server(site, 'accounts.getSchema')).errorCode).toBe(400093);
    expect(lab.store.rowCounts().history).toBe(0);
    expect((await lab.admin('GET', `/sites/${site.apiKey}`)).status).toBe(404);
  });

  it('edits one policy and keeps the others', async () => {
    const site = await lab.createSite({ policies: { liteAccounts: 'mergeByEmail', signatureSkewSeconds: 30 } });
    const { status, body } = await lab.admin('PATCH', `/sites/${site.apiKey}/policies`, { searchDelayMs: 250 });
    expect(status).toBe(200);
    expect(body.policies).toEqual({ ...defaultPolicies, liteAccounts: 'mergeByEmail', signatureSkewSeconds: 30, searchDelayMs: 250 });
  });

  it('rejects an unknown or out-of-range policy', async () => {
    const site = await lab.createSite();
    const { status, body } = await lab.admin('PATCH', `/sites/${site.apiKey}/policies`, { signatureSkewSeconds: 0, colour: 'red' });
    expect(status).toBe(400);
    expect(body.error.issues.length).toBe(2);
  });

  it('answers a secret sent over plain HTTP with 403006 once httpsOnly is on', async () => {
    const site = await lab.createSite();
    expect((await lab.server(site, 'accounts.getSchema')).errorCode).toBe(0);
    await lab.admin('PATCH', `/sites/${site.apiKey}/policies`, { httpsOnly: true });
    const refused = await lab.server(site, 'accounts.getSchema');
    expect(refused).toMatchObject({ errorCode: 403006, errorMessage: 'Secret Sent Over Http', statusCode: 403 });
  });
});
