import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fileSegmentStore } from '../../electron/core/export/segment-store';
import { tempDir } from '../helpers/tmp';

// The word boundaries the command line keeps between exports (issue 13) break titles exactly as ICU does.
const TITLES = [
  '关于印发我省第三批复制推广自贸试验区制度创新成果典型案例的通知',
  '“建设项目水、电、气、暖现场一次联办模式”复制推广典型案例',
  '中国（黑龙江）自由贸易试验区哈尔滨片区“跨境电商＋中欧班列”出口新模式',
  'RCEP原产地证书“智能审核＋自助打印”服务2024年推广',
];

/** shared/title-lines afresh (its own cache of broken titles empty). */
const freshTitleLines = async () => {
  vi.resetModules();
  return import('../../shared/title-lines');
};

describe('the kept word boundaries of titles', () => {
  it('break every title as ICU does, after a round trip through the file', async () => {
    const file = path.join(tempDir(), 'title-segments.json');
    const plain = await freshTitleLines();
    const expected = TITLES.flatMap((t) => [24, 36, 44].map((w) => plain.breakTitle(t, w)));

    const filling = await freshTitleLines();
    const store = fileSegmentStore(file);
    filling.setSegmentStore(store);
    expect(TITLES.flatMap((t) => [24, 36, 44].map((w) => filling.breakTitle(t, w)))).toEqual(expected);
    store.save();
    expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).entries)).toEqual(expect.arrayContaining(TITLES.slice(0, 3)));

    const reading = await freshTitleLines();
    const kept = fileSegmentStore(file);
    const asked: string[] = [];
    reading.setSegmentStore({ get: (t) => (asked.push(t), kept.get(t)), set: () => expect.fail('ICU asked for a kept title') });
    expect(TITLES.slice(0, 3).flatMap((t) => [24, 36, 44].map((w) => reading.breakTitle(t, w)))).toEqual(expected.slice(0, 9));
    expect(asked.length).toBeGreaterThan(0);
  });

  it('ignores a file of another Node or ICU, and boundaries that do not fit the title', () => {
    const file = path.join(tempDir(), 'title-segments.json');
    const title = TITLES[0]!;
    fs.writeFileSync(file, JSON.stringify({ version: 'v0/0/0', entries: { [title]: [title.length] } }));
    expect(fileSegmentStore(file).get(title)).toBeUndefined();
    const store = fileSegmentStore(file);
    store.set(title, [2, 5, title.length]);
    store.set('短', [3]);
    store.set('乱序', [2, 1, 2]);
    store.save();
    const again = fileSegmentStore(file);
    expect(again.get(title)).toEqual([2, 5, title.length]);
    expect(again.get('短')).toBeUndefined();
    expect(again.get('乱序')).toBeUndefined();
    expect(again.get('toString')).toBeUndefined();
    fs.writeFileSync(file, 'not json');
    expect(fileSegmentStore(file).get(title)).toBeUndefined();
  });
});
