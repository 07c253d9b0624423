import { createHash } from 'node:crypto';
import type { ImportReport, SummaryLayout } from '../../../shared/domain';
import type { ImportPreview } from '../../../shared/contract-import';
import type { Db } from '../db/connection';
import { createBatch, freezeBatch, nextOrdinal, setBatchItems } from '../repos/batches';
import { insertCase } from '../repos/cases';
import { getSettings } from '../repos/settings';
import { findOrCreateSource } from '../repos/sources';
import { findOrCreateField, findOrCreateUnit } from '../repos/vocab';
import { UserError, nowIso } from '../util';
import { parseCircular, type ParseOptions, type ParsedCircular } from './parse-circular';
import { readFileText } from './file-text';
import { checkRawText } from '../proofread/check';

/**
 * Imports a file's bytes (.docx, .doc/.wps, text PDF, UTF-8/UTF-16 text or markdown): reads within the limits of
 * ./limits, parses and writes, or throws and writes nothing. What the reader noticed comes first among the warnings.
 */
export async function importFile(db: Db, bytes: Uint8Array, fileName: string): Promise<ImportReport> {
  const { text, notes, exactParagraphs } = await readFileText(bytes, fileName);
  const report = importText(db, text, fileName, { exactParagraphs });
  return { ...report, warnings: [...notes, ...report.warnings] };
}

/** What importing the file would do, without writing: its batch and cases, the warnings, the findings, an earlier import. */
export async function previewFile(db: Db, bytes: Uint8Array, fileName: string): Promise<ImportPreview> {
  const { text, notes, exactParagraphs } = await readFileText(bytes, fileName);
  const parsed = parseCircular(text, { exactParagraphs });
  if (parsed.cases.length === 0) throw new UserError(`${fileName}中没有找到案例：需要“（××提供）”行或“案例 N”行来分隔案例`, 'bad_input');
  return {
    fileName,
    batchTitle: parsed.batch?.title ?? '',
    cases: parsed.cases.map((c) => ({ title: c.title, unitName: c.unitName })),
    warnings: [...notes, ...parsed.warnings],
    findings: checkRawText(text, getSettings(db), parsed),
    duplicate: earlierImport(db, parsed) ?? null,
  };
}

/** A circular whose batch exists already: its cases go into the library, no second batch (issue 14.5). */
export async function importCasesOnly(db: Db, bytes: Uint8Array, fileName: string): Promise<ImportReport> {
  const { text, notes, exactParagraphs } = await readFileText(bytes, fileName);
  const parsed = parseCircular(text, { exactParagraphs });
  if (parsed.cases.length === 0) throw new UserError(`${fileName}中没有找到案例：需要“（××提供）”行或“案例 N”行来分隔案例`, 'bad_input');
  const report = applyParsed(db, { ...parsed, batch: null }, fileName, { casesOnly: true });
  return { ...report, warnings: [...notes, ...report.warnings], findings: checkRawText(text, getSettings(db), parsed) };
}

/** The text of an imported or checked file, whatever form it came in (see ./file-text). */
export async function fileText(bytes: Uint8Array, fileName: string): Promise<string> {
  return (await readFileText(bytes, fileName)).text;
}

export function importText(db: Db, text: string, fileName: string, options: ParseOptions = {}): ImportReport {
  const parsed = parseCircular(text, options);
  if (parsed.cases.length === 0) {
    throw new UserError(`${fileName}中没有找到案例：需要“（××提供）”行或“案例 N”行来分隔案例`, 'bad_input');
  }
  const report = applyParsed(db, parsed, fileName);
  return { ...report, findings: checkRawText(text, getSettings(db), parsed) };
}

/** The identity of a parsed circular: the same document parses to the same hash wherever it came from. */
export function parsedHash(parsed: ParsedCircular): string {
  const { header, batch, cases } = parsed;
  return createHash('sha256').update(JSON.stringify({ header, batch, cases })).digest('hex');
}

const fullWidthBrackets = (s: string) => s.replace(/\(/gu, '（').replace(/\)/gu, '）');

/** The source's 汇总表: its caption, extra columns, and each row's wording, by the id of the case it lists. */
function summaryLayout(parsed: ParsedCircular, caseIds: number[]): SummaryLayout {
  const rows: SummaryLayout['rows'] = {};
  parsed.table!.forEach((row, i) => {
    if (caseIds[i] !== undefined) rows[String(caseIds[i])] = { title: row.title, cells: row.cells };
  });
  return { caption: parsed.tableHead!.caption, columns: parsed.tableHead!.columns, rows };
}

