// Generated but realistic states of coaches, for the privacy audit and the utility measure (issue 8):
//   realistic: 9 regions, about 70 districts with heavy-tailed sizes (most 1-4 coaches, some 5-9, a few
//              20-35), two cycles (a baseline and an end-of-year review of the same coaches, most of whom
//              answer both), 4% of records without a district, a few district names typed in another case,
//              and a few coaches who sent two records in one cycle;
//   small:     80 records, 3 regions, 6 districts, two cycles, sbic@2024 and Ohio.
// Ratings follow a district effect and improve from baseline to end of year.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROFILES, prng, recordYaml } from './corpus.mjs';

export const CYCLES = ['2025-26 baseline', '2025-26 end of year'];
const REGIONS = [
  'Central',
  'Kansas City',
  'Northeast',
  'Northwest',
  'South Central',
  'Southeast',
  'Southwest',
  'St. Louis',
  'West Central',
];

function uuid(rng) {
  const h = () => Math.floor(rng() * 16).toString(16);
  const s = (n) => Array.from({ length: n }, h).join('');
  return `${s(8)}-${s(4)}-4${s(3)}-a${s(3)}-${s(12)}`;
}

/** District sizes (coaches): most 1-4, some 5-9, a few 20-35. */
function districtSizes(rng, count) {
  return Array.from({ length: count }, () => {
    const u = rng();
    if (u < 0.68) return 1 + Math.floor(rng() * 4);
    if (u < 0.88) return 5 + Math.floor(rng() * 5);
    if (u < 0.93) return 10 + Math.floor(rng() * 10);
    return 20 + Math.floor(rng() * 16);
  });
}

/** A level for one item: the district's tendency plus noise; higher at the end of the year. */
function level(rng, levels, lean, cycle) {
  const x = rng() * 0.9 + lean - 0.45 * cycle + (rng() - 0.5) * 0.35;
  const k = Math.max(0, Math.min(levels.length - 1, Math.floor(x * levels.length)));
  return levels[k];
}

function coachRecord(rng, coach, cycleIdx, date) {
  const p = PROFILES[coach.profile];
  const ratings = {};
  for (const it of p.items) ratings[it] = level(rng, p.levels, coach.lean, cycleIdx);
  const target = coach.profile.startsWith('ohio') ? 0 : 1;
  const below = p.items.filter((it) => p.levels.indexOf(ratings[it]) > target);
  const steps = 2 + Math.floor(rng() * 2);
  const statuses = cycleIdx ? ['done', 'done', 'in-progress'] : ['planned', 'planned', 'in-progress'];
  return {
    id: uuid(rng),
    profile: coach.profile,
    date,
    cycle: CYCLES[cycleIdx],
    group: { state: 'MO', region: coach.region, ...(coach.district ? { district: coach.district } : {}) },
    respondent: coach.name,
    ratings,
    notes: { [p.items[0]]: `Private note of ${coach.name}` },
    improvementAreas: p.areas.filter(() => rng() < 0.3),
    priorities: below.filter(() => rng() < 0.6).slice(0, 3),
    actionSteps: Array.from({ length: steps }, (_, k) => ({
      text: `Step ${k} of ${coach.name}`,
      status: statuses[Math.floor(rng() * 3)],
    })),
  };
}

/**
 * Write a state below `dir`; returns its coaches (with their district as the generator meant it) and
 * the records written, so tests can compute true values.
 */
export function writeState(dir, { seed = 1, kind = 'realistic' } = {}) {
  const rng = prng(seed);
  const coaches = [];
  if (kind === 'realistic') {
    let d = 0;
    REGIONS.forEach((region, ri) => {
      const count = ri < 7 ? 8 : 7; // 70 districts
      for (const size of districtSizes(rng, count)) {
        const district = `${region.split(' ')[0]} District ${++d}`;
        const lean = rng() * 0.5;
        for (let k = 0; k < size; k++)
          coaches.push({ name: `Coach ${coaches.length + 1}`, region, district, profile: 'sbic@2024', lean });
      }
    });
  } else {
    const districts = [
      ['Central', 'Columbia 93'],
      ['Central', 'Jefferson City'],
      ['Southeast', 'Cape R-II'],
      ['Southeast', 'Sikeston'],
      ['Northwest', 'St. Joseph'],
      ['Northwest', 'Maryville R-II'],
    ];
    for (let i = 0; i < 40; i++) {
      const [region, district] = districts[i % 6];
      coaches.push({
        name: `Coach ${i + 1}`,
        region,
        district,
        profile: i < 30 ? 'sbic@2024' : 'ohio-process-coaching@3.15',
        lean: rng() * 0.5,
      });
    }
  }
  const records = [];
  let file = 0;
  const put = (r) => {
    const sub = join(dir, r.cycle.replace(/\W+/g, '-'));
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `record-${file++}.yaml`), recordYaml(r));
    records.push(r);
  };
  for (const c of coaches) {
    if (kind === 'realistic') {
      if (rng() < 0.04)
        c.district = undefined; // the form's district left blank
      else if (rng() < 0.02) c.district = c.district.toUpperCase(); // typed in another case
    }
    put(coachRecord(rng, c, 0, '2025-09-15'));
    if (kind === 'realistic' && rng() < 0.03) put(coachRecord(rng, c, 0, '2025-10-01')); // sent again, later
    if (kind === 'small' || rng() < 0.92) put(coachRecord(rng, c, 1, '2026-05-20'));
  }
  return { coaches, records };
}
