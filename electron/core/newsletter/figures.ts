import { itemOrdinals, type FigureCheck, type Newsletter } from '../../../shared/newsletter';
import { CASE_LEVEL_RANK } from '../../../shared/register';
import type { Db } from '../db/connection';
import { rateReport } from '../register/ledger';
import { currentLevels } from '../register/levels';
import { listUnits } from '../repos/vocab';

// Figures an item states («累计复制254项先进经验», «其中，49项入选省级案例») beside what the register holds, so the
// clerk checks them before issuing. `registerFigures` is the one place the register is read (the replication
// ledger and the level history, electron/core/register/).

export const FIGURE_KINDS = {
  experiences_copied: '累计复制推广经验',
  cases_total: '累计制度创新案例',
  cases_provincial: '省级案例',
  cases_national: '全国最佳实践案例',
} as const;
export type FigureKind = keyof typeof FIGURE_KINDS;

export interface RegisterFigure {
  /** The unit the figure counts; null for the whole province. */
  unitName: string | null;
  kind: FigureKind;
  value: number;
}

/**
 * What the register holds, by unit and for the province: experiences 已复制 in the replication ledger (as of
 * today), cases in the library, and cases whose level (the level history) has reached 省级 or 全国.
 */
export function registerFigures(db: Db): RegisterFigure[] {
  const units = listUnits(db);
  const copied = new Map(rateReport(db).units.map((r) => [r.unitId, r.copied]));
  const levels = currentLevels(db);
  const cases = db.prepare('SELECT id, unit_id FROM cases WHERE deleted_at IS NULL').all() as { id: number; unit_id: number }[];
  const tally = new Map(units.map((u) => [u.id, { total: 0, provincial: 0, national: 0 }]));
  for (const c of cases) {
    const t = tally.get(c.unit_id);
    if (!t) continue;
    t.total++;
    const level = levels.get(c.id);
    // a case that went on to the national list was first chosen at the provincial level
    if (level && CASE_LEVEL_RANK[level] >= CASE_LEVEL_RANK.provincial_typical) t.provincial++;
    if (level && CASE_LEVEL_RANK[level] >= CASE_LEVEL_RANK.national_best_practice) t.national++;
  }
  const out: RegisterFigure[] = [];
  const sum = { copied: 0, total: 0, provincial: 0, national: 0 };
  for (const u of units) {
    const t = tally.get(u.id)!;
    const row = { copied: copied.get(u.id) ?? 0, ...t };
    out.push(
      { unitName: u.name, kind: 'experiences_copied', value: row.copied },
      { unitName: u.name, kind: 'cases_total', value: row.total },
      { unitName: u.name, kind: 'cases_provincial', value: row.provincial },
      { unitName: u.name, kind: 'cases_national', value: row.national },
    );
    for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += row[k];
  }
  out.push(
    { unitName: null, kind: 'experiences_copied', value: sum.copied },
    { unitName: null, kind: 'cases_total', value: sum.total },
    { unitName: null, kind: 'cases_provincial', value: sum.provincial },
    { unitName: null, kind: 'cases_national', value: sum.national },
  );
  return out;
}

/** The phrasings of seed 004 (and their obvious variants), each with the figure it states. */
const PATTERNS: { kind: FigureKind; re: RegExp }[] = [
  { kind: 'experiences_copied', re: /累计复制(?:推广)?(\d{1,5})项(?:先进|改革试点|创新)?经验/gu },
  { kind: 'cases_total', re: /累计(?:培育|形成|收储)?(?:制度创新)?案例(\d{1,5})项/gu },
  { kind: 'cases_total', re: /累计(?:培育|形成)(\d{1,5})项(?:制度创新)?案例/gu },
  { kind: 'cases_provincial', re: /(\d{1,5})项入选省级(?:优秀)?案例/gu },
  { kind: 'cases_provincial', re: /省级(?:优秀)?案例(\d{1,5})项/gu },
  { kind: 'cases_national', re: /(\d{1,5})项入选(?:全国|国家)(?:第.批)?(?:自贸试验区)?“?最佳实践案例/gu },
];

export interface StatedFigure {
  kind: FigureKind;
  value: number;
  statement: string;
}

export function statedFigures(text: string): StatedFigure[] {
  const flat = text.replace(/\s+/gu, '');
  const out: StatedFigure[] = [];
  for (const { kind, re } of PATTERNS) {
    for (const m of flat.matchAll(re)) out.push({ kind, value: Number(m[1]), statement: m[0] });
  }
  return out.sort((a, b) => flat.indexOf(a.statement) - flat.indexOf(b.statement));
}

/** Every figure the issue's items state, with the register's figure for the item's unit (or the province's). */
export function checkFigures(db: Db, issue: Newsletter, figures = registerFigures(db)): FigureCheck[] {
  const ordinals = itemOrdinals(issue.sections);
  const out: FigureCheck[] = [];
  issue.sections.forEach((s, si) =>
    s.items.forEach((item, ii) => {
      const text = [item.title, ...item.paragraphs, ...item.parts.flatMap((p) => [p.heading, ...p.paragraphs])].join('\n');
      for (const f of statedFigures(text)) {
        const held = figures.find((r) => r.kind === f.kind && r.unitName === item.unitName);
        out.push({
          itemId: item.id,
          ordinal: ordinals[si]![ii]!,
          unitName: item.unitName,
          kind: f.kind,
          label: FIGURE_KINDS[f.kind],
          statement: f.statement,
          stated: f.value,
          register: held ? held.value : null,
        });
      }
    }),
  );
  return out;
}