/** The batch an earlier import of the same circular made (same parsed text, or same 文号). */
function earlierImport(db: Db, parsed: ParsedCircular): { id: number; title: string } | undefined {
  const doc = parsed.header?.docNumber ?? null;
  return (db.prepare('SELECT id, title FROM batches WHERE import_hash = ?').get(parsedHash(parsed)) ??
    (doc ? db.prepare('SELECT id, title FROM batches WHERE doc_code = ? AND doc_year = ? AND doc_seq = ?').get(doc.code, doc.year, doc.seq) : undefined)) as
    | { id: number; title: string }
    | undefined;
}

/**
 * Writes a parsed circular in one transaction: units, fields and sources matched or created, cases (insertCase
 * below, one per parsed case), the batch. `casesOnly` writes the cases of a circular whose batch exists.
 */
export function applyParsed(db: Db, parsed: ParsedCircular, fileName: string, options: { casesOnly?: boolean } = {}): ImportReport {
  const hash = parsedHash(parsed);
  const report = (batchId: number | null, caseIds: number[], duplicateOf: number | null): ImportReport => ({
    fileName,
    batchId,
    batchTitle: parsed.batch?.title ?? '',
    caseCount: parsed.cases.length,
    caseIds,
    duplicateOf,
    warnings: parsed.warnings,
    findings: [],
  });

  const doc = parsed.header?.docNumber ?? null;
  const earlier = options.casesOnly ? undefined : earlierImport(db, parsed);
  if (earlier) {
    return { ...report(null, [], earlier.id), warnings: [{ caseSeq: null, rule: null, message: `该通知已导入过，即批次“${earlier.title}”，未重复导入` }, ...parsed.warnings] };
  }

  return db.transaction(() => {
    const settings = getSettings(db);
    const header = parsed.header;
    const year = doc?.year ?? (header?.date ? Number(header.date.slice(0, 4)) : null);
    const issued = doc !== null;
    const caseIds = parsed.cases.map((c) => {
      if (!c.unitName) throw new UserError(`“${c.title}”缺少提供单位`, 'bad_input');
      const unit = findOrCreateUnit(db, c.unitName);
      const field = c.fieldName ? findOrCreateField(db, c.fieldName) : null;
      const source = c.source ? findOrCreateSource(db, c.source.name, c.source.kind) : null;
      return insertCase(
        db,
        {
          title: c.title,
          type: c.type,
          unitId: unit.id,
          fieldId: field?.id ?? null,
          sourceId: source?.id ?? null,
          year,
          contactName: '',
          contactPhone: '',
          honours: [],
          status: issued ? 'selected' : 'submitted',
          returnReason: '',
          lead: c.lead,
          body: c.body,
        },
        `导入自 ${fileName}`,
      );
    });
    if (!parsed.batch) return report(null, caseIds, null);

    let organ = header?.organ ? fullWidthBrackets(header.organ) : settings.organ;
    if (fullWidthBrackets(settings.organ) === organ) organ = settings.organ;
    const batch = createBatch(db, {
      kind: parsed.batch.kind,
      ordinal: parsed.batch.ordinal ?? nextOrdinal(db, parsed.batch.kind),
      title: parsed.batch.title,
      importHash: hash,
      circular: header
        ? {
            organ,
            docCode: doc?.code ?? settings.docCode,
            docYear: doc?.year ?? null,
            docSeq: doc?.seq ?? null,
            title: header.title,
            addressees: header.addressees,
            body: header.body,
            attachmentNote: header.attachmentNote || parsed.batch.title,
            signature: header.signature || organ,
            date: header.date,
            cc: header.cc,
            printedBy: header.printedBy || organ,
            printedDate: header.printedDate,
            layout: header.layout,
            ...(parsed.table && parsed.tableHead ? { summary: summaryLayout(parsed, caseIds) } : {}),
          }
        : {},
    });
    const detail = setBatchItems(db, batch.id, caseIds);
    if (issued) freezeBatch(db, detail, header?.date ?? nowIso());
    return report(batch.id, caseIds, null);
  })();
}
