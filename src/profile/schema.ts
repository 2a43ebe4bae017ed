// The profile model: the single source of truth for profile files, their types and their JSON Schema.
import { z } from 'zod';
import { isValidDay } from '../record/day.js';

/** Short, readable, stable ids: `ef2`, `relationships.confidentiality`, `close-to-proficient`. */
export const Id = z
  .string()
  .regex(
    /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/,
    'an id is lower-case letters, digits, "-" and "." (e.g. "ef2.timely-responses")',
  );

const Text = z.string().trim().min(1, 'must not be empty');

/** Free text such as "2014" or "2024-25" passes; a day (YYYY-MM-DD...) must be on the calendar (no 2026-02-30). */
function isRealDayIfDate(s: string): boolean {
  const day = /^(\d{4}-\d{2}-\d{2})(?![0-9])/.exec(s)?.[1];
  return !day || isValidDay(day);
}

/** Named colours a terminal can show; hex for the HTML report only. */
export const Colour = z.union([
  z.enum(['green', 'yellow', 'pink', 'red', 'orange', 'blue', 'cyan', 'teal', 'magenta', 'purple', 'grey']),
  z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is a name (green, yellow, pink, ...) or #rrggbb'),
]);

export const Level = z
  .strictObject({
    id: Id,
    label: Text,
    colour: Colour,
    score: z.number().int(),
    description: Text.optional().describe('The generic meaning of this level, used where a section has no descriptor'),
  })
  .describe('One level of the scale');

export const Scale = z.strictObject({
  target: Id.describe('The level id that counts as the target (reaching it or above is "at target")'),
  levels: z.array(Level).min(2).describe('Ordered from highest to lowest'),
});

/** A rubric cell: descriptor lines for one level, or "same as" another level. */
export const Descriptor = z.union([
  z.array(Text),
  z.strictObject({
    sameAs: Id.optional().describe('This level reads as the named level (e.g. proficient = exemplary)'),
    items: z.array(Text).optional(),
    stem: Text.optional(),
    note: Text.optional().describe('E.g. what part of the source could not be found'),
  }),
]);

export const ImprovementArea = z.strictObject({ id: Id, text: Text });

export const Criterion = z.strictObject({
  id: Id,
  number: z.union([z.string(), z.number()]).optional(),
  stem: Id.optional().describe("Key into the section's stems"),
  text: Text,
  calibration: Text.optional().describe('Shared-understanding note: what the item looks like in practice'),
  descriptors: z.record(Id, Descriptor).optional(),
});

export const Section = z.strictObject({
  id: Id,
  number: z.union([z.string(), z.number()]).optional(),
  title: Text,
  kind: Text.optional().describe('What the source calls a section, e.g. "Essential Function"'),
  stem: Text.optional().describe('Lead-in to the criteria, e.g. "The educator-coach ..."'),
  stems: z.record(Id, Text).optional().describe('Lettered stems that criteria refer to (Ohio A/B/C)'),
  criteria: z.array(Criterion).default([]),
  descriptors: z.record(Id, Descriptor).optional().describe('Rubric cells per level id'),
  improvementAreas: z.array(ImprovementArea).default([]),
  evidence: z.array(Text).optional(),
  note: Text.optional(),
});

export const Process = z.strictObject({
  rate: z.enum(['section', 'criterion']).describe('What a coach rates: each section or each criterion'),
  actionSteps: z
    .strictObject({ min: z.number().int().min(0), max: z.number().int().min(1) })
    .default({ min: 2, max: 3 }),
  steps: z.array(Text).optional().describe("The process in the source's words"),
});

export const ProfileRef = z
  .string()
  .regex(
    /^[a-z0-9]+(?:[-.][a-z0-9]+)*@[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'a profile reference is id@version, e.g. sbic@2014',
  );

export const ProfileSchema = z
  .strictObject({
    kind: z.literal('practice-profile'),
    id: Id,
    version: z.union([z.string(), z.number()]).transform(String),
    title: Text,
    subtitle: Text.optional(),
    status: z.enum(['complete', 'partial']).default('complete'),
    statusNote: Text.optional().describe('For a partial profile: what is missing and where to find it'),
    coachNote: Text.optional().describe(
      'For a partial profile: one or two plain sentences for a coach, shown before the first question of an assessment and at the top of a report: what is missing and what that means for their self-assessment (true in both places: the report shows the general meaning of each level once, in its scale, not under each item)',
    ),
    projectChoices: z
      .array(Text)
      .optional()
      .describe(
        "Values this file sets that the source does not give (colours, scores, target, action-step range, labels): the project's choices, shown as such",
      ),
    released: z
      .union([z.string(), z.number()])
      .transform(String)
      .refine(
        isRealDayIfDate,
        'not a calendar date (e.g. 2026-02-30); a date is YYYY-MM-DD, or write a year ("2014") or a school year ("2024-25")',
      )
      .optional()
      .describe('When this version was published, e.g. "2014" or "2024-25"'),
    source: z.strictObject({
      citation: Text,
      urls: z.array(Text).optional(),
    }),
    purpose: Text.optional(),
    foundation: Text.optional(),
    scale: Scale,
    process: Process,
    sections: z.array(Section).min(1),
    replaces: ProfileRef.optional().describe('The earlier version this one replaces'),
    crosswalk: z
      .record(Id, Id.nullable())
      .optional()
      .describe(
        'Earlier section, criterion or improvement-area id -> id in this version (null = no counterpart). Ids not listed keep their meaning; every earlier id that is not in this version must be listed (profile validate checks it).',
      ),
    levelCrosswalk: z
      .record(Id, Id.nullable())
      .optional()
      .describe(
        'Earlier level id -> level id in this version (null = no counterpart). Needed only when the scale changed.',
      ),
  })
  .describe('A practice profile, one file per version');

export type Profile = z.output<typeof ProfileSchema>;
export type ProfileInput = z.input<typeof ProfileSchema>;
export type Section = z.output<typeof Section>;
export type Criterion = z.output<typeof Criterion>;
export type Level = z.output<typeof Level>;
export type DescriptorT = z.output<typeof Descriptor>;
