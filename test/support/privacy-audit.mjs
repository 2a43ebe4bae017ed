// Exact privacy audit of a summary's JSON (formatVersion 2), by integer programming (HiGHS).
//
// The attacker's view: every published number is a linear constraint on unknown counts per "atom" (the
// smallest set of records the tables tell apart: one leaf group of every table). Every listed group holds
// at least one person. For each set that might be smaller than min-n (a withheld group, an atom, the
// withheld subgroups of a shown group taken together), the audit asks the solver for the smallest and
// largest value each of its counts can take, and reports:
//   - pinned: a count of a possibly-small set with one possible value above 0 (its n, a level count, a
//     priority or improvement-area count; a priority needs a below-target rating of its item);
//   - same answer: a possibly-small set, or a shown group of fewer than 10, in which every member must
//     have given the same level;
//   - zero pins (information only): a possibly-small set known to have nobody at some level, which any
//     0 shown for a larger group implies.
// Plain JS so that vitest, the benchmark and `npm run audit:privacy` share it.
import { readFileSync } from 'node:fs';
import loadHighs from 'highs';
import { parse } from 'yaml';

let highsPromise;
const highs = () => (highsPromise ??= loadHighs());

const RANGE_BELOW_N = 10;
const STEP_STATUSES = ['planned', 'in-progress', 'done'];

/** Leaves of a table: listed groups whose subgroups are not listed. Each with its path of [key, value]. */
function tableGroups(total) {
  const groups = [];
  const visit = (g, path) => {
    const here = g.key === null ? path : [...path, [g.key, g.value]];
    const entry = { g, path: here, leaf: !g.groups?.length };
    groups.push(entry);
    for (const c of g.groups ?? []) visit(c, here);
  };
  visit(total, []);
  return groups;
}

const consistent = (paths) => {
  const seen = new Map();
  for (const p of paths) {
    for (const [k, v] of p) {
      if (seen.has(k) && seen.get(k) !== v) return false;
      seen.set(k, v);
    }
  }
  return true;
};

const isPrefix = (pre, path) =>
  pre.length <= path.length && pre.every(([k, v], i) => path[i][0] === k && path[i][1] === v);

/** Atoms: one leaf of every table, where the leaves agree on every key they share. */
function buildAtoms(tables) {
  let combos = [[]];
  for (const t of tables) {
    const leaves = t.groups.filter((e) => e.leaf);
    const next = [];
    for (const c of combos)
      for (const l of leaves) if (consistent([...c.map((x) => x.path), l.path])) next.push([...c, l]);
    combos = next;
  }
  return combos;
}

class Model {
  constructor() {
    this.vars = new Map();
    this.rows = [];
  }
  v(name, lo = 0, hi = Infinity) {
    if (!this.vars.has(name)) this.vars.set(name, { lo, hi });
    return name;
  }
  /** terms: [[coef, var]], op: '=', '>=', '<=' */
  add(terms, op, rhs) {
    if (terms.length) this.rows.push({ terms, op, rhs });
  }
  lp(objTerms, sense) {
    const t = (terms) => terms.map(([c, v]) => `${c >= 0 ? '+' : '-'} ${Math.abs(c)} ${v}`).join(' ');
    const first = [...this.vars.keys()][0];
    let s = `${sense === 'max' ? 'Maximize' : 'Minimize'}\n obj: ${objTerms.length ? t(objTerms) : `0 ${first}`}\nSubject To\n`;
    this.rows.forEach((r, i) => (s += ` c${i}: ${t(r.terms)} ${r.op} ${r.rhs}\n`));
    s += 'Bounds\n';
    for (const [n, b] of this.vars) s += ` ${b.lo} <= ${n}${b.hi === Infinity ? '' : ` <= ${b.hi}`}\n`;
    s += `Generals\n ${[...this.vars.keys()].join(' ')}\nEnd\n`;
    return s;
  }
}

/**
 * A model loaded once into HiGHS; each question only changes the objective. Integer solves cost
 * milliseconds each, so most questions are answered from a pool of integer solutions found with random
 * objectives (a count that takes two values there is not pinned), and only the rest get exact min/max.
 */
