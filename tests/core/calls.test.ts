import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { computeTracker, createCall, getCallDetail, isLate } from '../../electron/core/calls/calls';
import { buildCallNoticeDocx, buildCallXlsx } from '../../electron/core/calls/exports';
import { assignUnit, firstCheck, receiveFiles, returnSubmission } from '../../electron/core/calls/receive';
import { setPanel, setScores, setSelected } from '../../electron/core/calls/scoring';
import { batchFromCall, honourSubmissions } from '../../electron/core/calls/selection';
import { unitFromFileName, unitFromText } from '../../electron/core/calls/unit-match';
import type { Casebook } from '../../electron/core/casebook';
import { getBatch } from '../../electron/core/repos/batches';
import { getCase, listRevisions } from '../../electron/core/repos/cases';
import { listUnits } from '../../electron/core/repos/vocab';
import { paragraphs, readDocx } from '../helpers/docx';
import { CASE_LINES, PNG_BYTES, caseDocx } from '../helpers/submissions';
import { tempCasebook } from '../helpers/tmp';
import { SAMPLE_CASES, wordFile } from '../helpers/word-samples';

const unitId = (book: Casebook, name: string) => listUnits(book.db).find((u) => u.name === name)!.id;

describe('征集: a call of three units receiving two .docx submissions and one bad file', () => {
  let book: Casebook;
  let callId: number;
  let results: Awaited<ReturnType<typeof receiveFiles>>;

  beforeAll(async () => {
    book = tempCasebook({ seed: false });
    const call = createCall(book.db, {
      title: '2026年复制推广典型案例征集',
      kind: 'replication',
      deadline: '2026-03-31',
      units: ['大庆市', '伊春市', '哈尔滨片区'].map((n) => ({ unitId: unitId(book, n), expected: 1 })),
    });
    callId = call.id;
    const byText = await caseDocx('“跨境电商监管新模式”复制推广典型案例', '（大庆市提供）', CASE_LINES('跨境电商监管新模式'));
    const byName = await caseDocx('“企业开办一网通办”复制推广典型案例', null, CASE_LINES('企业开办一网通办'));
    results = await receiveFiles(
      book.db,
      callId,
      [
        { fileName: '报送案例.docx', bytes: byText },
        { fileName: '哈尔滨片区-企业开办.docx', bytes: byName },
        { fileName: '照片.png', bytes: PNG_BYTES },
      ],
      () => '2026-03-20T02:00:00.000Z',
    );
  });

  it('receives each case with its unit recognised from the «提供» line or the file name, and refuses the bad file', () => {
    expect(results.map((r) => r.outcome)).toEqual(['received', 'received', 'refused']);
    expect(results[0]!.message).toMatch(/大庆市.*按“提供”行/u);
    expect(results[1]!.message).toMatch(/哈尔滨片区.*按文件名/u);
    expect(results[2]!.message).toMatch(/不是案例文件/u);
    const c = getCase(book.db, results[1]!.caseId!);
    expect(c).toMatchObject({ unitName: '哈尔滨片区', status: 'submitted', type: 'replication', title: '“企业开办一网通办”复制推广典型案例' });
    expect(c.body.map((n) => n.heading)).toEqual(['复制推广事项介绍', '主要做法', '实践效果', '下一步工作思路']);
    expect(c.body[1]!.items.map((n) => n.heading.replace(/。$/u, ''))).toEqual(['建立工作机制', '优化办理流程']);
    // The original file is kept byte for byte.
    const stored = book.db.prepare('SELECT file_bytes FROM call_submissions WHERE id = ?').get(results[1]!.submissionId) as { file_bytes: Buffer };
    expect(stored.file_bytes.length).toBeGreaterThan(1000);
  });

  it('tracks per unit: 2 received, 1 missing, and the missing unit is on the 催报 list after the deadline', () => {
    const detail = getCallDetail(book.db, callId);
    const t = computeTracker(book.db, detail, detail.submissions, '2026-04-02');
    expect(t.totals).toEqual({ expected: 3, received: 2, returned: 0, late: 0, missing: 1 });
    expect(t.rows.map((r) => [r.unitName, r.received])).toEqual([
      ['大庆市', 1],
      ['伊春市', 0],
      ['哈尔滨片区', 1],
    ]);
    expect(t.chase.map((c) => c.unitName)).toEqual(['伊春市']);
    expect(t.overdue).toBe(true);
  });

  it('recognises the same file sent twice and the same case sent again as duplicates', async () => {
    const again = await caseDocx('“跨境电商监管新模式”复制推广典型案例', '（大庆市提供）', CASE_LINES('跨境电商监管新模式'));
    const r = await receiveFiles(book.db, callId, [{ fileName: '报送案例(1).docx', bytes: again }]);
    expect(r[0]!.outcome).toBe('duplicate');
    expect(getCallDetail(book.db, callId).submissions).toHaveLength(2);
  });

  it('scores with weighted criteria, ranks, and makes the draft batch in ranked order', () => {
    const panel = setPanel(book.db, callId, {
      reviewers: [{ name: '评审甲' }, { name: '评审乙' }],
      criteria: [
        { name: '创新性', weight: 60 },
        { name: '实效性', weight: 40 },
      ],
    });
    const [a, b] = panel.reviewers;
    const [inno, effect] = panel.criteria;
    const subs = getCallDetail(book.db, callId).submissions;
    const daqing = subs.find((s) => s.unitName === '大庆市')!;
    const harbin = subs.find((s) => s.unitName === '哈尔滨片区')!;
    // 大庆: 甲 (80·60+70·40)/100 = 76, 乙 (90·60+60·40)/100 = 78 → 77. 哈尔滨: 甲 90, 乙 (95·60+85·40)/100 = 91 → 90.5.
    setScores(book.db, callId, [
      { submissionId: daqing.id, reviewerId: a!.id, criterionId: inno!.id, score: 80 },
      { submissionId: daqing.id, reviewerId: a!.id, criterionId: effect!.id, score: 70 },
      { submissionId: daqing.id, reviewerId: b!.id, criterionId: inno!.id, score: 90 },
      { submissionId: daqing.id, reviewerId: b!.id, criterionId: effect!.id, score: 60 },
      { submissionId: harbin.id, reviewerId: a!.id, criterionId: inno!.id, score: 90 },
      { submissionId: harbin.id, reviewerId: a!.id, criterionId: effect!.id, score: 90 },
      { submissionId: harbin.id, reviewerId: b!.id, criterionId: inno!.id, score: 95 },
      { submissionId: harbin.id, reviewerId: b!.id, criterionId: effect!.id, score: 85 },
    ]);
    const ranking = getCallDetail(book.db, callId).ranking;
    expect(ranking.map((r) => [r.unitName, r.total, r.rank])).toEqual([
      ['哈尔滨片区', 90.5, 1],
      ['大庆市', 77, 2],
    ]);
    expect(ranking[1]!.byReviewer.map((x) => x.score)).toEqual([76, 78]);

    setSelected(book.db, callId, [daqing.id, harbin.id], true);
    const batch = batchFromCall(book.db, callId);
    expect(batch.status).toBe('draft');
    expect(batch.kind).toBe('replication');
    expect(batch.items.map((i) => [i.seq, i.case.unitName])).toEqual([
      [1, '哈尔滨片区'],
      [2, '大庆市'],
    ]);
    expect(getCallDetail(book.db, callId).batchId).toBe(batch.id);
    expect(() => batchFromCall(book.db, callId)).toThrow(/已生成批次/u);
    expect(getBatch(book.db, batch.id).title).toMatch(/^第一批复制推广/u);
  });

  it('records the 评选 honour on the chosen cases, with a revision', () => {
    const harbin = getCallDetail(book.db, callId).submissions.find((s) => s.unitName === '哈尔滨片区')!;
    expect(honourSubmissions(book.db, callId, [harbin.id], 'provincial_excellent')).toBe(1);
    expect(getCase(book.db, harbin.caseId!).honours).toEqual(['provincial_excellent']);
    expect(listRevisions(book.db, harbin.caseId!)[0]!.note).toMatch(/评选/u);
    expect(honourSubmissions(book.db, callId, [harbin.id], 'provincial_excellent')).toBe(0);
  });

  it('exports the 评选结果 workbook and the notice in the circular format without an attachment', async () => {
    const xlsx = await buildCallXlsx(book.db, callId);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('评选结果')!;
    expect(ws.getCell('A1').value).toBe('2026年复制推广典型案例征集评选结果');
    expect(ws.getRow(2).values).toEqual([undefined, '名次', '案例名称', '提供单位', '评审甲', '评审乙', '总分', '入选']);
    expect(ws.getRow(3).getCell(6).value).toBe(90.5);
    const tracker = wb.getWorksheet('报送情况')!;
    expect(tracker.getRow(6).values).toEqual([undefined, '合计', 3, 2, 0, 0, 1]);

    const notice = await buildCallNoticeDocx(book.db, callId);
    const text = paragraphs(readDocx(notice.bytes).document).map((p) => p.text).join('\n');
    expect(text).toMatch(/关于征集第二批复制推广自贸试验区制度创新成果典型案例的通知/u);
    expect(text).toMatch(/于2026年3月31日前报送省自贸办/u);
    expect(text).not.toMatch(/附件/u);
  });
});

