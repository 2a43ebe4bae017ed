// Record format 1: one file per submission, written by `profile assess`. A later format must still read these.
import { z } from 'zod';
import { Id, ProfileRef } from '../profile/schema.js';
import { isValidDay, noSuchDay } from './day.js';

export const RECORD_KIND = 'practice-profile-record';
export const RECORD_FORMAT = 1;

/** A real calendar day: 2026-02-30 matches the pattern but is no day, and the message says which month is short. */
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')
  .refine(isValidDay, {
    error: (iss) => noSuchDay(String(iss.input)) ?? 'not a calendar date (e.g. 2026-02-30); a date is YYYY-MM-DD',
  });
const Text = z.string().trim().min(1, 'must not be empty');

export const ActionStep = z.strictObject({
  text: Text,
  for: Id.optional().describe('The priority (rated item id) this step addresses'),
  due: Day.optional(),
  status: z.enum(['planned', 'in-progress', 'done']).default('planned'),
  done: Day.optional().describe('The day the step was done'),
  progress: z
    .array(z.strictObject({ date: Day, text: Text }))
    .optional()
    .describe('Dated progress notes, oldest first'),
});

export const ImprovementAreaAnswer = z.union([Id, z.strictObject({ text: Text })]);

export const RecordSchema = z
  .strictObject({
    kind: z.literal(RECORD_KIND),
    format: z.literal(RECORD_FORMAT),
    id: z
      .string()
      .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'id must be a UUID'),
    profile: ProfileRef,
    status: z.enum(['complete', 'draft']),
    date: Day,
    cycle: Text.optional(),
    group: z
      .record(
        z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'a group key is a word such as region or district'),
        z.union([Text, z.number().transform(String)]),
      )
      .optional(),
    respondent: Text.optional(),
    updated: z
      .string()
      .regex(
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
        'updated is a date and time, e.g. 2026-01-15T10:30:00Z',
      )
      .optional()
      .describe(
        'When the record was last changed (written by assess and actions). A resent copy with a later updated replaces the earlier one in summaries.',
      ),
    ratings: z.record(Id, Id).default({}),
    notes: z.record(Id, Text).optional(),
    improvementAreas: z.array(ImprovementAreaAnswer).optional(),
    priorities: z.array(Id).optional(),
    actionSteps: z.array(ActionStep).optional(),
  })
  .describe('A practice-profile record (format 1)');

export type PracticeRecord = z.output<typeof RecordSchema>;
export type RecordInput = z.input<typeof RecordSchema>;
export type ActionStepT = z.output<typeof ActionStep>;
