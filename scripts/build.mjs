// Builds dist/fake-gigya.mjs (or <outdir>/fake-gigya.mjs), the bundle `npm start` runs: one
// file with its dependencies (better-sqlite3 excepted, it is native), because resolving and
// compiling hundreds of modules is most of a cold start. Two substitutions keep code the fake
// never runs out of it (docs/performance.md, start-up):
// - node:http2, which @hono/node-server imports only to recognise HTTP/2 requests: the fake
//   serves HTTP/1.1, and loading Node's HTTP/2 stack costs ~20 ms of every start;
// - zod's ~40 translated error locales: the fake only ever uses the English one.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// node scripts/build.mjs [outdir]: the bundle must sit inside the repository, so that it finds
// better-sqlite3 in node_modules.
const outdir = process.argv[2] ?? 'dist';

const http2Stub = `
// Stands in for node:http2 in the bundle: no request is ever an HTTP/2 one here.
export class Http2ServerRequest {}
export const constants = { NGHTTP2_NO_ERROR: 0 };
`;

const unusedCode = {
  name: 'unused-code',
  setup(bundle) {
    bundle.onResolve({ filter: /^(node:)?http2$/ }, () => ({ path: 'http2', namespace: 'stub' }));
    bundle.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: http2Stub, loader: 'js' }));
    bundle.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.resolveDir.includes('/node_modules/zod/') ? { path: fileURLToPath(new URL('../locales/en.js', `file://${args.resolveDir}/`)), namespace: 'zod-locales' } : undefined,
    );
    bundle.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({ contents: `export { default as en } from ${JSON.stringify(args.path)};`, loader: 'js', resolveDir: '.' }));
  },
};

// Chunk names carry a content hash: drop the previous build's so they do not pile up.
rmSync(join(outdir, 'chunks'), { recursive: true, force: true });

await build({
  entryPoints: ['server/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  external: ['better-sqlite3'],
  // jose verifies bearer tokens only: a separate chunk, loaded on the first such call.
  splitting: true,
  outdir,
  entryNames: 'fake-gigya',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  plugins: [unusedCode],
  logLevel: 'warning',
});
