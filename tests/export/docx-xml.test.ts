import { beforeAll, describe, expect, it } from 'vitest';
import { DOC_NUMBER_PATTERN } from '../../shared/docnumber';
import type { BatchDetail } from '../../shared/domain';
import { exportBatchDocx, exportCaseDocx } from '../../electron/core/export/docx';
import { getBatch, listBatches } from '../../electron/core/repos/batches';
import { getCase, updateCase, contentOf } from '../../electron/core/repos/cases';
import { attr, eastAsia, paragraphs, readDocx, type DocxParts } from '../helpers/docx';
import { tempCasebook } from '../helpers/tmp';
import { fullDraftBatch } from './fixtures';

let demo: BatchDetail;
let letter: DocxParts;
let file: DocxParts;
let letterBytes: Buffer;
const book = tempCasebook();

beforeAll(async () => {
  demo = getBatch(book.db, listBatches(book.db)[0]!.id);
  letterBytes = await exportBatchDocx(demo, { layout: 'letter' });
  letter = readDocx(letterBytes);
  file = readDocx(await exportBatchDocx(demo, { layout: 'file' }));
});

const sectPr = (d: DocxParts) => /<w:sectPr>[\s\S]*?<\/w:sectPr>/u.exec(d.document)![0];

describe('page geometry (GB/T 9704 §5)', () => {
  it.each([['letter'], ['file']])('%s: A4, margins 37/35/28/26 mm, 22 lines of 28.95 pt', (layout) => {
    const s = sectPr(layout === 'letter' ? letter : file);
    expect(attr(s, 'pgSz', 'w')).toBe('11906');
    expect(attr(s, 'pgSz', 'h')).toBe('16838');
    expect([attr(s, 'pgMar', 'top'), attr(s, 'pgMar', 'bottom'), attr(s, 'pgMar', 'left'), attr(s, 'pgMar', 'right'), attr(s, 'pgMar', 'gutter')]).toEqual([
      '2098', '1984', '1587', '1474', '0',
    ]);
    expect(Number(attr(s, 'pgMar', 'footer'))).toBeCloseTo(1446, -2);
    const pitch = Number(attr(s, 'docGrid', 'linePitch'));
    expect(pitch).toBe(579);
    const typeArea = 16838 - 2098 - 1984;
    expect(22 * pitch).toBeLessThanOrEqual(typeArea);
    expect(23 * pitch).toBeGreaterThan(typeArea);
  });

  it('writes no "exactly" line rule anywhere and no mirrored margins', () => {
    for (const d of [letter, file]) {
      for (const xml of Object.values(d.files)) expect(xml).not.toMatch(/w:lineRule="exactly"/u);
      expect(d.files['word/settings.xml']).not.toMatch(/mirrorMargins|gutterAtTop/u);
    }
  });

  it('sets Normal and the defaults to 3号 仿宋', () => {
    const styles = letter.files['word/styles.xml']!;
    expect(/<w:rPrDefault>[\s\S]*?<w:sz w:val="32"\/>/u.test(styles)).toBe(true);
    expect(/w:styleId="Normal"[\s\S]*?<w:sz w:val="32"\/>[\s\S]*?<\/w:style>/u.test(styles)).toBe(true);
    expect(eastAsia(/<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/u.exec(styles)![1]!)).toBe('仿宋_GB2312');
  });
});

