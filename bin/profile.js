#!/usr/bin/env node
// Thin shim: all logic lives in the built dist/. A published package ships dist/ (built by prepack);
// in a fresh clone, the first run builds it once, so `npm ci && npx profile ...` works as the README says.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/index.js', import.meta.url);
if (!existsSync(entry)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write('Building practice-profile once (dist/ is missing) ...\n');
  const r = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (r.status !== 0 || !existsSync(entry)) {
    process.stderr.write('practice-profile is not built: run `npm run build` in its folder.\n');
    process.exit(70);
  }
}
const { main } = await import(entry.href);
main(process.argv);
