import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { expect, it } from 'vitest';

it('npm run demo serves the playground, the inspector with the seeded full account and a CRM that copies John under the submitted name, and stops on Ctrl-C', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scenarios/demo.ts'], {
    env: { ...process.env, DEMO_GIGYA_PORT: '0', DEMO_CONNECTOR_PORT: '0', DEMO_CRM_PORT: '0', FAKE_GIGYA_ADMIN_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => output.includes('Ctrl-C to stop.') && resolve());
      child.once('exit', () => reject(new Error(`demo exited early:\n${output}`)));
    });
    const playground = /connector playground\s+(\S+)/.exec(output)![1]!;
    const inspector = /fake Gigya inspector\s+(\S+)/.exec(output)![1]!;
    expect(playground).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(inspector).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/__admin\/ui\/sites\/.+\/accounts$/);
    const page = await (await fetch(playground)).text();
    expect(page).toContain('liteAndSsoNative');
    expect(page).toContain('Take part as a participant');
    const answer = await fetch(inspector);
    const accounts = await answer.text();
    expect(accounts).toContain('john.doe@example.com');
    expect(accounts).toContain('John Doe');
    // Titled by the demo site's name, served with the inspector's security headers.
    expect(accounts).toContain('<title>Accounts · demo · fake Gigya inspector</title>');
    expect(answer.headers.get('content-security-policy')).toMatch(/^default-src 'none'; /);
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
    const icon = await fetch(new URL('/favicon.ico', inspector));
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');

    // Downstream: the CRM holds John under his own name, then under the name a participant submitted with his email.
    const customers = /CRM downstream\s+(\S+)/.exec(output)![1]!;
    expect(customers).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/customers$/);
    const john = async () => ((await (await fetch(customers)).json()) as { customers: Array<{ email: string; firstName: string }> }).customers.find((customer) => customer.email === 'john.doe@example.com');
    expect(await until(john, (customer) => customer?.firstName === 'John')).toMatchObject({ firstName: 'John' });
    const submitted = await fetch(new URL('/campaigns/playground/participations', playground), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'john.doe@example.com', firstname: 'Janet', lastname: 'Doe' }),
    });
    expect(submitted.status).toBeLessThan(300);
    expect(await until(john, (customer) => customer?.firstName === 'Janet')).toMatchObject({ firstName: 'Janet', lastName: 'Doe' });
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    expect(output).toContain('demo stopped (SIGINT)');
  }
});

/** Polls `read` until `done` holds, for at most 15 s (a bounded wait for the demo's background delivery). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
