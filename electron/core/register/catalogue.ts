import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import {
  CATALOGUE_MAX_BYTES,
  CATALOGUE_MAX_ROWS,
  EXPERIENCE_KINDS,
  EXPERIENCE_KIND_LABELS,
  experienceBatchLabel,
  experienceInputSchema,
  parseExperienceBatch,
  type CataloguePreview,
  type CatalogueRow,
  type Experience,
  type ExperienceInput,
  type ExperienceKind,
} from '../../../shared/register';
import { unzipSync, zipSync } from 'fflate';
import type { Db } from '../db/connection';
import { zipWithinBounds } from '../import/zip';
import { UserError } from '../util';
import { getExperience } from './catalogue-reads';

// The experience catalogue (经验目录): national pilot experiences and best practices by batch, other FTZs'
// innovations by origin. Stored in `source_experiences`, so the cases that already point at a source keep it.
// Reading it is in catalogue-reads.ts (no zod, for the command line's start); its functions are exported here too.
export { getExperience, listExperiences } from './catalogue-reads';

export function saveExperience(db: Db, raw: ExperienceInput & { id?: number }): Experience {
  const input = experienceInputSchema.parse(raw);
  if (raw.id) getExperience(db, raw.id);
  const clash = db.prepare('SELECT id, kind, batch_no FROM source_experiences WHERE name = ? AND id IS NOT ?').get(input.name, raw.id ?? null) as
    | { id: number; kind: ExperienceKind; batch_no: number | null }
    | undefined;
  if (clash) {
    const where = experienceBatchLabel(clash.kind, clash.batch_no) || EXPERIENCE_KIND_LABELS[clash.kind];
    throw new UserError(`经验目录中已有“${input.name}”（${where}）`, 'conflict');
  }
  const values = [input.name, input.kind, input.batchNo, input.area, input.origin, input.year, input.sourceDoc, input.note] as const;
  if (raw.id) {
    db.prepare('UPDATE source_experiences SET name=?, kind=?, batch_no=?, area=?, origin=?, year=?, source_doc=?, note=? WHERE id=?').run(...values, raw.id);
    return getExperience(db, raw.id);
  }
  const info = db.prepare('INSERT INTO source_experiences (name, kind, batch_no, area, origin, year, source_doc, note) VALUES (?,?,?,?,?,?,?,?)').run(...values);
  return getExperience(db, Number(info.lastInsertRowid));
}

export function deleteExperience(db: Db, id: number): void {
  const e = getExperience(db, id);
  if (e.caseCount > 0) throw new UserError(`“${e.name}”已有 ${e.caseCount} 个案例引用，请先修改这些案例的复制推广来源`, 'conflict');
  db.prepare('DELETE FROM source_experiences WHERE id = ?').run(id);
}

// ---- import ---------------------------------------------------------------------------------------------

type Target = 'name' | 'kind' | 'batch' | 'area' | 'origin' | 'year' | 'sourceDoc' | 'note';
/** Header names the office's sheets use, per field; matched after removing spaces and brackets' width. */
const HEADERS: Record<Target, string[]> = {
  name: ['名称', '经验名称', '事项名称', '改革事项', '案例名称', '改革试点经验名称'],
  kind: ['类别', '类型', '经验类别'],
  batch: ['批次'],
  area: ['领域', '所属领域'],
  origin: ['原创新负责部门(单位)', '原创新负责部门', '原创新单位', '来源', '来源自贸试验区', '负责部门'],
  year: ['年份', '年度', '发布年份'],
  sourceDoc: ['来源文件', '文件', '发文字号', '文号'],
  note: ['备注', '说明'],
};
/**
 * The unpacked size of a catalogue .xlsx: 5,000 rows of a dozen columns are a few MB of sheet XML; past these a
 * small file would unpack to hundreds of MB inside exceljs (a zip bomb).
 */
const CATALOGUE_ZIP_BOUNDS = { part: 16 * 1024 * 1024, total: 32 * 1024 * 1024 };
/** How far down a title block may push the header row. */
const HEADER_SEARCH_ROWS = 10;
/**
 * A sheet whose whole columns were formatted lists up to a million value-less cells and empty rows; exceljs would
 * build an object for each (15 s for 700,000 rows) and the count of rows would refuse a file of a hundred names.
 * They carry nothing the catalogue reads, so they are cut from the sheet's XML first, in one linear pass each.
 */