describe('征集: receiving edge cases', () => {
  it('waits for the clerk when the unit cannot be recognised, then makes the case', async () => {
    const book = tempCasebook({ seed: false });
    const call = createCall(book.db, { title: '征集', kind: 'innovation', deadline: '2026-05-01', units: [{ unitId: unitId(book, '大庆市'), expected: 2 }] });
    const file = await caseDocx('“冰雪经济”创新实践案例', null, CASE_LINES('冰雪经济'));
    const [r] = await receiveFiles(book.db, call.id, [{ fileName: '案例材料.docx', bytes: file }]);
    expect(r!.outcome).toBe('pending_unit');
    expect(r!.caseId).toBeNull();
    const cases = () => (book.db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n;
    expect(cases()).toBe(0);
    const detail = getCallDetail(book.db, call.id);
    expect(detail.tracker.pendingUnit).toBe(1);
    expect(detail.submissions[0]!.state).toBe('pending_unit');

    const done = assignUnit(book.db, r!.submissionId!, unitId(book, '大庆市'));
    expect(done.caseId).not.toBeNull();
    expect(cases()).toBe(1);
    expect(getCase(book.db, done.caseId!)).toMatchObject({ unitName: '大庆市', type: 'innovation', status: 'submitted' });
    expect(() => assignUnit(book.db, r!.submissionId!, unitId(book, '大庆市'))).toThrow(/已确定/u);
  });

  it('an ambiguous file name gives candidates, never a guess', () => {
    const units = listUnits(tempCasebook({ seed: false }).db);
    const m = unitFromFileName('哈尔滨案例.docx', units);
    expect(m.unit).toBeNull();
    expect(m.candidates.map((u) => u.name).sort()).toEqual(['哈尔滨市', '哈尔滨片区'].sort());
    expect(unitFromFileName('哈尔滨片区 案例.docx', units).unit?.name).toBe('哈尔滨片区');
    expect(unitFromFileName('大庆报送.docx', units).unit?.name).toBe('大庆市');
    expect(unitFromText('大庆市商务局', units).unit?.name).toBe('大庆市');
  });

  it('returns a submission with its reason, and takes the revised file as a new revision of the same case', async () => {
    const book = tempCasebook({ seed: false });
    const call = createCall(book.db, { title: '征集', kind: 'replication', deadline: '2026-05-01', units: [{ unitId: unitId(book, '伊春市'), expected: 1 }] });
    const first = await caseDocx('“林下经济”复制推广典型案例', '（伊春市提供）', CASE_LINES('林下经济').slice(0, 4));
    const [r] = await receiveFiles(book.db, call.id, [{ fileName: 'a.docx', bytes: first }]);
    returnSubmission(book.db, r!.submissionId!, '缺少实践效果部分');
    expect(getCase(book.db, r!.caseId!)).toMatchObject({ status: 'returned', returnReason: '缺少实践效果部分' });
    expect(getCallDetail(book.db, call.id).tracker.totals.returned).toBe(1);

    const revised = await caseDocx('“林下经济”复制推广典型案例', '（伊春市提供）', CASE_LINES('林下经济'));
    const [again] = await receiveFiles(book.db, call.id, [{ fileName: 'a-修改稿.docx', bytes: revised }], () => '2026-05-02T03:00:00.000Z');
    expect(again).toMatchObject({ outcome: 'resubmitted', caseId: r!.caseId, submissionId: r!.submissionId });
    const c = getCase(book.db, r!.caseId!);
    expect(c).toMatchObject({ status: 'submitted', returnReason: '' });
    expect(c.body).toHaveLength(4);
    const notes = listRevisions(book.db, c.id).map((v) => v.note);
    expect(notes.some((n) => /退回/u.test(n))).toBe(true);
    expect(notes.some((n) => /重新报送/u.test(n))).toBe(true);
    const detail = getCallDetail(book.db, call.id);
    expect(detail.submissions).toHaveLength(1);
    expect(detail.submissions[0]).toMatchObject({ resubmissions: 1, late: true, state: 'received' });
  });

  it('refuses what is not a case, says why per file, and writes nothing for it', async () => {
    const book = tempCasebook({ seed: false });
    const call = createCall(book.db, { title: '征集', kind: 'replication', deadline: '2026-05-01', units: [{ unitId: unitId(book, '伊春市'), expected: 1 }] });
    const emptyDocx = await caseDocx('', null, []);
    const gbk = Buffer.from([0xb0, 0xb8, 0xc0, 0xfd, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a, 0xd2, 0xbb, 0xa1, 0xa2]);
    const xlsxLike = Buffer.from('504b030414000000', 'hex');
    const results = await receiveFiles(book.db, call.id, [
      { fileName: '空白.docx', bytes: emptyDocx },
      { fileName: '案例.txt', bytes: gbk },
      { fileName: '汇总.xlsx', bytes: xlsxLike },
      { fileName: '照片.jpg', bytes: PNG_BYTES },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['refused', 'refused', 'refused', 'refused']);
    for (const r of results) expect(r.message).toMatch(/[\u4e00-\u9fff]/u);
    expect(results[1]!.message).toMatch(/GBK|UTF-8/u);
    expect((book.db.prepare('SELECT COUNT(*) AS n FROM call_submissions').get() as { n: number }).n).toBe(0);
    expect((book.db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n).toBe(0);
  });

  it('counts a file received after the deadline day as late, in the clerk’s own day', () => {
    expect(isLate('2026-03-31T10:00:00.000Z', '2026-03-31')).toBe(false);
    expect(isLate('2026-04-02T10:00:00.000Z', '2026-03-31')).toBe(true);
  });

  it('the first check runs the proofreader on each submission', async () => {
    const book = tempCasebook({ seed: false });
    const call = createCall(book.db, { title: '征集', kind: 'replication', deadline: '2026-05-01', units: [{ unitId: unitId(book, '伊春市'), expected: 1 }] });
    const file = await caseDocx('“林下经济”复制推广典型案例', '（伊春市提供）', ['导语(半角括号)。', ...CASE_LINES('林下经济').slice(1, 4)]);
    const [r] = await receiveFiles(book.db, call.id, [{ fileName: 'a.docx', bytes: file }]);
    const findings = firstCheck(book.db, call.id).get(r!.submissionId!)!;
    expect(findings.length).toBeGreaterThan(0);
  });
});

describe('征集 through the handler table', () => {
  it('refuses bad input with Chinese messages and leaves the database unchanged', async () => {
    const book = tempCasebook({ seed: false });
    const handlers = createHandlers({ db: book.db, dbFile: book.file, host: { transport: 'http', version: 't', chooseSavePath: async () => null, downloadUrl: () => null, openPath: async () => {}, showInFolder: async () => {} } });
    const bad = await dispatch(handlers, 'calls.create', { title: '', kind: 'replication', deadline: '2026-02-30', units: [] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.message).toMatch(/征集名称|日期|单位/u);
    }
    const missingUnit = await dispatch(handlers, 'calls.create', { title: '征集', kind: 'replication', deadline: '2026-02-28', units: [{ unitId: 9999, expected: 1 }] });
    expect(missingUnit.ok).toBe(false);
    expect((book.db.prepare('SELECT COUNT(*) AS n FROM calls').get() as { n: number }).n).toBe(0);

    const ok = await dispatch(handlers, 'calls.create', { title: '征集', kind: 'replication', deadline: '2026-02-28', units: [{ unitId: unitId(book, '大庆市'), expected: 1 }] });
    expect(ok.ok).toBe(true);
    const score = await dispatch(handlers, 'calls.setScores', { id: 1, scores: [{ submissionId: 1, reviewerId: 1, criterionId: 1, score: 101 }] });
    expect(score.ok).toBe(false);
    const foreign = await dispatch(handlers, 'calls.setScores', { id: 1, scores: [{ submissionId: 1, reviewerId: 1, criterionId: 1, score: 50 }] });
    expect(foreign.ok).toBe(false);
    if (!foreign.ok) expect(foreign.error.message).toMatch(/不属于本次征集/u);
  });
});

describe('征集 receiving a Word file written with automatic numbering', () => {
  it('keeps Word paragraphs apart: each heading is a heading, not fused with the paragraph after it', async () => {
    const book = tempCasebook({ seed: false });
    const call = createCall(book.db, { title: '征集', kind: 'replication', deadline: '2026-05-01', units: [{ unitId: unitId(book, '哈尔滨片区'), expected: 1 }] });
    // two paragraphs without a final stop: text read from a PDF would join them as one wrapped line
    const sample = structuredClone(SAMPLE_CASES[0]!);
    sample.sections[2]!.paragraphs = ['退货时间由原来的30天缩短至7天', '企业物流成本下降约40%'];
    const [r] = await receiveFiles(book.db, call.id, [{ fileName: '哈尔滨片区.docx', bytes: await wordFile('numbering', [sample]) }]);
    expect(r!.outcome).toBe('received');
    const c = getCase(book.db, r!.caseId!);
    expect(c.body.map((n) => n.heading)).toEqual(SAMPLE_CASES[0]!.sections.map((s) => s.heading));
    expect(c.body[2]!.paragraphs).toEqual(sample.sections[2]!.paragraphs);
    book.close();
  });
});
