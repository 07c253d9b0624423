import { z } from 'zod';
import { findingSchema, importReportSchema, importWarningSchema } from './domain';

// The import methods beyond `import.file` (issues 17.9 and 14.5), spread into `API` in contract.ts: every file is
// previewed before anything is saved, and a circular whose batch exists can still bring its cases into the library.

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const id = z.number().int().positive();
const fileInput = z.object({ fileName: z.string().min(1).max(260), base64: z.string().max(70_000_000) }).strict();

export const importPreviewSchema = z.object({
  fileName: z.string(),
  batchTitle: z.string(),
  cases: z.array(z.object({ title: z.string(), unitName: z.string() })),
  warnings: z.array(importWarningSchema),
  findings: z.array(findingSchema),
  /** The batch an earlier import of the same circular made: importing it again writes nothing. */
  duplicate: z.object({ id, title: z.string() }).nullable(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const IMPORT_API = {
  'import.preview': method(fileInput, importPreviewSchema),
  'import.casesOnly': method(fileInput, importReportSchema),
};
