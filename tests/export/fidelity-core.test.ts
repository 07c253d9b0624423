import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { createHandlers } from '../../electron/core/api/handlers';
import { exportBatchDocx } from '../../electron/core/export/docx';
import { buildBatchDocx } from '../../electron/core/export/service';
import { familiesInDirs, fontFileFamilies, missingFontWarnings, statusFor, windowsFontDirs } from '../../electron/core/fonts/detect';
import { docxToPdf, NO_LIBREOFFICE_MESSAGE, sofficeCandidates } from '../../electron/core/export/pdf';
import { getBatch, issueBatch, listBatches, updateBatch } from '../../electron/core/repos/batches';
import { breakTitle } from '../../shared/title-lines';
import { displayWidth } from '../../shared/width';
import { paragraphs, readDocx } from '../helpers/docx';
import { tempCasebook, tempDir } from '../helpers/tmp';
import { fullDraftBatch } from './fixtures';

// Issue 10 outside the renderer: the missing date, the drafted body, list items, titles, fonts, the PDF path.

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

const host = { transport: 'http' as const, version: 't', chooseSavePath: async () => null, downloadUrl: () => null, openPath: async () => {}, showInFolder: async () => {} };

describe('a circular without 成文日期', () => {
  it('exports with a visible placeholder and a warning, in the result and on the command line', async () => {
    const book = tempCasebook();
    const demo = getBatch(book.db, listBatches(book.db)[0]!.id);
    expect(demo.circular.date).toBeNull();
    const built = await buildBatchDocx(book.db, demo.id);
    expect(built.warnings.some((w) => /未填写成文日期.*××××年××月××日/u.test(w))).toBe(true);
    expect(paragraphs(readDocx(built.bytes).document).some((p) => p.text === '××××年××月××日')).toBe(true);
    const file = path.join(tempDir(), 'x.docx');
    const r = await cli('--db', book.file, 'export', String(demo.id), '--docx', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/警告：未填写成文日期/u);
    // the handler's result carries the warnings for the page to show
    const saved = await createHandlers({ db: book.db, dbFile: book.file, host })['export.batchDocx']({ id: demo.id, part: 'circular' });
    expect(saved.warnings?.some((w) => /成文日期/u.test(w))).toBe(true);
  });

  it('a dated circular exports without that warning; 印发 refuses a circular without a date', async () => {
    const book = tempCasebook();
    const draft = fullDraftBatch(book.db);
    expect((await buildBatchDocx(book.db, draft.id)).warnings.filter((w) => /成文日期/u.test(w))).toEqual([]);
    updateBatch(book.db, draft.id, { circular: { date: null } });
    expect(() => issueBatch(book.db, draft.id)).toThrow(/成文日期/u);
    expect(getBatch(book.db, draft.id).status).toBe('draft');
  });
});

describe('the drafted body', () => {
  it('keeps the seed’s opening figures («302项国家级制度创新成果»)', async () => {
    const book = tempCasebook();
    const demo = getBatch(book.db, listBatches(book.db)[0]!.id);
    const body = await createHandlers({ db: book.db, dbFile: book.file, host })['batches.draftBody']({ id: demo.id });
    expect(body[0]).toMatch(/^建设自由贸易试验区是党中央.*重大使命。自2013年中国（上海）自由贸易试验区成立以来，全国各自贸试验区共形成了302项国家级制度创新成果，在全国范围内复制推广。$/u);
    expect(body[1]).toMatch(/第三批28项/u);
  });
});

