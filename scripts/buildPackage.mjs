// Builds lib/, the package's compiled JavaScript and declarations (`npm run build:lib`, run by
// `npm pack` through prepack). The previous build is removed first, so a module deleted from the
// sources cannot linger in the package.
// node scripts/buildPackage.mjs [outdir]: the Docker build and the tests build elsewhere.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = process.argv[2] ?? 'lib';
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(resolve(root, outdir), { recursive: true, force: true });
const built = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outdir], { cwd: root, stdio: 'inherit' });
process.exit(built.status ?? 1);
