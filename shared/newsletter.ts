import { z } from 'zod';
import { NEWSLETTER_LIMITS, partOrdinal } from './newsletter-constants';
import './zod-zh';

export * from './newsletter-constants';

// 《自贸动态》 (seed 004): an issue (第N期, 主办, date) of items under ordered sections. Item numbers （一）…
// run straight through the issue and sub-heads 1. 2. inside an item are generated from positions, never stored.

const id = z.number().int().positive();
const paragraph = z.string().max(NEWSLETTER_LIMITS.paragraphChars, `段落不能超过 ${NEWSLETTER_LIMITS.paragraphChars} 个字`);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, '日期格式应为 YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), '不是有效日期');

/** A sub-head inside an item (printed 1. 2. …) with its paragraphs. */
export const itemPartSchema = z.object({
  heading: z.string().trim().max(NEWSLETTER_LIMITS.titleChars, `小标题不能超过 ${NEWSLETTER_LIMITS.titleChars} 个字`),
  paragraphs: z.array(paragraph).max(NEWSLETTER_LIMITS.paragraphs),
}).strict(); // a part inside a part (or any key the composer does not send) is refused, never dropped in silence
export type ItemPart = z.infer<typeof itemPartSchema>;

export const newsletterItemInputSchema = z.object({
  /** Kept across saves so that links and the composer's selection follow the item. */
  id: id.optional(),
  title: z.string().trim().min(1, '标题不能为空').max(NEWSLETTER_LIMITS.titleChars, `标题不能超过 ${NEWSLETTER_LIMITS.titleChars} 个字`),
  /** 来源/电头, e.g. «新华社北京9月30日电»; printed at the head of the first paragraph. */
  credit: z.string().trim().max(200, '来源不能超过 200 个字').default(''),
  unitId: id.nullable().default(null),
  paragraphs: z.array(paragraph).max(NEWSLETTER_LIMITS.paragraphs).default([]),
  parts: z.array(itemPartSchema).max(NEWSLETTER_LIMITS.parts).default([]),
  caseIds: z.array(id).max(50).default([]),
  sourceIds: z.array(id).max(50).default([]),
  /** The unit's name as a saved item carries it: accepted so an item read back can be saved again, never stored. */
  unitName: z.string().nullable().optional(),
}).strict();
export type NewsletterItemInput = z.input<typeof newsletterItemInputSchema>;
export type NewsletterItem = z.output<typeof newsletterItemInputSchema> & { id: number; unitName: string | null };

export const newsletterSectionInputSchema = z.object({
  name: z.string().trim().min(1, '栏目名称不能为空').max(30, '栏目名称不能超过 30 个字'),
  items: z.array(newsletterItemInputSchema).max(NEWSLETTER_LIMITS.items),
}).strict();

export const newsletterInputSchema = z.object({
  number: z.number().int().positive('期号应为正整数').max(NEWSLETTER_LIMITS.issueNumber, `期号不能大于 ${NEWSLETTER_LIMITS.issueNumber}`),
  date: isoDate,
  sponsor: z.string().trim().max(100, '主办单位不能超过 100 个字').default(''),
  editor: z.string().trim().max(100, '编辑不能超过 100 个字').default(''),
  sections: z
    .array(newsletterSectionInputSchema)
    .max(NEWSLETTER_LIMITS.sections)
    .refine((s) => s.reduce((n, x) => n + x.items.length, 0) <= NEWSLETTER_LIMITS.items, `一期最多 ${NEWSLETTER_LIMITS.items} 篇`),
});
export type NewsletterInput = z.input<typeof newsletterInputSchema>;

export interface NewsletterSection {
  name: string;
  items: NewsletterItem[];
}
export interface Newsletter {
  id: number;
  number: number;
  date: string;
  sponsor: string;
  editor: string;
  sections: NewsletterSection[];
  createdAt: string;
  updatedAt: string;
}
export interface NewsletterRow {
  id: number;
  number: number;
  date: string;
  sponsor: string;
  sectionCount: number;
  itemCount: number;
  /** Section names and item titles, for the list's search. */
  sections: string[];
  titles: string[];
}

export const newsletterItemSchema = newsletterItemInputSchema.extend({ id, unitName: z.string().nullable() }) as unknown as z.ZodType<NewsletterItem>;
export const newsletterSchema: z.ZodType<Newsletter> = z.object({
  id,
  number: z.number().int(),
  date: z.string(),
  sponsor: z.string(),
  editor: z.string(),
  sections: z.array(z.object({ name: z.string(), items: z.array(newsletterItemSchema) })),
  createdAt: z.string(),
  updatedAt: z.string(),
}) as unknown as z.ZodType<Newsletter>;
export const newsletterRowSchema: z.ZodType<NewsletterRow> = z.object({
  id,
  number: z.number().int(),
  date: z.string(),
  sponsor: z.string(),
  sectionCount: z.number().int(),
  itemCount: z.number().int(),
  sections: z.array(z.string()),
  titles: z.array(z.string()),
});

/** A figure an item states, beside what the register holds for it (see electron/core/newsletter/figures.ts). */
export const figureCheckSchema = z.object({
  itemId: z.number().int().nullable(),
  ordinal: z.string(),
  unitName: z.string().nullable(),
  kind: z.string(),
  label: z.string(),
  statement: z.string(),
  stated: z.number(),
  register: z.number().nullable(),
});
export type FigureCheck = z.infer<typeof figureCheckSchema>;

/** A sub-head line as the clerk types it in the item's text box: «1. 聚焦贸易升级，开放领域全面拓展» (no final stop). */
const PART_LINE = /^\s*\d{1,2}\s*[.．、]\s*(?!\d)([^。！？]{1,60})$/u;

/** An item's body as lines for a text box: paragraphs, then each sub-head as «N. heading» and its paragraphs. */
export function itemBodyToText(item: { paragraphs: readonly string[]; parts: readonly ItemPart[] }): string {
  return [...item.paragraphs, ...item.parts.flatMap((p, i) => [`${partOrdinal(i)}${p.heading}`, ...p.paragraphs])].join('\n');
}

/** The inverse: one paragraph a line; a «N. heading» line opens a sub-head (its number is regenerated). */
export function itemBodyFromText(text: string): { paragraphs: string[]; parts: ItemPart[] } {
  const paragraphs: string[] = [];
  const parts: ItemPart[] = [];
  for (const raw of text.split(/\r?\n/u)) {
    const line = raw.trim();
    if (!line) continue;
    const head = PART_LINE.exec(line);
    if (head) parts.push({ heading: head[1]!.trim(), paragraphs: [] });
    else (parts.length ? parts[parts.length - 1]!.paragraphs : paragraphs).push(line);
  }
  return { paragraphs, parts };
}
