import { describe, expect, it } from 'vitest';
import { bodyNodeSchema, caseContentSchema, type CaseContent } from '../../shared/domain';
import { CASE_LIMITS, overLimit } from '../../renderer/src/limits';
import { UndoHistory } from '../../renderer/src/undo-history';
import { draftCase } from '../helpers/case-content';

const base: CaseContent = draftCase({
  title: '“甲”复制推广典型案例',
  body: [{ heading: '主要做法', text: '', paragraphs: ['做法。'], items: [] }],
});

describe('the limits the form shows are the contract\'s', () => {
  const fits = (patch: Partial<CaseContent>) => caseContentSchema.safeParse({ ...base, ...patch }).success;
  it.each([
    ['title', CASE_LIMITS.title],
    ['contactName', CASE_LIMITS.contactName],
    ['contactPhone', CASE_LIMITS.contactPhone],
    ['returnReason', CASE_LIMITS.returnReason],
  ] as const)('%s: %i characters fit, one more does not', (field, max) => {
    expect(fits({ [field]: '字'.repeat(max) })).toBe(true);
    expect(fits({ [field]: '字'.repeat(max + 1) })).toBe(false);
    expect(overLimit({ ...base, [field]: '字'.repeat(max + 1) })).toMatch(new RegExp(`最多 ${max} 字，现有 ${max + 1} 字`, 'u'));
    expect(overLimit({ ...base, [field]: '字'.repeat(max) })).toBeNull();
  });
  it('headings and paragraphs of the body', () => {
    const node = (patch: object) => bodyNodeSchema.safeParse({ heading: '', text: '', paragraphs: [], items: [], ...patch }).success;
    expect(node({ heading: '字'.repeat(CASE_LIMITS.heading) })).toBe(true);
    expect(node({ heading: '字'.repeat(CASE_LIMITS.heading + 1) })).toBe(false);
    expect(node({ paragraphs: ['字'.repeat(CASE_LIMITS.paragraph)] })).toBe(true);
    expect(node({ paragraphs: ['字'.repeat(CASE_LIMITS.paragraph + 1)] })).toBe(false);
    const long = { ...base, body: [{ heading: '主要做法', text: '', paragraphs: [], items: [{ heading: '字'.repeat(501), text: '', paragraphs: [], items: [] }] }] };
    expect(overLimit(long)).toBe('第2级第1个条目的标题最多 500 字，现有 501 字');
  });
});

describe('the editor\'s undo history', () => {
  it('merges typing until it pauses, keeps structure steps apart, and redoes', () => {
    const h = new UndoHistory<string>();
    h.record('', 'typing', 0);
    h.record('a', 'typing', 300);
    h.record('ab', 'typing', 600); // one step so far: ''
    h.record('abc', 'structure', 700); // a deletion
    expect(h.undo('ab')).toBe('abc');
    expect(h.undo('abc')).toBe('');
    expect(h.undo('')).toBeNull();
    expect(h.redo('')).toBe('abc');
    expect(h.redo('abc')).toBe('ab');
  });
  it('undoTo restores the state before one step, the later ones stay redoable', () => {
    const h = new UndoHistory<string>();
    const step = h.record('with part 三', 'structure', 0);
    h.record('without', 'typing', 5000);
    expect(h.undoTo(step, 'without, typed')).toBe('with part 三');
    expect(h.redo('with part 三')).toBe('without');
    expect(h.undoTo(99, 'x')).toBeNull();
  });
});
