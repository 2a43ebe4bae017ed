// A seeded, realistic corpus of record files across the shipped profiles, for tests and the benchmark.
// Plain JS so both vitest and `node test/bench/bench.mjs` can use it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, seeded. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SBIC_LEVELS = ['exemplary', 'proficient', 'close-to-proficient', 'far-from-proficient'];
export const PROFILES = {
  'sbic@2014': {
    levels: SBIC_LEVELS,
    items: ['relationships', 'improvement-process', 'timely-communication', 'solution-dialogue'],
    areas: [],
  },
  'sbic@2024': {
    levels: SBIC_LEVELS,
    items: ['relationships', 'feedback', 'coaching-plan', 'solution-dialogue', 'progress-monitoring'],
    areas: [],
  },
  'ohio-process-coaching@3.15': {
    levels: ['green', 'yellow', 'pink'],
    items: [
      'communication.method',
      'communication.rapport',
      'communication.pausing',
      'communication.paraphrasing',
      'communication.positive-intention',
      'communication.questioning',
      'communication.feedback-goals',
      'communication.feedback-assumptions',
      'communication.feedback-success',
    ],
    areas: [
      'communication.methods-range',
      'communication.relationship-building',
      'communication.active-listening',
      'communication.powerful-questioning',
      'communication.positive-intent',
      'communication.change-feedback',
    ],
  },
};
export const TARGET_RANK = { 'sbic@2014': 1, 'sbic@2024': 1, 'ohio-process-coaching@3.15': 0 };
const REGIONS = {
  Southeast: ['Cape R-II', 'Poplar Bluff', 'Sikeston'],
  Central: ['Columbia 93', 'Jefferson City'],
  Northwest: ['St. Joseph', 'Maryville R-II', 'Savannah'],
};
const STATUSES = ['planned', 'in-progress', 'done'];

function uuid(rng) {
  const h = () => Math.floor(rng() * 16).toString(16);
  const s = (n) => Array.from({ length: n }, h).join('');
  return `${s(8)}-${s(4)}-4${s(3)}-a${s(3)}-${s(12)}`;
}

/** One complete record as a plain object (what the YAML says). */
export function makeRecord(rng, i) {
  const refs = Object.keys(PROFILES);
  const ref = refs[rng() < 0.5 ? 1 : rng() < 0.5 ? 0 : 2];
  const p = PROFILES[ref];
  const regions = Object.keys(REGIONS);
  const region = regions[Math.floor(rng() * regions.length)];
  const district = REGIONS[region][Math.floor(rng() * REGIONS[region].length)];
  const group = { state: 'MO', region };
  if (rng() < 0.93) group.district = district; // some forms leave the district blank
  const ratings = {};
  for (const it of p.items)
    ratings[it] = p.levels[Math.min(p.levels.length - 1, Math.floor(rng() * rng() * p.levels.length * 1.6))];
  const below = p.items.filter((it) => p.levels.indexOf(ratings[it]) > TARGET_RANK[ref]);
  const priorities = below.filter(() => rng() < 0.6).slice(0, 3);
  const improvementAreas = p.areas.filter(() => rng() < 0.3);
  if (rng() < 0.2) improvementAreas.push({ text: `Own area ${Math.floor(rng() * 4)}` });
  const steps = 2 + Math.floor(rng() * 2);
  const actionSteps = Array.from({ length: steps }, (_, k) => ({
    text: `Step ${k} of coach ${i}`,
    status: STATUSES[Math.floor(rng() * 3)],
  }));
  return {
    id: uuid(rng),
    profile: ref,
    date: '2025-09-14',
    cycle: '2025-26 baseline',
    group,
    respondent: `Coach Person${i}`,
    ratings,
    notes: { [p.items[0]]: `Private note ${i}` },
    improvementAreas,
    priorities,
    actionSteps,
  };
}

const q = (s) => JSON.stringify(s);

export function recordYaml(r, status = 'complete') {
  let y = `kind: practice-profile-record\nformat: 1\nid: ${r.id}\nprofile: ${r.profile}\nstatus: ${status}\ndate: ${r.date}\ncycle: ${r.cycle}\ngroup:\n`;
  for (const [k, v] of Object.entries(r.group)) y += `  ${k}: ${q(v)}\n`;
  y += `respondent: ${r.respondent}\nratings:\n`;
  for (const [k, v] of Object.entries(r.ratings)) y += `  ${k}: ${v}\n`;
  y += `notes:\n`;
  for (const [k, v] of Object.entries(r.notes)) y += `  ${k}: ${q(v)}\n`;
  if (r.improvementAreas.length) {
    y += `improvementAreas:\n`;
    for (const a of r.improvementAreas) y += typeof a === 'string' ? `  - ${a}\n` : `  - text: ${q(a.text)}\n`;
  }
  if (r.priorities.length) y += `priorities: [${r.priorities.join(', ')}]\n`;
  y += `actionSteps:\n`;
  for (const s of r.actionSteps) y += `  - text: ${q(s.text)}\n    status: ${s.status}\n`;
  return y;
}

/** Write `n` records below `dir` (1000 per subfolder); `keep` receives each record object (tests). */
export function writeCorpus(dir, n, seed, keep) {
  const rng = prng(seed);
  for (let i = 0; i < n; i++) {
    const sub = join(dir, `batch-${String(Math.floor(i / 1000)).padStart(3, '0')}`);
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const r = makeRecord(rng, i);
    writeFileSync(join(sub, `rec-${i}.yaml`), recordYaml(r));
    keep?.(r);
  }
}