class Solver {
  constructor(h, model) {
    this.h = h;
    this.names = [...model.vars.keys()];
    this.m = h.createModel({ format: 'lp', data: model.lp([], 'min') });
    this.m.options.set({ output_flag: false, mip_detect_symmetry: false, mip_rel_gap: 0 });
    this.col = new Map(this.names.map((n) => [n, this.m.getColByName(n)]));
    this.cols = this.m.getDimensions().numCols;
    this.pool = [];
  }
  solve(objTerms, sense) {
    const costs = new Float64Array(this.cols);
    for (const [c, v] of objTerms) costs[this.col.get(v)] += c;
    this.m.changeColsCost({ kind: 'range', from: 0, to: this.cols - 1 }, costs);
    this.m.changeObjectiveSense(
      sense === 'max' ? this.h.constants.objectiveSense.maximize : this.h.constants.objectiveSense.minimize,
    );
    this.m.run();
    const st = this.m.getModelStatus();
    if (st !== this.h.constants.modelStatus.optimal) throw new Error(`audit: solver status ${st}`);
    const x = this.m.getSolution().colValue;
    this.pool.push(Float64Array.from(x, Math.round));
    return Math.round(this.m.getObjectiveValue());
  }
  /** Fill the pool with integer solutions for random objectives. */
  sample(k, rng) {
    for (let i = 0; i < k; i++)
      this.solve(
        this.names.map((n) => [rng() * 2 - 1, n]),
        'max',
      );
  }
  value(sol, terms) {
    let v = 0;
    for (const [c, n] of terms) v += c * sol[this.col.get(n)];
    return Math.round(v);
  }
  /** [min, max] of a linear quantity; from the pool when it already varies there. */
  range(terms) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const sol of this.pool) {
      const v = this.value(sol, terms);
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (hi > lo) return [lo, hi, false];
    return [this.solve(terms, 'min'), this.solve(terms, 'max'), true];
  }
  dispose() {
    this.m.dispose();
  }
}

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Audit one report (profile version x cycle) of a summary. */
async function auditReport(summary, report, out, opts) {
  const minN = summary.minN;
  const tables = report.tables.map((t) => ({ by: t.by, groups: tableGroups(t.total) }));
  const atoms = buildAtoms(tables);
  const A = atoms.map((_, i) => `a${i}`);
  const members = (ti, entry) => atoms.flatMap((c, i) => (isPrefix(entry.path, c[ti].path) ? [i] : []));
  // Every listed group, once per distinct set of atoms.
  const sets = new Map();
  const addSet = (idx, label, shownN) => {
    const key = idx.join(',');
    const s = sets.get(key);
    if (s) {
      if (shownN !== null && shownN !== undefined) s.shownN = shownN;
      return s;
    }
    const e = { idx, label, shownN: shownN ?? null, groups: [] };
    sets.set(key, e);
    return e;
  };
  tables.forEach((t, ti) => {
    for (const e of t.groups) {
      const s = addSet(
        members(ti, e),
        `${t.by.join('>') || 'total'}: ${e.path.map(([k, v]) => `${k}=${v}`).join(' / ') || 'everyone'}`,
        e.g.n,
      );
      s.groups.push(e.g);
      // The withheld subgroups of a shown group, taken together.
      const hidden = (e.g.groups ?? []).filter((c) => c.n === null);
      if (e.g.n !== null && hidden.length) {
        const idx = [
          ...new Set(
            hidden.flatMap((c) =>
              members(
                ti,
                t.groups.find((x) => x.g === c),
              ),
            ),
          ),
        ].sort((a, b) => a - b);
        addSet(
          idx,
          `${t.by.join('>')}: withheld subgroups of ${e.path.map(([k, v]) => `${k}=${v}`).join(' / ') || 'everyone'}`,
          null,
        );
      }
    }
  });
  atoms.forEach((_, i) =>
    addSet(
      [i],
      `atom ${atoms[i].map((l) => l.path.map(([k, v]) => `${k}=${v}`).join('/')).join(' & ') || 'everyone'}`,
      null,
    ),
  );

  const levels = [...report.levels.map((l) => l.id), 'not-rated'];
  const atOrAbove = report.levels.slice(0, report.levels.findIndex((l) => l.id === report.target) + 1).map((l) => l.id);

  /** The n-part of every model: atom sizes, listed groups non-empty, shown n exact. */
  const base = (m) => {
    // A report whose total is withheld publishes no size: bound atoms anyway so that "max" stays finite.
    A.forEach((a) => m.v(a, 0, 1e6));
    for (const s of sets.values()) {
      if (!s.groups.length) continue;
      const terms = s.idx.map((i) => [1, A[i]]);
      if (s.shownN !== null) m.add(terms, '=', s.shownN);
      else m.add(terms, '>=', 1);
    }
  };
  const h = await highs();
  const rng = prng(1);
  const nModel = new Model();
  base(nModel);
  const nSolver = new Solver(h, nModel);
  nSolver.sample(8, rng);
  const nRange = new Map();
  for (const [key, s] of sets) {
    const terms = s.idx.map((i) => [1, A[i]]);
    const [lo, hi] = s.shownN !== null ? [s.shownN, s.shownN] : nSolver.range(terms);
    nRange.set(key, [lo, hi]);
    out.checked++;
    if (lo === hi && lo > 0 && lo < minN)
      out.leaks.push({ report: report.profile, cycle: report.cycle, set: s.label, what: 'n', value: lo });
  }
  nSolver.dispose();
  const possiblySmall = [...sets].filter(([key]) => nRange.get(key)[0] < minN);
  const smallShown = [...sets].filter(([, s]) => s.shownN !== null && s.shownN < RANGE_BELOW_N && s.shownN >= minN);

  // One model per rating row: atom sizes + that row's counts per atom.
  for (const item of report.items.map((i) => i.id)) {
    for (const link of [true, false]) {
      if (await auditItem(item, link)) break;
      // Infeasible with the link: some record prioritises an item rated at target (validate warns of
      // it), so a reader cannot rely on the link either; audit without it.
      out.notes.push(
        `${report.profile} ${item}: a priority at target in the data; audited without the priority-rating link`,
      );
    }
  }
  async function auditItem(item, link) {
    const m = new Model();
    base(m);
    const X = (i, l) => m.v(`x${i}_${levels.indexOf(l)}`);
    const P = (i) => m.v(`p${i}`);
    const below = levels.filter((l) => l !== 'not-rated' && !atOrAbove.includes(l));
    A.forEach((a, i) => m.add([...levels.map((l) => [1, X(i, l)]), [-1, a]], '=', 0));
    // Only an item rated below target can be a priority: p <= below-target count, in every atom.
    A.forEach((a, i) => m.add([[1, P(i)], ...(link ? below.map((l) => [-1, X(i, l)]) : [[-1, a]])], '<=', 0));
    for (const s of sets.values()) {
      for (const g of s.groups) {
        const pv = g.priorities?.counts?.[item];
        if (pv !== undefined && pv !== null)
          m.add(
            s.idx.map((i) => [1, P(i)]),
            '=',
            pv,
          );
        const it = g.items?.find((x) => x.id === item);
        if (!it) continue;
        if (it.levels)
          for (const l of levels)
            m.add(
              s.idx.map((i) => [1, X(i, l)]),
              '=',
              it.levels[l],
            );
        else if (it.shareRange) {
          // min * rated <= at-or-above <= max * rated
          const rated = (k) => s.idx.flatMap((i) => levels.filter((l) => l !== 'not-rated').map((l) => [k, X(i, l)]));
          const at = s.idx.flatMap((i) => atOrAbove.map((l) => [1, X(i, l)]));
          m.add([...at, ...rated(-it.shareRange.min)], '>=', 0);
          m.add([...at, ...rated(-it.shareRange.max)], '<=', 0);
        }
      }
    }
    const solver = new Solver(h, m);
    try {
      solver.sample(10, rng);
    } catch (err) {
      solver.dispose();
      if (link && /status 8/.test(String(err))) return false;
      throw err;
    }
    for (const [, s] of possiblySmall) checkCounts(solver, s, levels, (i, l) => X(i, l), item, report, out, true);
    for (const [, s] of possiblySmall) checkCounts(solver, s, ['prioritised'], (i) => P(i), item, report, out, false);
    for (const [, s] of smallShown) checkSameAnswer(solver, s, levels, (i, l) => X(i, l), item, report, out);
    solver.dispose();
    return true;
  }
  // Improvement areas: one model per area (each a count of people, at most n).
  for (const [field, ids] of [['improvementAreas', report.improvementAreas.map((a) => a.id)]]) {
    for (const id of ids) {
      const m = new Model();
      base(m);
      const Y = (i) => m.v(`y${i}`);
      A.forEach((a, i) =>
        m.add(
          [
            [1, Y(i)],
            [-1, a],
          ],
          '<=',
          0,
        ),
      );
      for (const s of sets.values())
        for (const g of s.groups) {
          const v = g[field]?.counts?.[id];
          if (v !== undefined && v !== null)
            m.add(
              s.idx.map((i) => [1, Y(i)]),
              '=',
              v,
            );
        }
      const solver = new Solver(h, m);
      solver.sample(6, rng);
      for (const [, s] of possiblySmall)
        checkCounts(solver, s, ['yes'], (i) => Y(i), `${field}:${id}`, report, out, false);
      solver.dispose();
    }
  }
  // Action steps: counts of steps, not people. A person has any number of done steps and, at most, the
  // profile's maximum of open ones; someone in no atom has none. A withheld or possibly-small set whose
  // step count by status has one possible value above 0 is a leak, as for levels.
  const openMax = opts.openStepsMax ?? openStepsMaxOf(report.profile);
  const m = new Model();
  base(m);
  const Z = (i, st) => m.v(`z${i}_${STEP_STATUSES.indexOf(st)}`);
  A.forEach((a, i) => {
    for (const st of STEP_STATUSES)
      m.add(
        [
          [1, Z(i, st)],
          [-STEP_BOUND, a],
        ],
        '<=',
        0,
      );
    if (openMax !== Infinity)
      m.add(
        [
          [1, Z(i, 'planned')],
          [1, Z(i, 'in-progress')],
          [-openMax, a],
        ],
        '<=',
        0,
      );
  });
  let anySteps = false;
  for (const s of sets.values())
    for (const g of s.groups)
      for (const st of STEP_STATUSES) {
        const v = g.actionSteps?.counts?.[st];
        if (v === undefined || v === null) continue;
        anySteps = true;
        m.add(
          s.idx.map((i) => [1, Z(i, st)]),
          '=',
          v,
        );
      }
  if (!anySteps) return;
  const solver = new Solver(h, m);
  solver.sample(6, rng);
  for (const [, s] of possiblySmall)
    checkCounts(solver, s, STEP_STATUSES, (i, st) => Z(i, st), 'action steps', report, out, false);
  solver.dispose();
}

