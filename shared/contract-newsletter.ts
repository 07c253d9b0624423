import { z } from 'zod';
import {
  figureCheckSchema,
  itemPartSchema,
  NEWSLETTER_LIMITS,
  newsletterInputSchema,
  newsletterRowSchema,
  newsletterSchema,
} from './newsletter';

// The 《自贸动态》 methods of the API contract, spread into `API` in contract.ts with one line.

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const id = z.number().int().positive();
const byId = z.object({ id }).strict();

/** An item as drafted (from a case or pasted text), before the composer places it in a section. */
export const draftItemSchema = z.object({
  title: z.string(),
  credit: z.string(),
  unitId: id.nullable(),
  unitName: z.string().nullable(),
  paragraphs: z.array(z.string()),
  parts: z.array(itemPartSchema),
  caseIds: z.array(id),
  sourceIds: z.array(id),
});
export type DraftItem = z.infer<typeof draftItemSchema>;

export const NEWSLETTER_API = {
  'newsletters.list': method(z.object({ query: z.string().max(100, '搜索词不能超过 100 个字').optional() }).strict(), z.array(newsletterRowSchema)),
  'newsletters.get': method(byId, newsletterSchema),
  'newsletters.nextNumber': method(z.object({}).strict(), z.object({ number: z.number().int().positive() })),
  'newsletters.create': method(newsletterInputSchema.strict(), newsletterSchema),
  'newsletters.update': method(newsletterInputSchema.extend({ id }).strict(), newsletterSchema),
  'newsletters.delete': method(byId, z.object({ ok: z.literal(true) })),
  /** An issue's text (.txt/.md UTF-8 or .docx) as base64, at most what a 2 MB text becomes in Word. */
  'newsletters.import': method(
    z.object({ fileName: z.string().min(1).max(260), base64: z.string().max(14_000_000, '文件过大') }).strict(),
    z.object({ newsletter: newsletterSchema, warnings: z.array(z.string()) }),
  ),
  'newsletters.itemFromCase': method(z.object({ caseId: id }).strict(), draftItemSchema),
  'newsletters.itemFromText': method(z.object({ text: z.string().trim().min(1, '请粘贴文章').max(NEWSLETTER_LIMITS.paragraphChars * 20, '粘贴的文字过长') }).strict(), draftItemSchema),
  'newsletters.figures': method(byId, z.array(figureCheckSchema)),
  'newsletters.settings': method(z.object({ tocThreshold: z.number().int().min(0).max(NEWSLETTER_LIMITS.items).optional() }).strict(), z.object({ tocThreshold: z.number().int() })),
} as const;
