// The hardening review's findings, on the built CLI: FIFOs and devices, a key flood, write errors,
// control characters, and what reading would change without a word.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, runCli, sandbox } from '../helpers/cli.js';

type Box = { cwd: string; env: NodeJS.ProcessEnv };
// A hang becomes a failure (signal SIGTERM) instead of a stuck suite.
const run = (args: string[], box: Box) => runCli(args, { ...box, timeout: 15_000 });
const record = (box: Box, name = 'r.yaml', dir = box.cwd) => {
  const f = join(dir, name);
  copyFileSync(fixture('assess', 'with-comments.yaml'), f);
  return f;
};
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'));
const hostile = (f: string) => fixture('hostile', f);
const ESC = '\x1b';

const isRoot = process.getuid?.() === 0;
const mounted: string[] = [];
/** A folder nobody can write to: chmod for a user; a read-only bind mount for root (chmod does not stop root). */
function readOnly(dir: string): boolean {
  if (!isRoot) {
    chmodSync(dir, 0o555);
    return true;
  }
  try {
    execFileSync('mount', ['--bind', dir, dir], { stdio: 'ignore' });
    mounted.push(dir);
    execFileSync('mount', ['-o', 'remount,ro,bind', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
/** A 64 KB drive, filled up (root only). */
function fullDisk(dir: string, prepare: (d: string) => void): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return false;
  }
  mounted.push(dir);
  prepare(dir);
  try {
    writeFileSync(join(dir, 'filler'), Buffer.alloc(1 << 20));
  } catch {
    /* full now */
  }
  return true;
}
afterAll(() => {
  for (const d of mounted.reverse()) execFileSync('umount', [d], { stdio: 'ignore' });
});

describe('one-file commands refuse a FIFO or a device at once', () => {
  const box = sandbox();
  const fifo = join(box.cwd, 'f.yaml');
  execFileSync('mkfifo', [fifo]);
  symlinkSync(fifo, join(box.cwd, 'link.yaml'));
  const cases: Array<[string, string[], number]> = [
    ['validate FIFO', ['validate', fifo], 1],
    ['validate link to a FIFO', ['validate', join(box.cwd, 'link.yaml')], 1],
    ['validate /dev/zero', ['validate', '/dev/zero'], 1],
    ['actions FIFO', ['actions', fifo, '--done', '1'], 2],
    ['actions /dev/zero', ['actions', '/dev/zero'], 2],
    ['assess --from FIFO', ['assess', '--from', fifo, '--yes', '--dir', box.cwd], 2],
    ['assess --answers FIFO', ['assess', 'ohio-process-coaching', '--answers', fifo, '--yes', '--dir', box.cwd], 2],
    ['assess --resume FIFO', ['assess', '--resume', fifo, '--yes', '--dir', box.cwd], 2],
    [
      'assess --answers /dev/zero',
      ['assess', 'ohio-process-coaching', '--answers', '/dev/zero', '--yes', '--dir', box.cwd],
      2,
    ],
  ];
  for (const [name, args, code] of cases) {
    it(name, () => {
      const t0 = Date.now();
      const r = run(args, box);
      expect(r.signal).toBeNull();
      expect(Date.now() - t0).toBeLessThan(5000);
      // validate prints its diagnostics on stdout (as eslint and tsc do); the other commands on stderr.
      expect(r.stdout + r.stderr).toMatch(/not a regular file \(a FIFO, socket or device\)/);
      expect(r.stdout + r.stderr).not.toMatch(/bug/);
      expect(r.code).toBe(code);
    });
  }
});

describe('a FIFO among the profiles (read by every command) hangs nothing', () => {
  it('profile list --profiles DIR reports it and goes on', () => {
    const box = sandbox();
    mkdirSync(join(box.cwd, 'p', 'x'), { recursive: true });
    execFileSync('mkfifo', [join(box.cwd, 'p', 'x', '1.yaml')]);
    const r = run(['--profiles', join(box.cwd, 'p'), 'list'], box);
    expect(r.signal).toBeNull();
    expect(r.stdout).toContain('sbic@2024');
    expect(r.stdout + r.stderr).toMatch(/x\/1\.yaml {2}error {2}cannot read: not a regular file/);
  });
});

describe('a key flood is refused within a second, like any bad file', () => {
  const box = sandbox();
  const dir = join(box.cwd, 'records');
  mkdirSync(dir);
  record(box, 'good.yaml', dir);
  // 86,000 group keys plus a comment: the comment sends the file past the fast reader to the full parser.
  writeFileSync(
    join(dir, 'flood.yaml'),
    `# hostile\nkind: practice-profile-record\ngroup:\n${Array.from({ length: 86_000 }, (_, i) => `  k${i}: v\n`).join('')}`,
  );
  // No comment: the fast reader would take it, and 170,000 list items cost it a second.
  const head = readFileSync(fixture('assess', 'with-comments.yaml'), 'utf8')
    .split('\nratings:')[0]
    .replace(/^#.*\n/, '');
  writeFileSync(join(dir, 'list.yaml'), `${head}\npriorities:\n${'  - a\n'.repeat(170_000)}`);
  it('summarize reports it as invalid and counts the rest', () => {
    const t0 = Date.now();
    const r = run(['summarize', dir, '--format', 'json', '--min-n', '3'], box);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/flood\.yaml:\d+:1 {2}error {2}more than 4000 lines, keys and brackets by line \d+/);
    expect(r.stderr).toMatch(/list\.yaml:\d+:1 {2}error {2}more than 4000 lines, keys and brackets/);
    expect(r.stderr).toMatch(/not counted: 2 invalid\n/);
  });
  it('validate and actions say so too', () => {
    expect(run(['validate', join(dir, 'flood.yaml')], box).stdout).toMatch(/more than 4000 lines, keys and brackets/);
    const a = run(['actions', join(dir, 'flood.yaml')], box);
    expect([a.code, a.stderr]).toEqual([2, expect.stringMatching(/more than 4000 lines, keys and brackets/)]);
  });
});

describe('write errors: a plain message, exit 1, no temp file left', () => {
  it.skipIf(isRoot && !canMount())(
    'a read-only folder: summarize --out, actions, assess --resume and a new assess',
    () => {
      const box = sandbox();
      const records = join(box.cwd, 'records');
      const ro = join(box.cwd, 'ro');
      mkdirSync(records);
      mkdirSync(ro);
      record(box, 'a.yaml', records);
      const rec = record(box, 'r.yaml', ro);
      const before = readFileSync(rec, 'utf8');
      writeFileSync(
        join(ro, 'draft.yaml'),
        readFileSync(fixture('assess', 'with-comments.yaml'), 'utf8').replace('status: complete', 'status: draft'),
      );
      expect(readOnly(ro)).toBe(true);

      const s = run(['summarize', records, '--out', join(ro, 'report.md'), '--format', 'md'], box);
      expect([s.code, s.stderr]).toEqual([
        1,
        expect.stringMatching(/error: cannot write .*report\.md: (permission denied|the drive is read-only)\n/),
      ]);
      const a = run(['actions', rec, '--done', '1'], box);
      expect([a.code, a.stderr]).toEqual([
        1,
        expect.stringMatching(/error: cannot write .*r\.yaml: (permission denied|the drive is read-only)\n/),
      ]);
      const d = run(
        [
          'assess',
          '--resume',
          join(ro, 'draft.yaml'),
          '--answers',
          fixture('assess', 'ohio-answers.yaml'),
          '--yes',
          '--dir',
          ro,
        ],
        box,
      );
      expect([d.code, d.stderr]).toEqual([
        1,
        expect.stringMatching(/cannot save the record in .*ro: (permission denied|the drive is read-only)\n/),
      ]);
      const n = run(
        ['assess', 'ohio-process-coaching', '--answers', fixture('assess', 'ohio-answers.yaml'), '--yes', '--dir', ro],
        box,
      );
      expect([n.code, n.stderr]).toEqual([
        1,
        expect.stringMatching(/cannot save the record in .*ro: (permission denied|the drive is read-only)\n/),
      ]);
      for (const r of [s, a, d, n]) expect(r.stderr).not.toMatch(/bug/);
      expect(readFileSync(rec, 'utf8')).toBe(before);
      expect(leftovers(ro)).toEqual([]);
    },
  );

  it.skipIf(!isRoot || !canMount())(
    'a full disk (a 64 KB drive, as root): the same, and not even an empty temp file',
    () => {
      const box = sandbox();
      const records = join(box.cwd, 'records');
      const full = join(box.cwd, 'full');
      mkdirSync(records);
      mkdirSync(full);
      for (let i = 0; i < 3; i++) record(box, `a${i}.yaml`, records);
      let rec = '';
      expect(fullDisk(full, (d) => (rec = record(box, 'r.yaml', d)))).toBe(true);
      const before = readFileSync(rec, 'utf8');
      const s = run(
        ['summarize', records, '--out', join(full, 'report.html'), '--format', 'html', '--min-n', '3'],
        box,
      );
      expect([s.code, s.stderr]).toEqual([
        1,
        expect.stringMatching(/error: cannot write .*report\.html: the disk is full\n/),
      ]);
      const a = run(['actions', rec, '--add', 'x'.repeat(200)], box);
      expect([a.code, a.stderr]).toEqual([
        1,
        expect.stringMatching(/error: cannot write .*r\.yaml: the disk is full\n/),
      ]);
      expect(readFileSync(rec, 'utf8')).toBe(before);
      expect(leftovers(full)).toEqual([]);
    },
  );
});

function canMount(): boolean {
  if (!isRoot) return false;
  const box = sandbox();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', box.cwd], { stdio: 'ignore' });
    execFileSync('umount', [box.cwd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('control characters never reach the terminal', () => {
  it('summarize: a file name with ESC, BEL and U+202E is shown escaped on stderr', () => {
    const box = sandbox();
    const dir = join(box.cwd, 'records');
    mkdirSync(dir);
    writeFileSync(
      join(dir, `evil${ESC}]0;TITLE\x07${ESC}[2J\u202Egpj.yaml`),
      'kind: practice-profile-record\nformat: 1\n',
    );
    const r = run(['summarize', dir], box);
    expect(r.stderr).not.toMatch(/[\x07\x1b\u202e]/);
    expect(r.stderr).toContain('evil\\e]0;TITLE\\x07\\e[2J\\u202Egpj.yaml');
  });
  it('validate: a key with ESC is escaped in the message', () => {
    const box = sandbox();
    const f = record(box);
    writeFileSync(f, readFileSync(f, 'utf8').replace('status: complete', 'status: complete\n"gr\\e[2Jeen": 1'));
    const v = run(['validate', f], box);
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).not.toMatch(/[\x07\x1b\r]/);
    expect(v.stdout).toContain('gr\\e[2Jeen');
  });
  it('actions lists a step with ESC and a lone CR escaped', () => {
    const box = sandbox();
    const f = record(box);
    writeFileSync(
      f,
      readFileSync(f, 'utf8').replace('Count to five before speaking', '"Count\\r\\e]0;pwned\\a \\u202Eevil"'),
    );
    const r = run(['actions', f], box);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\x07\x1b\r\u202e]/);
    expect(r.stdout).toContain('Count\\r\\e]0;pwned\\x07 \\u202Eevil');
  });
});

describe('no silent changes', () => {
  const box = sandbox();
  it('validate: __proto__ is an error, 0x1F/1e3/007 and invalid UTF-8 are warnings, UTF-16 an encoding error', () => {
    const p = run(['validate', hostile('proto-group.yaml')], box);
    expect([p.code, p.stdout]).toEqual([
      1,
      expect.stringMatching(/proto-group\.yaml:9:3 {2}error {2}the key "__proto__" is not allowed/),
    ]);
    const n = run(['validate', hostile('number-groups.yaml')], box);
    expect(n.code).toBe(0);
    expect(n.stdout).toMatch(/number-groups\.yaml:9:11 {2}warning {2}group region: 0x1F is read as the number 31/);
    expect(run(['validate', '--strict', hostile('number-groups.yaml')], box).code).toBe(1);
    const u = run(['validate', hostile('bad-utf8.yaml')], box);
    expect(u.stdout).toMatch(/bad-utf8\.yaml:10:16 {2}warning {2}not valid UTF-8 \(byte 0xE9\)/);
    const w = run(['validate', hostile('utf16.yaml')], box);
    expect([w.code, w.stdout]).toEqual([
      1,
      expect.stringMatching(/utf16\.yaml {2}error {2}cannot read: encoded as UTF-16, not UTF-8/),
    ]);
    expect(w.stdout + w.stderr).not.toMatch(/kind/);
  });
  it('summarize: the same, and 0x1F is not counted as a silent "31"', () => {
    const dir = join(box.cwd, 'records');
    mkdirSync(dir);
    for (const f of ['proto-group.yaml', 'number-groups.yaml', 'utf16.yaml', 'bad-utf8.yaml'])
      copyFileSync(hostile(f), join(dir, f));
    const r = run(['summarize', dir, '--by', 'region', '--format', 'json', '--min-n', '3'], box);
    // Invalid UTF-8 is counted (as validate reads it) but named, with the first bad byte.
    expect(r.stderr).toMatch(/bad-utf8\.yaml:10:16 {2}warning {2}not valid UTF-8 \(byte 0xE9\)/);
    expect(r.stderr).toMatch(/number-groups\.yaml:9:11 {2}warning {2}group region: 0x1F is read as the number 31/);
    expect(r.stderr).toMatch(/proto-group\.yaml:9:3 {2}error {2}the key "__proto__" is not allowed/);
    expect(r.stderr).toMatch(/utf16\.yaml {2}skipped {2}cannot read: encoded as UTF-16/);
  });
  it('actions and assess refuse invalid UTF-8 rather than write U+FFFD back', () => {
    const f = join(box.cwd, 'bad.yaml');
    copyFileSync(hostile('bad-utf8.yaml'), f);
    const before = readFileSync(f);
    const a = run(['actions', f, '--done', '1'], box);
    expect([a.code, a.stderr]).toEqual([2, expect.stringMatching(/not valid UTF-8 \(byte 0xE9\).*not changed/)]);
    expect(readFileSync(f).equals(before)).toBe(true);
    const s = run(['assess', '--from', f, '--yes', '--dir', join(box.cwd, 'out')], box);
    expect([s.code, s.stderr]).toEqual([2, expect.stringMatching(/not valid UTF-8/)]);
  });
  it('assess --answers refuses a __proto__ key (its answer would be dropped without a word)', () => {
    const f = join(box.cwd, 'answers.yaml');
    writeFileSync(f, 'ratings:\n  __proto__: green\n');
    const out = join(box.cwd, 'proto-out');
    const s = run(['assess', 'ohio-process-coaching', '--answers', f, '--yes', '--dir', out], box);
    expect([s.code, s.stderr]).toEqual([
      2,
      expect.stringMatching(/answers\.yaml:2:3: --answers: the key "__proto__" is not allowed/),
    ]);
  });
});
