// JSON Schema for editors, generated from the zod schemas (the single source of truth).
import { z } from 'zod';
import { ProfileSchema } from './profile/schema.js';
import { RecordSchema } from './record/schema.js';

export const SCHEMA_KINDS = ['profile', 'record'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

export function jsonSchema(kind: SchemaKind): Record<string, unknown> {
  const schema = kind === 'profile' ? ProfileSchema : RecordSchema;
  // "input": what a person writes in the file (before defaults and transforms are applied).
  const out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: out.$schema,
    // A name, not an address: nothing to fetch, so no editor waits on a URL that does not resolve. Editors
    // find the file through a modeline or `yaml.schemas` (see `profile schema --help`).
    $id: `urn:practice-profile:schema:${kind}`,
    title: kind === 'profile' ? 'Practice profile (one version)' : 'Practice-profile record (format 1)',
    ...Object.fromEntries(Object.entries(out).filter(([k]) => k !== '$schema')),
  };
}

export function jsonSchemaText(kind: SchemaKind): string {
  return `${JSON.stringify(jsonSchema(kind), null, 2)}\n`;
}
