// CSV: one tidy row per report x table x group x measure, for spreadsheets. Number columns hold numbers
// only (a withheld value is an empty cell, and the `why` column says why); `row` says whether a row is
// a table's total or a subgroup, and `depth` how deep, so a pivot or SUM over one depth is right.
import type { GroupSummary, Summary } from '../model.js';
import { blankUnsafe } from '../../text-safety.js';
import { itemName, walkGroups } from './walk.js';

/** Quote text cells; defuse cells a spreadsheet would run as a formula; numbers stay bare. */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  let s = blankUnsafe(v, true);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

const HEAD = [
  'profile',
  'cycle',
  'table',
  'row',
  'depth',
  'group',
  'n',
  'measure',
  'item',
  'item_title',
  'level',
  'level_label',
  'count',
  'share',
  'share_min',
  'share_max',
  'why',
];

export function formatCsv(s: Summary): string {
  const keys = [...new Set(s.by.flat())];
  const rows: Array<Array<string | number | null>> = [[...HEAD.slice(0, 6), ...keys, ...HEAD.slice(6)]];
  for (const r of s.reports) {
    const label = (id: string) => r.levels.find((l) => l.id === id)?.label ?? (id === 'not-rated' ? 'Not rated' : id);
    for (const t of r.tables) {
      walkGroups(t.total, (g: GroupSummary, path: GroupSummary[]) => {
        const depth = path.length - 1;
        const name = depth
          ? path
              .slice(1)
              .map((x) => `${x.key}=${x.value}`)
              .join(' / ')
          : '(all)';
        const keyCols = keys.map((k) => path.slice(1).find((x) => x.key === k)?.value ?? null);
        const base = [
          r.profile,
          r.cycle,
          t.by.join(',') || '(none)',
          depth ? 'subgroup' : 'total',
          depth,
          name,
          ...keyCols,
          g.n,
        ];
        const push = (
          measure: string,
          item: string,
          itemTitle: string,
          level: string,
          levelLabel: string,
          count: number | null,
          share: number | null,
          min: number | null,
          max: number | null,
          why?: string,
        ) => rows.push([...base, measure, item, itemTitle, level, levelLabel, count, share, min, max, why ?? null]);
        if (g.n === null) {
          push('group', '', '', '', '', null, null, null, null, g.why);
          return;
        }
        for (const it of g.items ?? []) {
          const title = itemName(r, it.id);
          for (const l of [...r.levels.map((x) => x.id), 'not-rated']) {
            const v = it.levels?.[l] ?? null;
            push(
              'rating',
              it.id,
              title,
              l,
              label(l),
              v,
              v === null ? null : Math.round((v / g.n) * 1000) / 1000,
              null,
              null,
              it.levels ? undefined : it.why,
            );
          }
          // level is left empty: this row is not one level's count (the target is in the measure's name in README).
          push(
            'at-or-above-target',
            it.id,
            title,
            '',
            '',
            it.atOrAboveTarget,
            it.share,
            it.shareRange?.min ?? null,
            it.shareRange?.max ?? null,
            it.why,
          );
        }
        const counts = (
          measure: string,
          row: { counts: Record<string, number | null> | null; why?: string | Record<string, string> } | undefined,
          ids: Array<[string, string]>,
          share: boolean,
        ) => {
          for (const [id, title] of ids) {
            const v = row?.counts?.[id] ?? null;
            const why = typeof row?.why === 'string' ? row.why : row?.why?.[id];
            push(
              measure,
              id,
              title,
              '',
              '',
              v,
              v !== null && share ? Math.round((v / g.n!) * 1000) / 1000 : null,
              null,
              null,
              v === null ? why : undefined,
            );
          }
        };
        counts(
          'prioritised',
          g.priorities,
          r.items.map((i) => [i.id, itemName(r, i.id)]),
          true,
        );
        counts(
          'improvement-area',
          g.improvementAreas,
          r.improvementAreas.map((a) => [a.id, a.text]),
          true,
        );
        counts(
          'action-steps',
          g.actionSteps,
          [
            ['planned', 'Planned'],
            ['in-progress', 'In progress'],
            ['done', 'Done'],
          ],
          false,
        );
        for (const x of g.text?.improvementAreas ?? [])
          push('own-improvement-area', '', x.text, '', '', x.count, null, null, null);
        for (const x of g.text?.actionSteps ?? [])
          push('action-step-text', '', x.text, '', '', x.count, null, null, null);
      });
    }
  }
  for (const gr of s.growth) {
    for (const row of gr.rows) {
      const name = row.path.length ? row.path.map((p) => `${p.key}=${p.value}`).join(' / ') : '(all)';
      const r = s.reports.find((x) => x.profile === gr.profile)!;
      for (const [cycle, side] of [
        [gr.from, row.from],
        [gr.to, row.to],
      ] as const) {
        rows.push([
          gr.profile,
          cycle,
          gr.by.join(',') || '(none)',
          row.path.length ? 'subgroup' : 'total',
          row.path.length,
          name,
          ...keys.map((k) => row.path.find((p) => p.key === k)?.value ?? null),
          side.n,
          'growth-share',
          row.item,
          itemName(r, row.item),
          '',
          '',
          null,
          side.share,
          side.shareRange?.min ?? null,
          side.shareRange?.max ?? null,
          side.why ?? null,
        ]);
      }
      rows.push([
        gr.profile,
        `${gr.from}..${gr.to}`,
        gr.by.join(',') || '(none)',
        row.path.length ? 'subgroup' : 'total',
        row.path.length,
        name,
        ...keys.map((k) => row.path.find((p) => p.key === k)?.value ?? null),
        null,
        'growth-change',
        row.item,
        itemName(r, row.item),
        '',
        '',
        null,
        row.change,
        null,
        null,
        null,
      ]);
    }
  }
  // With --as: per version the records were written for, how many, and what the crosswalk made of them.
  // `profile` is that version, `row` is "version"; `item_title` (or `level_label`) is the id counted instead.
  for (const c of s.conversions) {
    const push = (measure: string, item: string, to: string, level: string, levelTo: string, count: number | null) =>
      rows.push([
        c.from,
        null,
        '(none)',
        'version',
        0,
        '(all)',
        ...keys.map(() => null),
        null,
        measure,
        item,
        to,
        level,
        levelTo,
        count,
        null,
        null,
        null,
        c.notConverted ?? null,
      ]);
    push('version-records', '', c.to ?? '', '', '', c.records);
    for (const m of c.mapped) push('version-mapped', m.from, m.to, '', '', null);
    for (const id of c.dropped) push('version-dropped', id, '', '', '', null);
    for (const m of c.levelsMapped) push('version-level-mapped', '', '', m.from, m.to, null);
    for (const id of c.levelsDropped) push('version-level-dropped', '', '', id, '', null);
    // Ratings at those levels (per version, not per level): shown as "Not rated", left out of the shares.
    if (c.levelsDropped.length) push('version-level-dropped-ratings', '', '', '', '', c.ratingsAtDroppedLevels);
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
