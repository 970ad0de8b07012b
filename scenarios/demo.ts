// `npm run demo`: the fake Gigya and the connector in one process, a full account seeded, two URLs to open.
import { demoAccounts, demoCampaignId, startDemo } from './demoStack.js';

const env = process.env;
const port = (name: string, fallback: number) => (env[name] === undefined || env[name] === '' ? fallback : Number(env[name]));

try {
  const demo = await startDemo({
    fakePort: port('DEMO_GIGYA_PORT', 4100),
    connectorPort: port('DEMO_CONNECTOR_PORT', 4200),
    crmPort: port('DEMO_CRM_PORT', 4300),
    adminToken: env.FAKE_GIGYA_ADMIN_TOKEN || undefined,
    log: (message) => console.log(`[connector] ${message}`),
  });
  const inspector = `${demo.inspectorUrl}/sites/${encodeURIComponent(demo.site.apiKey)}/accounts`;
  console.log('Gigya Lite Registration Lab: demo');
  console.log(`  connector playground  ${demo.connectorUrl}/?campaign=${demoCampaignId}`);
  console.log(`  fake Gigya inspector  ${inspector}${env.FAKE_GIGYA_ADMIN_TOKEN ? '?token=<FAKE_GIGYA_ADMIN_TOKEN>' : ''}`);
  console.log(`  CRM downstream        ${demo.crmCustomersUrl}  (a webhook receiver: verified notifications, accounts copied by UID)`);
  console.log(`  seeded full accounts  ${demoAccounts.map((account) => `${account.email} (${account.profile.firstName} ${account.profile.lastName})`).join(', ')}`);
  console.log('  set-up                liteAndSsoNative: submit john.doe@example.com with another name, then open his account in the inspector;');
  console.log('                        switch the set-up to custom and submit jane.roe@example.com: her account is kept, blanks filled.');
  console.log("                        The CRM shows what the brand's other systems now believe: John's account under the submitted name.");
  console.log('Ctrl-C to stop.');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void demo.close().then(() => {
      console.log(`demo stopped (${signal})`);
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`demo: cannot start: ${message}${/EADDRINUSE/.test(message) ? ' (set DEMO_GIGYA_PORT / DEMO_CONNECTOR_PORT / DEMO_CRM_PORT, or 0 for a free port)' : ''}`);
  process.exit(1);
}