const EMPTY_CELL = /<(?:\w+:)?c\b[^>]*\/>/gu;
const EMPTY_ROW = /<(?:\w+:)?row\b[^>]*\/>|<((?:\w+:)?)row\b[^>]*>\s*<\/\1row>/gu;
const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/u;

/** The workbook's parts with the sheets' empty cells and rows taken out, stored without compression for exceljs. */
function withoutEmptyRows(parts: Record<string, Uint8Array>): Uint8Array {
  for (const name of Object.keys(parts)) {
    if (!WORKSHEET_PART.test(name)) continue;
    const xml = new TextDecoder().decode(parts[name]);
    parts[name] = new TextEncoder().encode(xml.replace(EMPTY_CELL, '').replace(EMPTY_ROW, ''));
  }
  return zipSync(parts, { level: 0 });
}
const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');
const headerKey = (h: string) => h.replace(/\s+/gu, '').replace(/（/gu, '(').replace(/）/gu, ')').replace(/[*＊]/gu, '');

function mapHeaders(headers: string[]): { header: string; field: Target | null }[] {
  const taken = new Set<Target>();
  return headers.map((header) => {
    const key = headerKey(header);
    const field = (Object.keys(HEADERS) as Target[]).find((t) => !taken.has(t) && HEADERS[t].some((h) => headerKey(h) === key)) ?? null;
    if (field) taken.add(field);
    return { header, field };
  });
}

function kindOf(text: string): ExperienceKind | null {
  const t = text.replace(/\s+/gu, '');
  if (!t) return null;
  const exact = EXPERIENCE_KINDS.find((k) => EXPERIENCE_KIND_LABELS[k] === t || k === t);
  if (exact) return exact;
  if (/试点经验/u.test(t)) return 'pilot';
  if (/最佳实践/u.test(t)) return 'best_practice';
  if (/自贸|自由贸易|创新成果|做法/u.test(t)) return 'other_ftz';
  if (t === '其他') return 'other';
  return null;
}

/** Reads the file's rows as text: .xlsx by exceljs, .csv by papaparse (UTF-8, or GBK as Excel saves it in China). */
async function readRows(bytes: Uint8Array, fileName: string): Promise<{ rows: string[][]; notice: string | null; truncated: boolean }> {
  if (bytes.length === 0) throw new UserError(`${fileName}是空文件`, 'bad_input');
  if (bytes.length > CATALOGUE_MAX_BYTES) throw new UserError(`${fileName}超过 ${CATALOGUE_MAX_BYTES / 1024 / 1024} MB，请拆分后导入`, 'bad_input');
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    const unreadable = () => new UserError(`${fileName}无法作为 Excel（.xlsx）文件读取，请确认文件未损坏`, 'bad_input');
    if (!zipWithinBounds(bytes, fileName, CATALOGUE_ZIP_BOUNDS)) throw unreadable();
    // exceljs loads only when a workbook is read: the catalogue's other readers (the ledger, the command line) start light
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    try {
      // exceljs would trust the packed streams; fflate unpacks each part into no more than its declared (checked)
      // size, so the workbook exceljs reads is the bounded one, stored without compression.
      await wb.xlsx.load(Buffer.from(withoutEmptyRows(unzipSync(bytes))) as unknown as ArrayBuffer);
    } catch {
      throw unreadable();
    }
    // The sheet the clerk sees on opening the file: a hidden sheet (an old version, a lookup list) is not the catalogue.
    const ws = wb.worksheets.find((w) => w.state === 'visible') ?? wb.worksheets[0];
    if (!ws) throw new UserError(`${fileName}中没有工作表`, 'bad_input');
    const rows: string[][] = [];
    const width = Math.min(ws.columnCount, 50);
    let filled = 0;
    let truncated = false;
    ws.eachRow((row, n) => {
      if (truncated) return;
      const cells: string[] = [];
      for (let i = 1; i <= width; i++) cells.push(cellText(row.getCell(i).value));
      if (!isBlank(cells) && ++filled > CATALOGUE_MAX_ROWS + HEADER_SEARCH_ROWS) truncated = true;
      else rows[n - 1] = cells;
    });
    const none: string[] = []; // one shared empty row for the gaps the cut rows left
    return { rows: Array.from(rows, (r) => r ?? none), notice: null, truncated };
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    let text: string;
    let notice: string | null = null;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Excel on a Chinese Windows saves «CSV» in GBK: read it as such rather than refusing the clerk's file.
      text = new TextDecoder('gb18030').decode(bytes);
      notice = `${fileName}不是 UTF-8 编码，已按 GBK（GB18030）读取；请核对预览中的文字`;
    }
    // Blank lines do not count against the bound (Excel saves a formatted column as thousands of «,,,»); the read
    // stops at the first line past it, and a file cut there is refused, never imported in part.
    const rows: string[][] = [];
    let filled = 0;
    let truncated = false;
    Papa.parse<string[]>(text.replace(/^\uFEFF/u, ''), {
      skipEmptyLines: false,
      step: (result, parser) => {
        const cells = result.data.map((c) => String(c ?? ''));
        if (!isBlank(cells) && ++filled > CATALOGUE_MAX_ROWS + HEADER_SEARCH_ROWS) {
          truncated = true;
          parser.abort();
        } else rows.push(cells);
      },
    });
    return { rows, notice, truncated };
  }
  throw new UserError(`${fileName}：只能导入 .xlsx 或 .csv 文件`, 'bad_input');
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString().slice(0, 10); // a 年份 column reads its year from it
    if ('error' in v) return String(v.error); // «#DIV/0!» as Excel shows it, which the row's check then names
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return v.result === undefined || v.result === null ? '' : cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