describe('page numbers (§7.5)', () => {
  it('has odd and even footers with a PAGE field «— N —» in 4号宋体, outside', () => {
    expect(letter.files['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\/>/u);
    for (const d of [letter, file]) {
      const odd = d.part('footer', 'default')!;
      const even = d.part('footer', 'even')!;
      for (const [xml, side] of [[odd, 'right'], [even, 'left']] as const) {
        expect(xml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/u);
        const [p] = paragraphs(xml);
        expect(p!.text).toBe('—  —'); // the number itself is the field
        expect(p!.runs[0]!.text).toBe('— ');
        expect(attr(p!.pPr, 'jc', 'val')).toBe(side);
        expect(attr(p!.pPr, 'ind', side)).toBe('280');
        expect(attr(p!.pPr, 'spacing', 'lineRule')).toBe('exact');
        for (const r of p!.runs) {
          expect(eastAsia(r.rPr)).toBe('宋体');
          expect(attr(r.rPr, 'sz', 'val')).toBe('28');
        }
      }
    }
  });

  it('a letter shows no number on page 1; a file-format document does', () => {
    expect(sectPr(letter)).toMatch(/<w:titlePg\/>/u);
    const first = letter.part('footer', 'first')!;
    expect(first).not.toMatch(/PAGE/u);
    expect(sectPr(file)).not.toMatch(/<w:titlePg\/>/u);
  });
});

describe('版头', () => {
  it('letter: red mark at 30 mm, 170 mm double lines (thick over thin, thin over thick at 277 mm), number flush right', () => {
    const header = letter.part('header', 'first')!;
    const [mark, upper] = paragraphs(header);
    expect(mark!.text).toBe('中国（黑龙江）自由贸易试验区工作办公室');
    expect(attr(mark!.pPr, 'framePr', 'y')).toBe('1701');
    expect(attr(mark!.pPr, 'framePr', 'vAnchor')).toBe('page');
    expect(attr(mark!.runs[0]!.rPr, 'color', 'val')).toBe('FF0000');
    expect(eastAsia(mark!.runs[0]!.rPr)).toBe('方正小标宋简体');
    expect(attr(upper!.pPr, 'top', 'val')).toBe('thinThickSmallGap');
    expect(attr(upper!.pPr, 'top', 'color')).toBe('FF0000');
    expect(attr(upper!.pPr, 'framePr', 'w')).toBe('9638');
    const lower = paragraphs(letter.part('footer', 'first')!)[0]!;
    expect(attr(lower.pPr, 'top', 'val')).toBe('thickThinSmallGap');
    expect(attr(lower.pPr, 'framePr', 'y')).toBe('15704');
    expect(attr(lower.pPr, 'framePr', 'w')).toBe('9638');

    const number = paragraphs(letter.document)[0]!;
    expect(number.text).toBe('黑自贸工办函〔2023〕55号');
    expect(DOC_NUMBER_PATTERN.test(number.text)).toBe(true);
    expect(attr(number.pPr, 'jc', 'val')).toBe('right');
    expect(attr(number.pPr, 'ind', 'right')).toBeNull();
  });

  it('file: the mark 35 mm into the type area, the number centred two lines below with a red line under it', () => {
    const ps = paragraphs(file.document);
    expect(ps[0]!.text).toBe('中国（黑龙江）自由贸易试验区工作办公室文件');
    expect(attr(ps[0]!.pPr, 'spacing', 'before')).toBe('1984');
    expect(attr(ps[0]!.runs[0]!.rPr, 'color', 'val')).toBe('FF0000');
    expect([ps[1]!.text, ps[2]!.text]).toEqual(['', '']);
    const number = ps[3]!;
    expect(number.text).toBe('黑自贸工办函〔2023〕55号');
    expect(attr(number.pPr, 'jc', 'val')).toBe('center');
    expect(attr(number.pPr, 'bottom', 'color')).toBe('FF0000');
    expect(attr(number.pPr, 'bottom', 'val')).toBe('single');
    expect(attr(number.pPr, 'ind', 'left')).toBeNull();
  });
});

describe('主体 and fonts per element', () => {
  const ps = () => paragraphs(letter.document);

  it('title in 2号小标宋, centred and not bold; 主送 ends with a full-width colon', () => {
    const title = ps().find((p) => p.text === '关于印发我省第三批复制推广自贸试验区制度创新成果典型案例的通知')!;
    expect(attr(title.pPr, 'jc', 'val')).toBe('center');
    for (const r of title.runs) {
      expect(eastAsia(r.rPr)).toBe('方正小标宋简体');
      expect(attr(r.rPr, 'sz', 'val')).toBe('44');
      expect(r.rPr).not.toMatch(/<w:b\/>/u);
    }
    expect(title.xml).toMatch(/<w:br\/>/u); // broken into two lines by the program, not by the renderer
    const addressees = ps().find((p) => p.text.startsWith('各市（地）'))!;
    expect(addressees.text.endsWith('：')).toBe(true);
    expect(attr(addressees.pPr, 'ind', 'firstLine')).toBeNull();
  });

  it('body paragraphs: 3号仿宋, two characters in, justified, exact 579', () => {
    const body = ps().filter((p) => p.text.startsWith('建设自由贸易试验区') || p.text.startsWith('按照省委省政府'));
    expect(body).toHaveLength(2);
    for (const p of body) {
      expect(attr(p.pPr, 'ind', 'firstLine')).toBe('640');
      expect(attr(p.pPr, 'jc', 'val')).toBe('both');
      expect(attr(p.pPr, 'spacing', 'line')).toBe('579');
      expect(attr(p.pPr, 'spacing', 'lineRule')).toBe('exact');
      expect(eastAsia(p.runs[0]!.rPr)).toBe('仿宋_GB2312');
      expect(attr(p.runs[0]!.rPr, 'sz', 'val')).toBe('32');
    }
  });

  it('一、 in 黑体, （一） in 楷体 with run-in text in 仿宋, all ordinals generated', () => {
    const all = ps();
    const h1 = all.filter((p) => /^[一二三四五六七八九十]+、/u.test(p.text));
    const h2 = all.filter((p) => /^（[一二三四五六七八九十]+）/u.test(p.text));
    expect(h1.length).toBeGreaterThan(100);
    expect(h2.length).toBeGreaterThan(60);
    for (const p of h1) expect(eastAsia(p.runs[0]!.rPr)).toBe('黑体');
    for (const p of h2) expect(eastAsia(p.runs[0]!.rPr)).toBe('楷体_GB2312');
    // case 20: the repeated «二、» of the seed prints as 三、, and its items run in
    const runIn = all.find((p) => p.text.startsWith('（一）开办时间进一步缩短。'))!;
    expect(runIn.runs.map((r) => eastAsia(r.rPr))).toEqual(['楷体_GB2312', '仿宋_GB2312']);
    expect(runIn.runs[1]!.text).toMatch(/^“一业一证、证照联办”改革前/u);
    const case20 = all.findIndex((p) => p.text === '“推行‘全通版’食品药品许可证”复制推广典型案例');
    expect(case20).toBeGreaterThan(0);
    const next = all.slice(case20 + 1).find((p) => /^[一二三四]、(实践效果|下一步)/u.test(p.text))!;
    expect(next.text).toBe('三、实践效果');
  });

  it('draws Chinese punctuation in the Chinese font', () => {
    for (const p of paragraphs(letter.document)) {
      for (const r of p.runs.filter((r) => /[“”‘’—…]/u.test(r.text))) {
        expect(attr(r.rPr, 'rFonts', 'ascii')).toBe(eastAsia(r.rPr));
        expect(attr(r.rPr, 'rFonts', 'hint')).toBe('eastAsia');
      }
    }
  });

  it('附件说明 indented two characters, continuation aligned after «附件：»', () => {
    const note = paragraphs(letter.document).find((p) => p.text.startsWith('附件：'))!;
    expect(note.text).toBe('附件：第三批复制推广自贸试验区制度创新成果典型案例');
    expect(Number(attr(note.pPr, 'ind', 'left')) - Number(attr(note.pPr, 'ind', 'hanging'))).toBe(640);
  });
});

describe('the attachment', () => {
  it('«附件» on line 1 of a new page in 黑体, the title on line 3, every case on a new page', () => {
    const all = paragraphs(letter.document);
    const i = all.findIndex((p) => p.text === '附件');
    expect(all[i]!.pPr).toMatch(/<w:pageBreakBefore\/>/u);
    expect(eastAsia(all[i]!.runs[0]!.rPr)).toBe('黑体');
    expect(all[i + 1]!.text).toBe('');
    expect(all[i + 2]!.text).toBe('第三批复制推广自贸试验区制度创新成果典型案例');
    expect(attr(all[i + 2]!.pPr, 'jc', 'val')).toBe('center');
    for (const item of demo.items) {
      const title = all.find((p) => p.text === item.case.title && /pageBreakBefore/u.test(p.pPr));
      expect(title, item.case.title).toBeDefined();
      const unitLine = all[all.indexOf(title!) + 1]!;
      expect(unitLine.text).toBe(`（${item.case.unitName}提供）`);
    }
  });

  it('the 汇总表: its caption, 序号/案例名称/提供单位 in the table’s wording, header repeated, 28 rows, widths WPS respects', () => {
    const all = paragraphs(letter.document);
    const i = all.findIndex((p) => p.text === '附件');
    expect(all[i + 4]!.text).toBe('第三批复制推广自贸试验区制度创新成果典型案例汇总表'); // the source's caption keeps «汇总表»
    const table = /<w:tbl>([\s\S]*?)<\/w:tbl>/u.exec(letter.document)![1]!;
    const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/gu)!;
    expect(rows).toHaveLength(29);
    expect(rows[0]).toMatch(/<w:tblHeader\/>/u);
    expect(rows.slice(1).every((r) => !/tblHeader/u.test(r) && /cantSplit/u.test(r))).toBe(true);
    expect(paragraphs(rows[0]!).map((p) => p.text)).toEqual(['序号', '案例名称', '提供单位']);
    const cells = (r: string) => paragraphs(r).map((p) => p.text);
    const listed = demo.items.map((it) => demo.circular.summary!.rows[String(it.caseId)]!.title);
    expect(rows.slice(1).map(cells)).toEqual(demo.items.map((it, k) => [String(it.seq), listed[k], it.case.unitName]));
    // case 20: the table says «全通版», the case page keeps ‘全通版’ (issue 10.10)
    expect(listed[19]).toBe('“推行全通版食品药品许可证”复制推广典型案例');
    expect(demo.items[19]!.case.title).toBe('“推行‘全通版’食品药品许可证”复制推广典型案例');
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/gu)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 1587 - 1474); // as wide as the 版心
    expect([...table.matchAll(/<w:tcW w:type="(\w+)"/gu)].every((m) => m[1] === 'dxa')).toBe(true);
  });
});

