#!/usr/bin/env node
// The package bin: the fake's CLI, compiled into lib/ by `npm run build:lib` (npm pack runs it).
await import('../lib/server/main.js');
