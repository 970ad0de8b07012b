// Another project's plain-Node script (no loader, no TypeScript): both package entries load,
// and their server-rendered pages answer. Prints what it saw as one JSON line.
import { createConnectorApp, openConnectorDatabase } from 'gigya-lite-registration-lab/connector';
import { startFakeGigya } from 'gigya-lite-registration-lab/server';

const page = async (response) => ({ status: response.status, type: response.headers.get('content-type'), html: /^<!DOCTYPE html>/i.test(await response.text()) });

const gigya = await startFakeGigya();
const inspector = await page(await fetch(`${gigya.baseUrl}/__admin/ui`));
const health = await (await gigya.admin.health()).status;
await gigya.close();

const db = openConnectorDatabase(':memory:');
const connector = createConnectorApp({ db });
const playground = await page(await connector.app.request('/'));
await connector.close();
db.close();

console.log(JSON.stringify({ baseUrl: gigya.baseUrl, health, inspector, playground }));
