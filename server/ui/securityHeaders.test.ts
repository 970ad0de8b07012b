import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inspectorTestbed } from './inspectorTestbed.js';

const ui = '/__admin/ui';
const sameOrigin = { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' };

function directives(response: Response): Map<string, string> {
  const policy = response.headers.get('content-security-policy') ?? '';
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));
}

function expectLockedDown(response: Response, what: string): void {
  const csp = directives(response);
  expect(csp.get('default-src'), what).toBe("'none'");
  expect(csp.has('script-src'), what).toBe(false);
  expect(csp.get('frame-ancestors'), what).toBe("'none'");
  expect(csp.get('form-action'), what).toBe("'self'");
  expect(csp.get('base-uri'), what).toBe("'none'");
  expect(response.headers.get('x-frame-options'), what).toBe('DENY');
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), what).toBe('same-origin');
}

describe("the inspector's security headers", () => {
  it('lock down every HTML answer: pages, problem pages, the 404 page and the token page', async () => {
    const bed = inspectorTestbed();
    const uid = bed.store.accounts.byEmail(bed.apiKey, 'john.doe@example.com')[0]!.uid;
    const answers = {
      sites: await bed.page(ui),
      accounts: await bed.page(`${ui}/sites/${bed.apiKey}/accounts`),
      account: await bed.page(`${ui}/sites/${bed.apiKey}/accounts/${uid}`),
      emailAccounts: await bed.page(`${ui}/sites/${bed.apiKey}/email-accounts?email=john.doe%40example.com`),
      journal: await bed.page(`${ui}/sites/${bed.apiKey}/journal`),
      faults: await bed.page(`${ui}/sites/${bed.apiKey}/faults`),
      badFilter: await bed.page(`${ui}/sites/${bed.apiKey}/accounts?kind=other`),
      unknownSite: await bed.page(`${ui}/sites/nope/accounts`),
      unknownPage: await bed.page(`${ui}/nope`),
      badFault: await bed.page(`${ui}/sites/${bed.apiKey}/faults`, { method: 'POST', headers: sameOrigin, body: new URLSearchParams({ kind: 'error', errorCode: '12' }) }),
      tokenPage: await inspectorTestbed({ adminToken: 'inspector-test-token' }).page(ui),
    };
    expect(Object.values(answers).map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200, 400, 404, 404, 400, 401]);
    for (const [what, answer] of Object.entries(answers)) {
      expect(answer.response.headers.get('content-type'), what).toMatch(/^text\/html/);
      expectLockedDown(answer.response, what);
    }
  });

  it('carry them on redirects too', async () => {
    const bed = inspectorTestbed();
    const redirect = await bed.page(`${ui}/`);
    expect(redirect.status).toBe(301);
    expectLockedDown(redirect.response, 'redirect');
    const afterForm = await bed.page(`${ui}/sites/${bed.apiKey}/faults/clear`, { method: 'POST', headers: sameOrigin });
    expect(afterForm.status).toBe(303);
    expectLockedDown(afterForm.response, 'after a form');
  });

  it("allow the page's own stylesheet by its hash, and no other style", async () => {
    const bed = inspectorTestbed();
    const { html, response } = await bed.page(ui);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]!);
    expect(styles).toHaveLength(1);
    const hash = `'sha256-${createHash('sha256').update(styles[0]!, 'utf8').digest('base64')}'`;
    expect(directives(response).get('style-src')).toBe(hash);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/<script\b/);
  });
});

describe('/favicon.ico', () => {
  it('answers a small SVG icon instead of a Gigya "Unknown method" envelope', async () => {
    const bed = inspectorTestbed();
    const { status, html: body, response } = await bed.page('/favicon.ico');
    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(body).not.toMatch(/<script\b/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(directives(response).get('default-src')).toBe("'none'");
  });
});