/** The profile's maximum of open steps per person (shipped profiles), or no bound when it is unknown. */
function openStepsMaxOf(ref) {
  const [id, version] = ref.split('@');
  try {
    const p = parse(readFileSync(new URL(`../../profiles/${id}/${version}.yaml`, import.meta.url), 'utf8'));
    return p?.process?.actionSteps?.max ?? Infinity;
  } catch {
    return Infinity;
  }
}

/** Steps one person may have, for the model's bounds (far above any real plan; keeps max finite). */
const STEP_BOUND = 50;

function checkCounts(solver, s, cats, V, what, report, out, sameAnswer) {
  for (const l of cats) {
    const terms = s.idx.map((i) => [1, V(i, l)]);
    const [lo, hi] = solver.range(terms);
    out.checked++;
    if (lo === hi && lo > 0)
      out.leaks.push({ report: report.profile, cycle: report.cycle, set: s.label, what: `${what} ${l}`, value: lo });
    else if (lo === hi) out.zeroPins++;
    if (sameAnswer && hi > 0 && l !== 'not-rated')
      sameAnswerCheck(solver, s, terms, `${what}: everyone gave ${l}`, report, out);
  }
}

/** Must every member of the set have given this level? Only if n_S - x_S,l is 0 in every solution. */
function sameAnswerCheck(solver, s, terms, what, report, out) {
  const gap = [...s.idx.map((i) => [1, `a${i}`]), ...terms.map(([c, v]) => [-c, v])];
  const [, hi] = solver.range(gap);
  if (hi === 0) out.leaks.push({ report: report.profile, cycle: report.cycle, set: s.label, what, value: null });
}

