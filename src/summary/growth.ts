// Growth: the share at or above target in two cycles, per group and item, and the change. Records carry
// no person id, so this compares two cross-sections (whoever answered in each cycle), never the same
// people followed over time. Each side is exactly what that cycle's report shows (same protection), and
// the change is given only where both sides are shown exactly.
import type { BuildOptions, SectionResult } from './build.js';
import { itemStats } from './build.js';
import type { TreeNode } from './count/trees.js';
import { normValue } from './count/cells.js';
import type { GrowthRow, GrowthSide, GrowthSummary } from './model.js';

function sideOf(r: SectionResult | undefined, node: TreeNode | undefined, item: string, minN: number): GrowthSide {
  if (!r || !node) return { n: 0, share: null };
  const hidden = r.decisions.groupHidden(node);
  if (hidden) return { n: null, share: null, why: hidden };
  const def = r.defs.find((d) => d.item === item)!;
  const st = itemStats(node, def, r.decisions.rowWhy(node, def), minN, r.decisions.rangeShown(node, def));
  return {
    n: node.counters.n,
    share: st.share,
    ...(st.shareRange ? { shareRange: st.shareRange } : {}),
    ...(st.why ? { why: st.why } : {}),
  };
}

/** The groups a report lists (withheld ones included, their subgroups not), by id, with their path. */
function listed(r: SectionResult | undefined, t: number): Map<string, { node: TreeNode; path: TreeNode[] }> {
  const out = new Map<string, { node: TreeNode; path: TreeNode[] }>();
  if (!r) return out;
  const { root, by } = r.trees[t];
  const visit = (n: TreeNode, path: TreeNode[], depth: number) => {
    out.set(n.id, { node: n, path });
    if (r.decisions.groupHidden(n) || depth >= by.length || r.decisions.breakdownWhy(n, by[depth])) return;
    for (const c of n.children) visit(c, [...path, c], depth + 1);
  };
  visit(root, [], 0);
  return out;
}

export function buildGrowth(
  results: SectionResult[],
  [from, to]: NonNullable<BuildOptions['growth']>,
  minN: number,
): GrowthSummary[] {
  const out: GrowthSummary[] = [];
  const profiles = [...new Set(results.map((r) => r.report.profile))];
  for (const ref of profiles) {
    const a = results.find((r) => r.report.profile === ref && r.cycleNorm === normValue(from));
    const b = results.find((r) => r.report.profile === ref && r.cycleNorm === normValue(to));
    if (!a && !b) continue;
    const any = (a ?? b)!;
    any.trees.forEach((t, ti) => {
      const la = listed(a, ti);
      const lb = listed(b, ti);
      const ids = [...new Set([...la.keys(), ...lb.keys()])];
      // Keep the order of the later report, then groups only the earlier one has.
      const rows: GrowthRow[] = [];
      for (const id of ids) {
        const ea = la.get(id);
        const eb = lb.get(id);
        const path = (eb ?? ea)!.path;
        const names = (eb ? b! : a!).name;
        for (const def of any.defs) {
          if (def.kind !== 'rating') continue;
          const fromSide = sideOf(a, ea?.node, def.item!, minN);
          const toSide = sideOf(b, eb?.node, def.item!, minN);
          const change =
            fromSide.share !== null && toSide.share !== null && !fromSide.why && !toSide.why
              ? Math.round((toSide.share - fromSide.share) * 1000) / 1000
              : null;
          rows.push({
            path: path.map((n) => ({ key: n.key!, value: names(n) })),
            item: def.item!,
            from: fromSide,
            to: toSide,
            change,
          });
        }
      }
      out.push({ profile: ref, from, to, comparison: 'cross-sections', by: t.by, rows });
    });
  }
  return out;
}
