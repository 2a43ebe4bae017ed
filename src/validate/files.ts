// The YAML files a user names: files as given, folders searched with the shared walk (links not followed out).
import { existsSync, statSync } from 'node:fs';
import { CliError, didYouMeanRecords, EXIT } from '../errors.js';
import { walkFolders } from '../scan.js';
import type { Diagnostic } from '../yaml-source.js';

export function expandPaths(paths: string[]): { files: string[]; skipped: Diagnostic[] } {
  const files: string[] = [];
  const skipped: Diagnostic[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new CliError(`not found: ${p}${didYouMeanRecords(p)}`, EXIT.usage);
    if (!statSync(p).isDirectory()) {
      files.push(p);
      continue;
    }
    for (const item of walkFolders([p])) {
      if (item.file !== undefined) files.push(item.file);
      else skipped.push({ file: item.skip.file, message: item.skip.message, severity: 'warning' });
    }
  }
  return { files, skipped };
}
