#!/usr/bin/env node
// The package bin: the fake's CLI, compiled into lib/ by `npm run build:lib` (npm pack runs it).
import { fileURLToPath } from 'node:url';

const cli = new URL('../lib/server/main.js', import.meta.url);
try {
  await import(cli.href);
} catch (error) {
  // In a clone nothing has built lib/ yet: say how, rather than a module-resolution stack.
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(fileURLToPath(cli))) throw error;
  console.error('fake-gigya cannot start: lib/ is not built yet: run `npm run build:lib` first');
  process.exit(1);
}
