// The package as users get it: npm pack, a global install from the tarball, `profile --help` from another
// folder; the build hook that keeps `npx profile` fast; engines that match the dependencies.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const npm = (args: string[], cwd: string, timeout = 240_000) => {
  const r = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('npm pack and a global install', () => {
  it('the tarball installs globally and runs from another folder, with its profiles and schemas', {
    timeout: 300_000,
  }, () => {
    const dest = tmp('pp-pack-');
    // dist/ was built by `npm test`'s pretest; --ignore-scripts keeps prepack from rebuilding it under
    // the feet of the other test files that are running the CLI at the same time.
    const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dest], ROOT);
    expect(packed.code, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = info.files.map((f) => f.path);
    for (const f of [
      'LICENSE',
      'README.md',
      'bin/profile.js',
      'dist/index.js',
      'profiles/sbic/2024.yaml',
      'templates/profile.yaml',
      'templates/schema/profile.schema.json',
    ])
      expect(files).toContain(f);
    // The README's picture only, so the README shown from the package has no broken image.
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([
      'test/screenshots/summary-html.png',
    ]);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const [, img] of readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g))
      if (!/^[a-z]+:/i.test(img)) expect(files, `README image ${img}`).toContain(img);

    const prefix = tmp('pp-global-');
    const installed = npm(
      ['install', '-g', join(dest, info.filename), '--prefix', prefix, '--prefer-offline'],
      tmpdir(),
    );
    expect(installed.code, installed.stderr).toBe(0);
    const bin = join(prefix, 'bin', 'profile');
    const elsewhere = tmp('pp-elsewhere-');
    const help = spawnSync(bin, ['--help'], {
      cwd: elsewhere,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('Usage: profile');
    expect(help.stdout).toContain('Examples:');
    const list = spawnSync(bin, ['list', '--json'], { cwd: elsewhere, encoding: 'utf8' });
    expect(JSON.parse(list.stdout).profiles.map((p: { ref: string }) => p.ref)).toEqual([
      'ohio-process-coaching@3.15',
      'sbic@2014',
      'sbic@2024',
    ]);
    const schema = spawnSync(bin, ['schema', '--write', 'schema'], { cwd: elsewhere, encoding: 'utf8' });
    expect(schema.status).toBe(0);
    expect(readdirSync(join(elsewhere, 'schema')).sort()).toEqual(['profile.schema.json', 'record.schema.json']);
  });
});

describe('a fresh clone (README quick start: npm ci && npx profile ...)', () => {
  it('the first run builds dist/ once, since npm ci no longer does (prepack, not prepare)', {
    timeout: 300_000,
  }, () => {
    const clone = tmp('pp-clone-');
    // The committed tree without dist/ (git archive), with the installed node_modules.
    const files = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .stdout.split('\0')
      .filter(Boolean);
    for (const f of files.filter(
      (f) =>
        f.startsWith('src/') ||
        f.startsWith('bin/') ||
        f.startsWith('profiles/') ||
        ['package.json', 'tsconfig.json'].includes(f),
    )) {
      mkdirSync(dirname(join(clone, f)), { recursive: true });
      copyFileSync(join(ROOT, f), join(clone, f));
    }
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
    expect(existsSync(join(clone, 'dist'))).toBe(false);
    const first = spawnSync(process.execPath, [join(clone, 'bin/profile.js'), 'list'], {
      cwd: clone,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('Building practice-profile once');
    expect(first.stdout).toContain('sbic@2024');
    const second = spawnSync(process.execPath, [join(clone, 'bin/profile.js'), '--version'], {
      cwd: clone,
      encoding: 'utf8',
    });
    expect(second.stderr).toBe('');
    expect(second.stdout.trim()).toBe(pkg.version);
  });
});

describe('package.json', () => {
  it('builds on prepack (npm pack/publish), not prepare (which made the first `npx profile` rebuild)', () => {
    expect(pkg.scripts.prepack).toBe('npm run build');
    expect(pkg.scripts.prepare).toBeUndefined();
    expect(pkg.scripts['test:unit']).toMatch(/vitest run .*test\/unit/);
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  // A small reader for the engines ranges npm packages use: "^20.17.0 || >=22.9.0", ">= 14.6", "10.* || >= 12.*".
  const parse = (v: string) => v.replace(/\.\*$/, '').split('.').map(Number);
  const cmp = (a: number[], b: number[]) => {
    for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
    return 0;
  };
  const satisfies = (v: number[], range: string) =>
    range.split('||').some((part) =>
      part
        .trim()
        .replace(/(>=|<=|>|<|\^)\s+/g, '$1')
        .split(/\s+/)
        .every((c) => {
          const m = /^(>=|<=|>|<|\^)?(.+)$/.exec(c)!;
          const w = parse(m[2]);
          if (m[1] === '>=') return cmp(v, w) >= 0;
          if (m[1] === '>') return cmp(v, w) > 0;
          if (m[1] === '<') return cmp(v, w) < 0;
          if (m[1] === '<=') return cmp(v, w) <= 0;
          if (m[1] === '^') return v[0] === w[0] && cmp(v, w) >= 0;
          return w.every((x, i) => v[i] === x); // "10.*" or "20"
        }),
    );
  it('engines.node admits only Node versions every runtime dependency supports', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; engines?: { node?: string } }>;
    };
    const ranges = Object.entries(lock.packages)
      .filter(([k, p]) => k && !p.dev && p.engines?.node)
      .map(([k, p]) => [k, p.engines!.node!] as const);
    expect(ranges.length).toBeGreaterThan(5);
    const probes: number[][] = [];
    for (let major = 18; major <= 26; major++) for (let minor = 0; minor <= 25; minor++) probes.push([major, minor, 0]);
    const ours = probes.filter((v) => satisfies(v, pkg.engines.node));
    expect(ours.length).toBeGreaterThan(0);
    const bad = ours.flatMap((v) =>
      ranges.filter(([, r]) => !satisfies(v, r)).map(([k, r]) => `${v.join('.')}: ${k} needs ${r}`),
    );
    expect(bad).toEqual([]);
    // The check itself: the old ">=20.17" let in Node 22.0, which @inquirer/prompts does not support.
    expect(satisfies([22, 0, 0], '>=20.17') && !satisfies([22, 0, 0], '>=23.5.0 || ^22.13.0 || ^20.17.0')).toBe(true);
  });
});
