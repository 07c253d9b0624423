import path from 'node:path';
import type { SavedFile } from '../../../shared/contract';
import { buildBatchDocx, buildBatchPdf, buildBatchXlsx, buildCaseDocx, buildLibraryXlsx, buildStatsXlsx, writeFileAtomic, type Built } from '../export/service';
import { buildCallNoticeDocx, buildCallXlsx } from '../calls/exports';
import { buildNewsletterDocx } from '../newsletter/exports';
import { UserError } from '../util';
import { detectFonts } from '../fonts/detect';
import { findSoffice, NO_LIBREOFFICE_MESSAGE } from '../export/pdf';
import type { HandlerTable } from './dispatch';
import type { HandlerContext } from './handlers';

type ExportNames =
  | 'export.callNoticeDocx'
  | 'export.callXlsx'
  | 'export.newsletterDocx'
  | 'export.batchDocx'
  | 'export.caseDocx'
  | 'export.batchXlsx'
  | 'export.libraryXlsx'
  | 'export.statsXlsx'
  | 'export.batchPdf'
  | 'export.pdfAvailable'
  | 'fonts.status'
  | 'files.open'
  | 'files.showInFolder';

/** Exports ask the host where to save, then build and write. Only files saved this way may be opened later. */
export function exportHandlers(ctx: HandlerContext): Pick<HandlerTable, ExportNames> {
  const saved = new Set<string>();
  // Build first: the default file name needs the record. The time reported covers building and writing.
  const saveBuilt = async (build: () => Promise<Built>): Promise<SavedFile> => {
    const t0 = performance.now();
    const built = await build();
    const buildMs = performance.now() - t0;
    const target = await ctx.host.chooseSavePath(built.defaultName, built.kind);
    if (!target) return { canceled: true, path: null, bytes: 0, tookMs: 0, downloadUrl: null, warnings: built.warnings };
    const t1 = performance.now();
    writeFileAtomic(target, built.bytes);
    const resolved = path.resolve(target);
    saved.add(resolved);
    return { canceled: false, path: resolved, bytes: built.bytes.length, tookMs: Math.round(buildMs + performance.now() - t1), downloadUrl: ctx.host.downloadUrl(resolved), warnings: built.warnings };
  };
  const exported = (p: string) => {
    const resolved = path.resolve(p);
    if (!saved.has(resolved)) throw new UserError('只能打开本次导出的文件', 'forbidden');
    return resolved;
  };
  return {
    'export.batchDocx': ({ id, layout, fonts, part }) => saveBuilt(() => buildBatchDocx(ctx.db, id, { layout, fonts, part })),
    'export.caseDocx': ({ id, fonts }) => saveBuilt(() => buildCaseDocx(ctx.db, id, { fonts })),
    'export.batchXlsx': ({ id }) => saveBuilt(() => buildBatchXlsx(ctx.db, id)),
    'export.libraryXlsx': (filter) => saveBuilt(() => buildLibraryXlsx(ctx.db, filter)),
    'export.statsXlsx': ({ batchId }) => saveBuilt(() => buildStatsXlsx(ctx.db, batchId)),
    'export.batchPdf': ({ id, layout, fonts, part }) => saveBuilt(() => buildBatchPdf(ctx.db, id, { layout, fonts, part })),
    'export.pdfAvailable': async () => ({ available: findSoffice() !== null, message: findSoffice() ? '' : NO_LIBREOFFICE_MESSAGE }),
    'fonts.status': async () => detectFonts(),
    'export.callNoticeDocx': ({ id, fonts }) => saveBuilt(() => buildCallNoticeDocx(ctx.db, id, { fonts })),
    'export.callXlsx': ({ id }) => saveBuilt(() => buildCallXlsx(ctx.db, id)),
    'export.newsletterDocx': ({ id, fonts }) => saveBuilt(() => buildNewsletterDocx(ctx.db, id, { fonts })),
    'files.open': async ({ path: p }) => (await ctx.host.openPath(exported(p)), { ok: true as const }),
    'files.showInFolder': async ({ path: p }) => (await ctx.host.showInFolder(exported(p)), { ok: true as const }),
  };
}
