#!/usr/bin/env node
// The package bin: runs the TypeScript CLI through tsx, so there is no build step to forget.
import { register } from 'tsx/esm/api';

register();
await import('../server/main.ts');
