import { itemOrdinals, type FigureCheck, type Newsletter } from '../../../shared/newsletter';
import type { Db } from '../db/connection';

// Figures an item states («累计复制254项先进经验», «其中，49项入选省级案例») beside what the register holds, so the
// clerk checks them before issuing. `registerFigures` is the one place the register is read: until the
// register (national experiences, replication; another branch) is merged it counts what the case library
// holds; the lead rewires this one function to the register after merging.

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

/** What the register holds, by unit and for the province. (Interim source: the case library, see above.) */
export function registerFigures(db: Db): RegisterFigure[] {
  const rows = db
    .prepare(
      `SELECT u.name AS unit,
              SUM(c.type = 'replication') AS copied,
              COUNT(*) AS total,
              SUM(EXISTS (SELECT 1 FROM json_each(c.honours) WHERE value = 'provincial_excellent')) AS provincial,
              SUM(EXISTS (SELECT 1 FROM json_each(c.honours) WHERE value = 'national_best_practice')) AS national
         FROM cases c JOIN units u ON u.id = c.unit_id
        WHERE c.deleted_at IS NULL
        GROUP BY u.id`,
    )
    .all() as { unit: string; copied: number; total: number; provincial: number; national: number }[];
  const out: RegisterFigure[] = [];
  const sum = { copied: 0, total: 0, provincial: 0, national: 0 };
  for (const r of rows) {
    out.push(
      { unitName: r.unit, kind: 'experiences_copied', value: r.copied },
      { unitName: r.unit, kind: 'cases_total', value: r.total },
      { unitName: r.unit, kind: 'cases_provincial', value: r.provincial },
      { unitName: r.unit, kind: 'cases_national', value: r.national },
    );
    for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += r[k];
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
