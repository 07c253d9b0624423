import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API, API_NAMES } from '../../shared/contract';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { tempCasebook, tempDir } from '../helpers/tmp';
import { testHost } from '../helpers/host';

const host = testHost;

describe('the handler table', () => {
  const book = tempCasebook();
  const dir = tempDir('exports-');
  const handlers = createHandlers({ db: book.db, dbFile: book.file, host: host(dir) });

  it('implements every method of the contract and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual([...API_NAMES].sort());
  });

  it('rejects unknown methods and bad input with clear errors, as data', async () => {
    expect(await dispatch(handlers, 'cases.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const bad = await dispatch(handlers, 'cases.get', { id: 'seven' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!bad.ok && bad.error.issues![0]!.path).toBe('id');
    expect(await dispatch(handlers, 'cases.get', { id: 1, extra: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(handlers, 'cases.get', { id: 99999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('validates every method’s input against its schema', async () => {
    for (const name of API_NAMES) {
      const r = await dispatch(handlers, name, 'not an object');
      expect(r.ok, name).toBe(false);
      expect(API[name].input.safeParse('not an object').success).toBe(false);
    }
  });

  it('returns outputs that satisfy the contract', async () => {
    for (const [name, input] of [
      ['cases.list', {}],
      ['batches.list', {}],
      ['units.list', {}],
      ['search.query', { query: '退税' }],
      ['stats.get', {}],
      ['settings.get', {}],
      ['batches.get', { id: 1 }],
    ] as const) {
      const r = await dispatch(handlers, name, input);
      expect(r.ok, name).toBe(true);
      expect(API[name].output.safeParse(r.ok ? r.value : null).success, name).toBe(true);
    }
  });

  it('exports through the host and opens only files it exported', async () => {
    const saved = await dispatch(handlers, 'export.batchXlsx', { id: 1 });
    expect(saved).toMatchObject({ ok: true, value: { canceled: false } });
    const p = saved.ok ? (saved.value as { path: string }).path : '';
    expect(fs.existsSync(p)).toBe(true);
    expect(await dispatch(handlers, 'files.open', { path: p })).toEqual({ ok: true, value: { ok: true } });
    expect(await dispatch(handlers, 'files.open', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses 印发 while errors are open, and issues once they are waived', async () => {
    const created = await dispatch(handlers, 'batches.create', { kind: 'replication', caseIds: [20, 5] }); // 20 writes «中国(黑龙江)»
    const id = created.ok ? (created.value as { id: number }).id : 0;
    await dispatch(handlers, 'batches.update', { id, circular: { date: '2024-05-08' } });
    const refused = await dispatch(handlers, 'batches.issue', { id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unresolved_findings' } });
    const findings = await dispatch(handlers, 'proofread.batch', { id });
    const errors = (findings.ok ? (findings.value as { key: string; severity: string }[]) : []).filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(await dispatch(handlers, 'proofread.waive', { batchId: id, keys: errors.map((e) => e.key), reason: '' })).toMatchObject({ ok: false });
    expect(await dispatch(handlers, 'proofread.waive', { batchId: id, keys: errors.map((e) => e.key), reason: '原文照录' })).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'batches.issue', { id })).toMatchObject({ ok: true, value: { status: 'issued' } });
  });
});
