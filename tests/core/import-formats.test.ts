import { Document, ImageRun, Packer, Paragraph } from 'docx';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxToPdf, findSoffice } from '../../electron/core/export/pdf';
import { buildBatchDocx } from '../../electron/core/export/service';
import { readFileText } from '../../electron/core/import/file-text';
import { importFile } from '../../electron/core/import/import-circular';
import { parseCircular } from '../../electron/core/import/parse-circular';
import { getBatch, listBatches } from '../../electron/core/repos/batches';
import { getCase } from '../../electron/core/repos/cases';
import { dbChecksum } from '../safety/db-checksum';
import { convertWith } from '../helpers/soffice';
import { tempCasebook } from '../helpers/tmp';
import { SAMPLE_CASES, typedText, wordFile } from '../helpers/word-samples';

// Issue 17.6, 17.7 and its bad input: .doc files and PDF circulars made by LibreOffice from the project's own files
// import to the same cases; what cannot be read is refused in words naming the file, and nothing is written.

const soffice = findSoffice();
const structure = (text: string) => parseCircular(text).cases.map((c) => ({ title: c.title, unit: c.unitName, lead: c.lead, body: c.body }));

describe.skipIf(!soffice)('formats made by LibreOffice', () => {
  const demo = tempCasebook();
  const third = listBatches(demo.db).find((b) => b.title.startsWith('第三批'))!;
  let circularPdf: Buffer;
  beforeAll(async () => {
    circularPdf = await docxToPdf((await buildBatchDocx(demo.db, third.id)).bytes, soffice!);
  }, 240_000);

  it('a PDF of the demo circular imports back as the same 28 cases, in order, with the same titles and units', async () => {
    const source = getBatch(demo.db, third.id);
    const { db } = tempCasebook({ seed: false });
    const report = await importFile(db, circularPdf, '第三批.pdf');
    expect(report.warnings).toEqual([]);
    expect(report.caseCount).toBe(28);
    const imported = getBatch(db, report.batchId!);
    expect(imported.title).toBe(source.title);
    expect(imported.items.map((i) => i.case.title)).toEqual(source.items.map((i) => i.case.title));
    expect(imported.items.map((i) => i.case.unitName)).toEqual(source.items.map((i) => i.case.unitName));
    // the structure too: every case's section headings
    const headings = (db2: typeof db, id: number) => getCase(db2, id).body.map((s) => s.heading);
    expect(imported.items.map((i) => headings(db, i.caseId))).toEqual(source.items.map((i) => headings(demo.db, i.caseId)));
  }, 120_000);

  it('a .doc with typed ordinals imports as its typed twin; one with automatic numbering says the numbering was not read', async () => {
    const typedDocx = await Packer.toBuffer(new Document({ sections: [{ children: typedText().split('\n\n').map((t) => new Paragraph(t)) }] }));
    const typedDoc = convertWith(soffice!, typedDocx, '案例.docx', 'doc');
    expect(typedDoc.subarray(0, 4).toString('hex')).toBe('d0cf11e0');
    const typed = await readFileText(typedDoc, '案例.doc');
    expect(structure(typed.text)).toEqual(structure(typedText()));
    expect(typed.notes).toEqual([]);
    const wps = await readFileText(typedDoc, '案例.wps'); // WPS's own extension, the same binary format
    expect(structure(wps.text)).toEqual(structure(typedText()));

    const numberedDoc = convertWith(soffice!, await wordFile('numbering'), '自动编号.docx', 'doc');
    const numbered = await readFileText(numberedDoc, '自动编号.doc');
    expect(numbered.notes.map((n) => n.message)).toEqual([expect.stringContaining('序号为自动编号，未能读取，请核对结构')]);
  }, 240_000);

  it('an image-only PDF and a password-protected PDF are refused in words naming the file, nothing written', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAAQ0lEQVR42u3OMQ0AAAgDoJvc6FrDzoMEpJOqJ6SAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgMA3wMoBAf3wT8QAAAAASUVORK5CYII=',
      'base64',
    );
    const scanDocx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 400, height: 400 } })] })] }] }),
    );
    const scan = convertWith(soffice!, scanDocx, '扫描件.docx', 'pdf');
    const locked = convertWith(soffice!, await wordFile('numbering'), '加密.docx', 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}');
    const { db } = tempCasebook();
    const before = dbChecksum(db);
    await expect(importFile(db, scan, '扫描件.pdf')).rejects.toThrow(/扫描件.pdf没有文字层（像是扫描件或图片）.*不做文字识别/u);
    await expect(importFile(db, locked, '加密.pdf')).rejects.toThrow(/加密.pdf设有密码（已加密）/u);
    expect(dbChecksum(db)).toBe(before);
  }, 240_000);
});

describe('bad input named in words', () => {
  it('RTF or HTML saved as .doc, a truncated PDF, a .docx without its document part', async () => {
    const { db } = tempCasebook();
    const before = dbChecksum(db);
    const refused = (bytes: Buffer, name: string) => importFile(db, bytes, name).then(() => '', (e: Error) => e.message);
    expect(await refused(Buffer.from('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 SimSun;}} 案例}'), 'OA导出.doc')).toMatch(/OA导出.doc其实是 RTF 文件.*另存为 \.docx/u);
    expect(await refused(Buffer.from('<html><head><meta charset="utf-8"></head><body><p>案例</p></body></html>'), '网页.doc')).toMatch(/网页.doc其实是网页（HTML\/MHT）文件/u);
    expect(await refused(Buffer.from('MIME-Version: 1.0\r\nContent-Type: multipart/related'), '单页.doc')).toMatch(/其实是网页/u);
    expect(await refused(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog'), '截断.pdf')).toMatch(/截断.pdf不是可读取的 PDF 文件/u);
    expect(await refused(Buffer.from('not a pdf'), '假.pdf')).toMatch(/假.pdf不是有效的 PDF 文件/u);
    expect(await refused(Buffer.from(zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>') })), '空壳.docx')).toMatch(/空壳.docx不是 Word 文档（缺少正文部件）/u);
    expect(dbChecksum(db)).toBe(before);
  });
});
