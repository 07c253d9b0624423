import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/core/api/handlers';
import { MAX_BATCH, startLoopbackServer, type LoopbackServer } from '../../electron/web/server';
import { tempCasebook, tempDir } from '../helpers/tmp';

describe('the loopback transport', () => {
  let server: LoopbackServer;
  const book = tempCasebook();
  const rendererDir = tempDir('renderer-');
  const exportDir = tempDir('exports-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(exportDir, '汇总表.xlsx'), 'bytes');

  beforeAll(async () => {
    const handlers = createHandlers({
      db: book.db,
      dbFile: book.file,
      host: { transport: 'http', version: 't', chooseSavePath: async (n) => path.join(exportDir, n), downloadUrl: () => null, openPath: async () => {}, showInFolder: async () => {} },
    });
    server = await startLoopbackServer({ handlers, rendererDir, exportDir });
  });
  afterAll(() => server.close());

  const call = (name: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.origin}/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('listens on 127.0.0.1 only and prints its URL with the token', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
    expect(server.url).toBe(`${server.origin}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers the API only with the token', async () => {
    expect((await call('cases.list', {})).status).toBe(401);
    expect((await call('cases.list', {}, { 'X-Casebook-Token': 'wrong' })).status).toBe(401);
    const ok = await call('cases.list', {}, { 'X-Casebook-Token': server.token });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { ok: boolean; value: unknown[] };
    expect(body.ok).toBe(true);
    expect(body.value).toHaveLength(28);
  });

  it('returns errors as data and refuses other origins and methods', async () => {
    const bad = (await (await call('cases.get', { id: -1 }, { 'X-Casebook-Token': server.token })).json()) as { ok: boolean; error: { code: string } };
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await call('cases.list', {}, { 'X-Casebook-Token': server.token, Origin: 'https://evil.example' })).status).toBe(403);
    expect((await fetch(`${server.origin}/api/cases.list`)).status).toBe(405);
  });

  it('answers a /batch of calls in order, each as /api/NAME answers it, with the token only and at most MAX_BATCH calls', async () => {
    const batch = (body: unknown, headers: Record<string, string> = { 'X-Casebook-Token': server.token }) =>
      fetch(`${server.origin}/batch`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
    expect((await batch([['cases.list', {}]], {})).status).toBe(401);
    const res = await batch([['cases.list', {}], ['cases.get', { id: -1 }], ['no.such', {}], ['units.list', {}]]);
    expect(res.status).toBe(200);
    const answers = (await res.json()) as { ok: boolean; value?: unknown[]; error?: { code: string } }[];
    expect(answers.map((a) => a.ok)).toEqual([true, false, false, true]);
    expect(answers[0]!.value).toHaveLength(28);
    expect(answers[1]!.error!.code).toBe('invalid_input');
    expect(answers[2]!.error!.code).toBe('unknown_method');
    const one = (await (await call('units.list', {}, { 'X-Casebook-Token': server.token })).json()) as unknown;
    expect(answers[3]).toEqual(one);
    for (const bad of [{}, [['cases.list']], [[1, {}]], Array.from({ length: MAX_BATCH + 1 }, () => ['units.list', {}])]) {
      const r = await batch(bad);
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/批量请求/u);
    }
    expect((await fetch(`${server.origin}/batch`)).status).toBe(405);
  });

  it('serves the page, and exported files only with the token and only from the exports folder', async () => {
    expect(await (await fetch(`${server.origin}/`)).text()).toContain('<title>app</title>');
    expect(await (await fetch(`${server.origin}/cases/12`)).text()).toContain('<title>app</title>');
    const name = encodeURIComponent('汇总表.xlsx');
    expect((await fetch(`${server.origin}/download/${name}`)).status).toBe(401);
    expect((await fetch(`${server.origin}/download/${name}?token=${server.token}`)).status).toBe(200);
    expect((await fetch(`${server.origin}/download/..%2F..%2Fetc%2Fpasswd?token=${server.token}`)).status).toBe(404);
  });
});
