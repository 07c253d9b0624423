import { describe, expect, it } from 'vitest';
import { parseClerkDate } from '../../shared/dates';

// Issue 14.3: the dates clerks type are read or refused with a reason, never dropped.
describe('parseClerkDate', () => {
  it('reads the forms clerks use', () => {
    for (const t of ['2026-02-03', '2026/2/3', '2026.2.3', '2026年2月3日', '2026年2月3', '20260203', '２０２６／２／３', ' 2026 / 02 / 03 '])
      expect(parseClerkDate(t), t).toEqual({ ok: true, iso: '2026-02-03' });
    expect(parseClerkDate('2028-2-29')).toEqual({ ok: true, iso: '2028-02-29' });
  });
  it('is null for an empty field', () => {
    expect(parseClerkDate('')).toBeNull();
    expect(parseClerkDate('   ')).toBeNull();
  });
  it('refuses impossible dates and years with a Chinese reason', () => {
    expect(parseClerkDate('2026-02-30')).toEqual({ ok: false, message: expect.stringMatching(/2026年2月没有30日/u) });
    expect(parseClerkDate('2026-02-29')).toEqual({ ok: false, message: expect.stringMatching(/没有29日/u) });
    expect(parseClerkDate('2026-13-01')).toEqual({ ok: false, message: expect.stringMatching(/没有13月/u) });
    expect(parseClerkDate('20266-1-1')).toEqual({ ok: false, message: expect.stringMatching(/年份应在 1990—2100/u) });
    expect(parseClerkDate('1890/1/1')).toEqual({ ok: false, message: expect.stringMatching(/年份/u) });
    expect(parseClerkDate('二〇二六年二月三日')).toEqual({ ok: false, message: expect.stringMatching(/无法识别的日期/u) });
    expect(parseClerkDate('明天')).toEqual({ ok: false, message: expect.stringMatching(/2026年2月3日/u) });
  });
});
