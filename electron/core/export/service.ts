import fs from 'node:fs';
import path from 'node:path';
import type { BatchDetail, CaseFilter, FontProfile, Layout } from '../../../shared/domain';
import { detectFontsAsync, missingFontWarnings } from '../fonts/detect';
import { DATE_PLACEHOLDER } from './docx/standard';
import { docxToPdf, findSoffice, NO_LIBREOFFICE_MESSAGE } from './pdf';
import type { Db } from '../db/connection';
// the read halves of the repositories, and the one setting an export reads: none of them loads zod (issue 13)
import { getBatch } from '../repos/batch-reads';
import { getCase, listCases } from '../repos/case-reads';
import { getFontProfileSetting } from '../repos/settings-reads';
import { listFields, listUnits } from '../repos/vocab';
import { UserError } from '../util';
import { exportBatchDocx, exportCaseDocx, type BatchDocxPart } from './docx';
import { colophonNote, estimateCircular, type ColophonPlan } from './docx/pagination';
import { batchDocxName, batchXlsxName, caseDocxName, libraryXlsxName } from './file-names';
import { removeOrphanTemps } from '../orphan-temps';

// What every export needs, for the handlers and the command line alike: build the bytes and a default name.

// exceljs (half of what an export loads) only for the workbooks: a .docx export never waits for it to load.
const workbooks = () => import('./xlsx/workbooks');

export interface Built {
  bytes: Buffer;
  defaultName: string;
  kind: 'docx' | 'xlsx' | 'pdf';
  /** What the clerk must know about the file (a placeholder printed, a font Word will replace); shown with the result. */
  warnings: string[];
}

/** Warnings about the circular itself: what prints as a placeholder instead of the clerk's text. */
export function circularWarnings(batch: BatchDetail, part: BatchDocxPart = 'circular'): string[] {
  if (part === 'attachment') return [];
  const out: string[] = [];
  if (!batch.circular.date) out.push(`未填写成文日期：导出件中以“${DATE_PLACEHOLDER}”占位，印发前请在通知中填写成文日期`);
  return out;
}

/** Where the 版记 went when the even-page rule moved it (./docx/pagination): said with the result, not hidden. */
export function colophonWarnings(plan: ColophonPlan | null | undefined): string[] {
  const note = colophonNote(plan ?? null);
  return note ? [note] : [];
}

export async function buildBatchDocx(db: Db, id: number, options: { layout?: Layout; fonts?: FontProfile; part?: BatchDocxPart } = {}): Promise<Built> {
  const batch = getBatch(db, id);
  if (batch.items.length === 0) throw new UserError('批次中还没有案例，无法导出');
  const fonts = options.fonts ?? getFontProfileSetting(db);
  const installed = detectFontsAsync(); // fc-list runs in its own process while the document is built
  // the page estimate, made once for the document's 版记 and the result's note (the attachment alone has neither)
  const colophon = options.part === 'attachment' ? undefined : estimateCircular(batch, options.layout ?? batch.circular.layout).colophon;
  const bytes = await exportBatchDocx(batch, { ...options, fonts, colophon });
  const warnings = [...circularWarnings(batch, options.part), ...colophonWarnings(colophon), ...missingFontWarnings(await installed, fonts)];
  return { bytes, defaultName: batchDocxName(batch, options.part, options.layout), kind: 'docx', warnings };
}

/** The circular as PDF, laid out by LibreOffice from the same .docx (see ./pdf). */
export async function buildBatchPdf(db: Db, id: number, options: { layout?: Layout; fonts?: FontProfile; part?: BatchDocxPart } = {}): Promise<Built> {
  const soffice = findSoffice();
  if (!soffice) throw new UserError(NO_LIBREOFFICE_MESSAGE, 'no_pdf_converter');
  const docx = await buildBatchDocx(db, id, options);
  return { ...docx, bytes: await docxToPdf(docx.bytes, soffice), defaultName: docx.defaultName.replace(/\.docx$/u, '.pdf'), kind: 'pdf' };
}

export async function buildCaseDocx(db: Db, id: number, options: { fonts?: FontProfile } = {}): Promise<Built> {
  const c = getCase(db, id);
  const fonts = options.fonts ?? getFontProfileSetting(db);
  const installed = detectFontsAsync();
  const bytes = await exportCaseDocx(c, { fonts });
  return { bytes, defaultName: caseDocxName(c), kind: 'docx', warnings: missingFontWarnings(await installed, fonts) };
}

export async function buildBatchXlsx(db: Db, id: number): Promise<Built> {
  const batch = getBatch(db, id);
  const bytes = await (await workbooks()).batchWorkbook(batch, listUnits(db), listFields(db));
  return { bytes, defaultName: batchXlsxName(batch), kind: 'xlsx', warnings: [] };
}

export async function buildLibraryXlsx(db: Db, filter: CaseFilter = {}, now = new Date()): Promise<Built> {
  const cases = listCases(db, filter);
  const title = `案例库（${cases.length} 个案例，导出于 ${now.toISOString().slice(0, 10)}）`;
  const bytes = await (await workbooks()).libraryWorkbook(cases, listUnits(db), listFields(db), title, now);
  return { bytes, defaultName: libraryXlsxName(now), kind: 'xlsx', warnings: [] };
}

export async function buildStatsXlsx(db: Db, batchId?: number, now = new Date()): Promise<Built> {
  const stats = (await import('../stats/stats')).computeStats(db, { batchId }); // its repositories load zod: only here
  return { bytes: await (await workbooks()).statsWorkbook(stats, now), defaultName: `统计 ${stats.scope} ${now.toISOString().slice(0, 10)}.xlsx`.replace(/[\\/:*?"<>|]/gu, ''), kind: 'xlsx', warnings: [] };
}

/** Writes beside the target and renames, so a failed export never leaves half a file where the old one was. */
export function writeFileAtomic(target: string, bytes: Buffer): void {
  const dir = path.dirname(path.resolve(target));
  fs.mkdirSync(dir, { recursive: true });
  removeOrphanTemps(dir); // left by an export that was killed before its rename
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
      throw new UserError(`无法写入“${target}”：文件可能正在 Word/WPS 中打开，请关闭后重试`, 'file_busy');
    }
    throw err;
  }
}