function checkSameAnswer(solver, s, cats, V, what, report, out) {
  for (const l of cats) {
    if (l === 'not-rated') continue;
    out.checked++;
    sameAnswerCheck(
      solver,
      s,
      s.idx.map((i) => [1, V(i, l)]),
      `${what}: everyone gave ${l}`,
      report,
      out,
    );
  }
}

/**
 * Audit a summary (the parsed JSON of `profile summarize --format json`). Returns the leaks found (none
 * is the promise), how many quantities were checked, and the zero pins (information only).
 * opts.openStepsMax: open action steps one person may have (default: the shipped profile's maximum).
 */
export async function auditSummary(summary, opts = {}) {
  if (summary.formatVersion !== 2) throw new Error(`audit: expected formatVersion 2, got ${summary.formatVersion}`);
  const out = { leaks: [], checked: 0, zeroPins: 0, notes: [] };
  for (const r of summary.reports) await auditReport(summary, r, out, opts);
  return out;
}

/** Share of item rows that carry a number (a count, a share or a coded range), per kind of group. */
export function utility(summary, classify) {
  const tally = new Map();
  for (const r of summary.reports) {
    for (const t of r.tables) {
      const visit = (g, depth) => {
        const cls = classify(g, depth, t.by);
        if (cls) {
          const e = tally.get(cls) ?? { rows: 0, shown: 0 };
          const items = r.items.length;
          e.rows += items;
          if (g.n !== null) e.shown += (g.items ?? []).filter((it) => it.share !== null || it.shareRange).length;
          tally.set(cls, e);
        }
        for (const c of g.groups ?? []) visit(c, depth + 1);
      };
      visit(t.total, 0);
    }
  }
  return tally;
}