/** The preview: every row checked (with the row number the clerk sees), nothing written. */
export async function previewCatalogue(db: Db, bytes: Uint8Array, fileName: string): Promise<CataloguePreview & { notice: string | null }> {
  const { rows, notice, truncated } = await readRows(bytes, fileName);
  const tooMany = () => new UserError(`${fileName}超过 ${CATALOGUE_MAX_ROWS} 行，请拆分后导入`, 'bad_input');
  if (truncated) throw tooMany();
  // The header is the first row naming a 名称 column: a printed sheet has a merged title row above it.
  const firstFilled = rows.findIndex((r) => !isBlank(r));
  if (firstFilled < 0) throw new UserError(`${fileName}没有内容`, 'bad_input');
  const named = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => mapHeaders(r.map((c) => c.trim())).some((c) => c.field === 'name'));
  const headerIndex = named >= 0 ? named : firstFilled;
  const columns = mapHeaders(rows[headerIndex]!.map((c) => c.trim()));
  const col = (t: Target) => columns.findIndex((c) => c.field === t);
  if (col('name') < 0) {
    const found = columns.map((c) => c.header).filter(Boolean);
    const listed = found.slice(0, 20).join('、') + (found.length > 20 ? `等 ${found.length} 列` : '');
    throw new UserError(`${fileName}的表头中没有“名称”列（找到：${listed || '无'}）`, 'bad_input');
  }
  const data = rows.slice(headerIndex + 1);
  if (data.filter((r) => !isBlank(r)).length > CATALOGUE_MAX_ROWS) throw tooMany();

  const seen = new Map<string, { line: number; key: string }>(); // name → the first line naming it
  const existing = db.prepare('SELECT id, kind, batch_no FROM source_experiences WHERE name = ?');
  const out: CatalogueRow[] = [];
  data.forEach((cells, i) => {
    const line = headerIndex + i + 2;
    const get = (t: Target) => (col(t) >= 0 ? (cells[col(t)] ?? '').trim() : '');
    if (isBlank(cells)) return;
    const errors: string[] = [];
    const name = get('name');
    if (!name) errors.push(`第${line}行：缺少名称`);
    else if (name.length > 200) errors.push(`第${line}行：名称超过 200 个字`);

    const batchText = get('batch');
    const batch = batchText ? parseExperienceBatch(batchText) : null;
    if (batchText && !batch) errors.push(`第${line}行：批次“${batchText}”无法识别，应写作“第六批”或“国务院第6批”`);
    const kindText = get('kind');
    let kind = kindOf(kindText) ?? batch?.kind ?? null;
    if (kindText && !kindOf(kindText)) errors.push(`第${line}行：类别“${kindText}”无法识别，应为${EXPERIENCE_KINDS.map((k) => EXPERIENCE_KIND_LABELS[k]).join('、')}`);
    if (!kind) kind = batch ? 'pilot' : get('origin') ? 'other_ftz' : 'other';
    if (batch?.kind && kind !== batch.kind && kindText) errors.push(`第${line}行：类别“${kindText}”与批次“${batchText}”不一致`);

    const yearText = get('year');
    let year: number | null = null;
    if (yearText) {
      const m = /^(\d{4})(?:年|\.0|-\d{2}-\d{2})?$/u.exec(yearText);
      year = m ? Number(m[1]) : NaN;
      if (!m || year < 1990 || year > 2100) {
        errors.push(`第${line}行：年份“${yearText}”超出范围，应为 1990–2100 之间的四位年份`);
        year = null;
      }
    }
    const batchNo = kind === 'pilot' || kind === 'best_practice' ? (batch?.batchNo ?? null) : null;
    // Names are unique in the catalogue, so a name twice in one file is an error even across batches: the second
    // would otherwise fail the whole import's transaction without saying which line.
    const key = `${kind}\u0000${batchNo ?? ''}`;
    const first = name ? seen.get(name) : undefined;
    if (first) errors.push(`第${line}行：与第${first.line}行重复（${first.key === key ? '同一批次中名称相同' : '名称相同而批次或类别不同，目录中名称不能重复'}）`);
    else if (name) seen.set(name, { line, key });

    let duplicateOf: number | null = null;
    const found = name ? (existing.get(name) as { id: number; kind: ExperienceKind; batch_no: number | null } | undefined) : undefined;
    if (found) {
      // The same entry, or the same one now given its batch (an entry first met without one).
      if (found.kind === kind && (found.batch_no === batchNo || found.batch_no === null)) duplicateOf = found.id;
      else errors.push(`第${line}行：目录中已有“${name}”（${experienceBatchLabel(found.kind, found.batch_no) || EXPERIENCE_KIND_LABELS[found.kind]}），与本行批次不同`);
    }
    const input = experienceInputSchema.safeParse({
      name,
      kind,
      batchNo,
      area: get('area'),
      origin: get('origin'),
      year,
      sourceDoc: get('sourceDoc'),
      note: get('note'),
    });
    if (!input.success && errors.length === 0) errors.push(`第${line}行：${input.error.issues.map((x) => x.message).join('；')}`);
    out.push({ line, input: errors.length === 0 && input.success ? input.data : null, errors, duplicateOf });
  });
  const bad = out.filter((r) => r.errors.length > 0).length;
  return { columns, rows: out, good: out.length - bad, bad, notice };
}

