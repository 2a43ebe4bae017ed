// Days as a coach types them (YYYY-MM-DD), and what to say when one is not a day: a wrong shape gets an
// example, a right shape that is no day of the calendar (2027-02-30) is told so, with the month's length.

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A real calendar day in YYYY-MM-DD (so 2026-02-30 is refused). */
export function isValidDay(s: string): boolean {
  if (!SHAPE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** How many days `month` (1-12) of `year` has. */
function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why `s` is not a day, or undefined: `"31/01/2027" is not a date; a date looks like 2026-01-31` for a wrong
 * shape (what was typed, quoted, and the example), `2027-02-30 is not a day of the calendar (February 2027 has
 * 28 days)` for a right shape that names no day.
 */
export function dayProblem(s: string, example = '2026-01-31'): string | undefined {
  if (isValidDay(s)) return undefined;
  return noSuchDay(s, example) ?? `"${s}" is not a date; a date looks like ${example}`;
}

/**
 * `2027-02-30 is not a day of the calendar (February 2027 has 28 days)` when `s` has the shape of a day
 * (YYYY-MM-DD) but names none; undefined for a real day or another shape.
 */
export function noSuchDay(s: string, example = '2026-01-31'): string | undefined {
  const m = SHAPE.exec(s);
  if (!m || isValidDay(s)) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12)
    return `${s} is not a day of the calendar (there is no month ${m[2]}: months go from 01 to 12, as in ${example})`;
  const n = daysIn(year, month);
  return `${s} is not a day of the calendar (${MONTHS[month - 1]} ${m[1]} has ${day === 0 ? `days 01 to ${n}` : `${n} days`})`;
}