describe('版记, font profiles, determinism, snapshots', () => {
  it('file format: 抄送 above 印发 in 4号仿宋 between thick, thin and thick rules, last in the document; letter: only 抄送, no lines', async () => {
    const b2 = tempCasebook();
    const batch = fullDraftBatch(b2.db);
    const f = readDocx(await exportBatchDocx(batch, { layout: 'file' }));
    const ps = paragraphs(f.document);
    const tail = ps.slice(-5);
    const [r1, cc, r2, printed, r3] = tail;
    expect(cc!.text).toBe('抄送：省委办公厅，省政府办公厅。');
    expect(printed!.text).toBe('中国（黑龙江）自由贸易试验区工作办公室2024年5月9日印发');
    expect(printed!.xml).toMatch(/<w:tab\/>/u); // organ left, date right, on one line
    for (const p of [cc!, printed!]) {
      expect(attr(p.runs[0]!.rPr, 'sz', 'val')).toBe('28');
      expect(eastAsia(p.runs[0]!.rPr)).toBe('仿宋_GB2312');
    }
    expect([r1, r2, r3].map((r) => attr(r!.pPr, 'top', 'sz'))).toEqual(['8', '6', '8']); // thick / thin / thick
    for (const r of [r1, r2, r3]) expect(attr(r!.pPr, 'ind', 'left')).toBeNull(); // as wide as the 版心
    const l = readDocx(await exportBatchDocx(batch, { layout: 'letter' }));
    const lps = paragraphs(l.document);
    expect(lps.at(-1)!.text).toBe('抄送：省委办公厅，省政府办公厅。');
    for (const p of lps.slice(-6)) expect(p.pPr).not.toMatch(/<w:pBdr>/u);
    // §7.3.5.2: the 署名 2 字 in from the right, the date 2 字 right of the 署名's start
    const signature = lps.find((p) => p.text === '中国（黑龙江）自由贸易试验区工作办公室' && attr(p.pPr, 'jc', 'val') === 'right')!;
    const date = lps.find((p) => p.text === '2024年5月8日')!;
    expect(attr(signature.pPr, 'ind', 'right')).toBe('640');
    const S = [...signature.text].length * 320;
    const D = 6 * 320; // «2024年5月8日»: digits count half a character
    expect(Number(attr(date.pPr, 'ind', 'right'))).toBe(640 + S - 640 - D);
    expect(signature.pPr).toMatch(/<w:keepNext\/>/u);
  });

  it('the system-font profile names fonts every Windows has', async () => {
    const d = readDocx(await exportBatchDocx(demo, { layout: 'letter', fonts: 'system' }));
    const fonts = new Set([...d.document.matchAll(/w:eastAsia="([^"]+)"/gu)].map((m) => m[1]));
    expect([...fonts].sort()).toEqual(['仿宋', '华文中宋', '楷体', '黑体'].sort());
  });

  it('the same batch and options give the same bytes', async () => {
    const again = await exportBatchDocx(demo, { layout: 'letter' });
    expect(again.equals(letterBytes)).toBe(true);
  });

  it('an issued batch exports from its snapshots: later edits to a case do not reach it', async () => {
    const item = demo.items[0]!;
    const live = getCase(book.db, item.caseId);
    updateCase(book.db, live.id, { ...contentOf(live), title: '“改过的标题”复制推广典型案例' });
    const after = await exportBatchDocx(getBatch(book.db, demo.id), { layout: 'letter' });
    expect(after.equals(letterBytes)).toBe(true);
  });

  it('exports one case alone, and the attachment alone', async () => {
    const c = getCase(book.db, demo.items[10]!.caseId);
    const one = readDocx(await exportCaseDocx(c));
    const ps = paragraphs(one.document);
    expect(ps[0]!.text).toBe(c.title);
    expect(ps[0]!.pPr).not.toMatch(/pageBreakBefore/u);
    expect(ps[1]!.text).toBe('（黑河片区提供）');
    expect(ps.filter((p) => /^[一二三]、/u.test(p.text)).map((p) => p.text)).toEqual(['一、主要做法', '二、实践效果', '三、下一步工作思路']);
    const att = readDocx(await exportBatchDocx(demo, { part: 'attachment' }));
    const aps = paragraphs(att.document);
    expect(aps[0]!.text).toBe('附件');
    expect(aps[0]!.pPr).not.toMatch(/pageBreakBefore/u);
    expect(aps.some((p) => p.text === demo.circular.title.replace(/\s/gu, ''))).toBe(false);
    expect(aps.some((p) => p.text.startsWith('附件：'))).toBe(false);
    expect(att.part('footer', 'default')).toMatch(/PAGE/u);
  });
});
