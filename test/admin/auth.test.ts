import { afterEach, describe, expect, it } from 'vitest';
import { AdminClient, AdminRequestError } from '../../server/admin/client.js';
import { startFakeGigya, type RunningFakeGigya } from '../../server/embedded.js';
import { Lab } from './lab.js';

describe('the admin token', () => {
  it('is not needed when none is configured', async () => {
    const lab = new Lab();
    expect((await lab.admin('GET', '/sites')).status).toBe(200);
    lab.close();
  });

  it('is required on every admin route but /health when configured', async () => {
    const lab = new Lab({ adminToken: 'open-sesame' });
    expect((await lab.admin('GET', '/health')).body).toEqual({ status: 'ok' });
    for (const [method, path] of [
      ['GET', '/sites'],
      ['POST', '/sites'],
      ['GET', '/journal'],
      ['POST', '/reset'],
      ['GET', '/snapshot'],
      ['GET', '/faults'],
      ['GET', '/accounts/x/history'],
    ] as const) {
      const refused = await lab.admin(method, path);
      expect(refused.status, `${method} ${path}`).toBe(401);
      expect(refused.body.error.message).toContain('Authorization: Bearer');
    }
    expect((await lab.admin('GET', '/sites', undefined, { authorization: 'Bearer open-sesam' })).status).toBe(401);
    expect((await lab.admin('GET', '/sites', undefined, { authorization: 'Bearer open-sesame-and-more' })).status).toBe(401);
    expect((await lab.admin('GET', '/sites', undefined, { authorization: 'Basic open-sesame' })).status).toBe(401);
    expect((await lab.admin('GET', '/sites', undefined, { authorization: 'Bearer open-sesame' })).status).toBe(200);
    expect((await lab.admin('GET', '/sites', undefined, { authorization: 'bearer  open-sesame' })).status).toBe(200);
    lab.close();
  });

  it('does not guard the Gigya surface, which has its own credentials', async () => {
    const lab = new Lab({ adminToken: 'open-sesame' });
    const created = await lab.admin('POST', '/sites', {}, { authorization: 'Bearer open-sesame' });
    expect((await lab.call('accounts.initRegistration', { apiKey: created.body.apiKey })).errorCode).toBe(0);
    lab.close();
  });

  describe('over HTTP', () => {
    let fake: RunningFakeGigya;
    afterEach(() => fake.close());

    it('is sent by the embedded admin client, and a client without it is refused', async () => {
      fake = await startFakeGigya({ adminToken: 'open-sesame' });
      expect((await fake.admin.sites()).map((site) => site.apiKey)).toEqual([fake.site.apiKey]);
      const anonymous = await fetch(`${fake.admin.baseUrl}/sites`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
      expect((await fetch(`${fake.admin.baseUrl}/health`)).status).toBe(200);
      const wrong = new AdminClient(fake.admin.baseUrl, 'guess');
      await expect(wrong.sites()).rejects.toBeInstanceOf(AdminRequestError);
    });
  });
});