export interface CatalogueImportResult {
  created: number;
  updated: number;
  skipped: number;
  preview: CataloguePreview & { notice: string | null };
}

/**
 * Writes the good rows of a file in one transaction. With any bad row, nothing is written unless the clerk
 * confirmed that the good rows should go in without them (`acceptGoodRows`).
 */
export async function importCatalogue(db: Db, bytes: Uint8Array, fileName: string, options: { acceptGoodRows?: boolean } = {}): Promise<CatalogueImportResult> {
  const preview = await previewCatalogue(db, bytes, fileName);
  if (preview.bad > 0 && !options.acceptGoodRows) {
    const first = preview.rows.flatMap((r) => r.errors).slice(0, 5).join('；');
    throw new UserError(`${fileName}有 ${preview.bad} 行有误，未导入任何内容（${first}${preview.bad > 5 ? '……' : ''}）。确认只导入正确的 ${preview.good} 行后再导入`, 'bad_input');
  }
  let created = 0;
  let updated = 0;
  db.transaction(() => {
    for (const r of preview.rows) {
      if (!r.input) continue;
      if (r.duplicateOf) {
        const before = getExperience(db, r.duplicateOf);
        // A re-import fills what the entry lacks and corrects what the sheet now says; the note is kept.
        saveExperience(db, { ...r.input, id: r.duplicateOf, note: r.input.note || before.note });
        updated += 1;
      } else {
        saveExperience(db, r.input);
        created += 1;
      }
    }
  })();
  return { created, updated, skipped: preview.bad, preview };
}

// ---- export ---------------------------------------------------------------------------------------------

/** Data-derived stamp: the catalogue has no clock of its own, and the same catalogue must give the same bytes. */
export const CATALOGUE_STAMP = new Date('2020-01-01T00:00:00Z');
