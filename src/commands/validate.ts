// `profile validate [paths...]`: check profile and record files, every problem as file:line:col.
import { Command } from 'commander';
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { EXIT } from '../errors.js';
import { globalOpts, writeOut } from './shared.js';
import { helpText } from './help-text.js';

export function validateCommand(): Command {
  return new Command('validate')
    .description('check profile and record files (folders are searched recursively); the kind is detected')
    .argument('[paths...]', 'files or folders (default: every profile folder in use)')
    .option('--json', 'machine-readable output')
    .option('--strict', 'warnings count as problems too (exit 1)')
    .addHelpText(
      'after',
      helpText(`
Every problem is printed on stdout as  file:line:col  error|warning  message  (then a hint).
Exit codes: 0 no problems, 1 problems found, 2 usage error (e.g. a path that does not exist).

Examples:
  $ profile validate                       all profiles in use
  $ profile validate profiles/sbic/2024.yaml
  $ profile validate records/ --json`),
    )
    .action(async (paths: string[], opts: { json?: boolean; strict?: boolean }, cmd: Command) => {
      const { loadRegistry, warnSkipped } = await import('../profile/registry.js');
      const { expandPaths } = await import('../validate/files.js');
      const { validateFiles } = await import('../validate/validate.js');
      const registry = loadRegistry({ ...globalOpts(cmd), quiet: true });
      const { files, skipped } = expandPaths(paths.length ? paths : registry.dirs.filter((d) => existsDir(d)));
      // Profile files in use that are skipped and not checked in this run: said once, as other commands do.
      warnSkipped(registry, files);
      const result = validateFiles(files, registry);
      if (skipped.length) {
        result.files.push(...skipped.map((d) => ({ file: d.file, kind: 'unknown' as const, diagnostics: [d] })));
        result.warnings += skipped.length;
      }
      const failed = result.errors > 0 || (opts.strict && result.warnings > 0);
      if (opts.json) {
        writeOut(`${JSON.stringify({ ok: !failed, ...result }, null, 2)}\n`);
      } else {
        const { formatDiagnostic } = await import('../ui/diagnostics.js');
        const { colours } = await import('../ui/colour.js');
        for (const f of result.files) {
          // On stdout, as eslint and tsc print theirs: `profile validate | less` and CI logs show them.
          for (const d of f.diagnostics)
            writeOut(`${formatDiagnostic({ ...d, file: display(d.file) }, colours().out)}\n`);
        }
        // With --strict a warning fails the run, so a file with one is not "ok" in the line either.
        const failing = (d: { severity: string }) => d.severity === 'error' || (opts.strict ?? false);
        const bad = result.files.filter((f) => f.diagnostics.some(failing)).length;
        const summary = opts.strict
          ? `${files.length} file(s) checked: ${files.length - bad} ok, ${bad} with problems; ${result.errors + result.warnings} error(s)${result.warnings ? ` (${result.warnings} of them warnings, which --strict counts as errors)` : ''}`
          : `${files.length} file(s) checked: ${files.length - bad} ok, ${bad} with errors; ${result.errors} error(s), ${result.warnings} warning(s)`;
        writeOut(`${summary}\n`);
      }
      if (failed) process.exitCode = EXIT.problems;
    });
}

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

function existsDir(d: string): boolean {
  try {
    return statSync(d).isDirectory();
  } catch {
    return false;
  }
}