describe('list items and titles', () => {
  it('prints a 1./（1） item with nothing under it as a sentence with its stop, not kept with the next line', async () => {
    const book = tempCasebook();
    const report = await import('../../electron/core/import/import-circular').then((m) =>
      m.importFile(book.db, fs.readFileSync(path.resolve(__dirname, '../fixtures/innovation-six-cases.txt')), 'six.txt'),
    );
    const ps = paragraphs(readDocx(await exportBatchDocx(getBatch(book.db, report.batchId!))).document);
    const items = ps.filter((p) => /^（\d）/u.test(p.text));
    expect(items.length).toBeGreaterThanOrEqual(6);
    for (const p of items) {
      expect(p.text).toMatch(/。$/u);
      expect(p.pPr).not.toMatch(/<w:keepNext\/>/u);
    }
    const heading = ps.find((p) => p.text === '（一）建立协同机制')!;
    expect(heading.pPr).toMatch(/<w:keepNext\/>/u); // a real heading still keeps with its text
  });

  it('breaks titles into a 正梯形, inside quotes where breaking after them would be top-heavy', () => {
    const lines = breakTitle('“推行‘全通版’食品药品许可证”复制推广典型案例', 40);
    expect(lines).toHaveLength(2);
    expect(displayWidth(lines[0]!)).toBeLessThanOrEqual(displayWidth(lines[1]!));
    const three = breakTitle('关于印发我省第三批复制推广自贸试验区制度创新成果典型案例和第四批省级创新实践案例汇编的通知', 40);
    expect(three).toHaveLength(3);
    const w = three.map(displayWidth);
    expect(w[0]! <= w[1]! && (w[1]! <= w[2]! || w[1]! >= w[2]!)).toBe(true); // 梯形 or 菱形, never an hourglass
    expect(!(w[1]! < w[0]! && w[1]! < w[2]!)).toBe(true);
  });
});

describe('fonts on this machine', () => {
  it('reads family names from font files in the Windows folders (the system’s and the user’s)', () => {
    expect(windowsFontDirs({ WINDIR: 'C:\\Windows', LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local' })).toEqual([
      'C:\\Windows\\Fonts',
      'C:\\Users\\li\\AppData\\Local\\Microsoft\\Windows\\Fonts',
    ]);
    const ttc = '/usr/share/fonts/truetype/arphic/ukai.ttc';
    if (fs.existsSync(ttc)) {
      expect([...fontFileFamilies(ttc)]).toContain('AR PL UKai CN');
      const dir = tempDir('fonts-');
      fs.copyFileSync(ttc, path.join(dir, 'UKAI.TTC'));
      fs.writeFileSync(path.join(dir, 'broken.ttf'), 'not a font');
      expect(familiesInDirs([dir, path.join(dir, 'missing')]).has('AR PL UKai CN')).toBe(true);
    }
  });

  it('says which fonts of a profile are missing and recommends the profile the machine can show', () => {
    const stock = statusFor(new Set(['SimSun', '宋体', '黑体', '仿宋', '楷体', '华文中宋']), 'windows');
    expect(stock.recommended).toBe('system');
    expect(stock.profiles.find((p) => p.profile === 'gb')!.missing).toEqual(['方正小标宋简体', '仿宋_GB2312', '楷体_GB2312']);
    expect(missingFontWarnings(stock, 'gb')[0]).toBe('未安装：方正小标宋简体 — Word 将用宋体代替（本机建议选“系统字体”）');
    expect(missingFontWarnings(stock, 'system')).toEqual([]);
    const office = statusFor(new Set(['方正小标宋简体', '仿宋_GB2312', '楷体_GB2312', '黑体', '宋体']), 'windows');
    expect(office.recommended).toBe('gb');
    expect(missingFontWarnings(statusFor(new Set(), 'unknown'), 'gb')).toEqual([]); // no claim when nothing could be read
  });

  it('answers `fonts` on the command line and fonts.status through the API', async () => {
    const book = tempCasebook();
    const r = await cli('--db', book.file, 'fonts');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/国标字体：方正小标宋简体/u);
    expect(r.out).toMatch(/建议：/u);
    const status = await createHandlers({ db: book.db, dbFile: book.file, host })['fonts.status']({});
    expect(status.profiles.map((p) => p.profile)).toEqual(['gb', 'system']);
  });
});

describe('PDF through LibreOffice', () => {
  it('looks for soffice at its usual Windows and Linux paths, and explains what to install otherwise', async () => {
    expect(sofficeCandidates({ ProgramFiles: 'C:\\Program Files' }, 'win32')).toContain('C:\\Program Files\\LibreOffice\\program\\soffice.exe');
    expect(sofficeCandidates({}, 'linux')).toContain('/usr/bin/soffice');
    await expect(docxToPdf(Buffer.from('PK'), null)).rejects.toThrow(NO_LIBREOFFICE_MESSAGE);
    expect(NO_LIBREOFFICE_MESSAGE).toMatch(/安装.*LibreOffice/u);
  });
});
