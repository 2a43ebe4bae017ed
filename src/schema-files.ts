// Write the JSON Schemas into a folder (a maintainer's repository), replacing older copies atomically.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { replaceFileAtomic } from './atomic-write.js';
import { CliError, EXIT, fsErrorText } from './errors.js';
import { jsonSchemaText, type SchemaKind } from './json-schema.js';

export function writeSchemas(dir: string, kinds: SchemaKind[]): string[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new CliError(`--write: cannot make the folder ${dir}: ${fsErrorText(err)}`, EXIT.usage);
  }
  return kinds.map((kind) => {
    const file = join(dir, `${kind}.schema.json`);
    replaceFileAtomic(file, jsonSchemaText(kind), { mode: 0o644 });
    return file;
  });
}
