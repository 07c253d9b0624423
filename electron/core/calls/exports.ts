import type { FontProfile } from '../../../shared/domain';
import type { Db } from '../db/connection';
import { exportBatchDocx } from '../export/docx';
import { safeFileName } from '../export/file-names';
import type { Built } from '../export/service';
import { callWorkbook } from '../export/xlsx/calls-workbook';
import { getSettings } from '../repos/settings';
import { listUnits } from '../repos/vocab';
import { getCallDetail } from './calls';
import { draftNotice, noticeAsBatch } from './notice';

// The files a call produces: its notice (通知, circular format) and the 评选结果 workbook.

export async function buildCallNoticeDocx(db: Db, id: number, options: { fonts?: FontProfile } = {}): Promise<Built> {
  const call = getCallDetail(db, id);
  const settings = getSettings(db);
  const circular = draftNotice(db, call, settings, listUnits(db), call.createdAt.slice(0, 10));
  const bytes = await exportBatchDocx(noticeAsBatch(call, circular), { fonts: options.fonts ?? settings.fontProfile });
  return { bytes, defaultName: safeFileName(`${circular.title}.docx`), kind: 'docx', warnings: [] };
}

export async function buildCallXlsx(db: Db, id: number): Promise<Built> {
  const call = getCallDetail(db, id);
  const bytes = await callWorkbook(call, new Date(call.createdAt));
  return { bytes, defaultName: safeFileName(`${call.title}评选结果.xlsx`), kind: 'xlsx', warnings: [] };
}
