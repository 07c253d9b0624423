import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/core/api/handlers';
import type { HandlerTable } from '../../electron/core/api/dispatch';
import { startLoopbackServer, type LoopbackServer } from '../../electron/web/server';
import { tempCasebook, tempDir } from '../helpers/tmp';
import { dbChecksum } from './db-checksum';

// The loopback server under hostile requests, written byte by byte on a raw socket (fetch would refuse to
// send most of them). After each one the server must still answer a normal call.

const book = tempCasebook();
const rendererDir = tempDir('renderer-');
const exportDir = tempDir('exports-');
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
let server: LoopbackServer;
let port: number;

function raw(request: string | Buffer, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (c) => (data += c.toString('utf8')));
    socket.on('end', () => resolve(data));
    socket.on('close', () => resolve(data));
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve(data) : reject(e)));
    socket.setTimeout(timeoutMs, () => (socket.destroy(), reject(new Error('no answer'))));
    socket.write(request);
  });
}

const api = (name: string, body: string, extra = '') =>
  `POST /api/${name} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Casebook-Token: ${server.token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n${extra}\r\n${body}`;
const get = (p: string) => `GET ${p} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`;
const status = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/u.exec(response)?.[1] ?? 0);
function bodyOf(response: string): string {
  const head = response.slice(0, response.indexOf('\r\n\r\n'));
  let body = response.slice(head.length + 4);
  if (!/transfer-encoding: chunked/iu.test(head)) return body;
  let out = '';
  for (;;) {
    const eol = body.indexOf('\r\n');
    const size = parseInt(body.slice(0, eol), 16);
    if (!size) return out;
    const bytes = Buffer.from(body.slice(eol + 2), 'utf8');
    const piece = bytes.subarray(0, size).toString('utf8');
    out += piece;
    body = body.slice(eol + 2 + piece.length + 2);
  }
}

async function stillAnswers(): Promise<void> {
  const res = await fetch(`${server.origin}/api/units.list`, { method: 'POST', headers: { 'X-Casebook-Token': server.token }, body: '{}' });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
}

beforeAll(async () => {
  const handlers = createHandlers({
    db: book.db,
    dbFile: book.file,
    host: { transport: 'http', version: 't', chooseSavePath: async () => null, downloadUrl: () => null, openPath: async () => {}, showInFolder: async () => {} },
  });
  // one handler that throws something that is not an Error at all, as a bug would
  const table: HandlerTable = {
    ...handlers,
    'app.info': () => {
      throw Object.assign(Object.create(null) as object, { weird: true });
    },
  };
  server = await startLoopbackServer({ handlers: table, rendererDir, exportDir, maxBody: 256 * 1024 });
  port = Number(new URL(server.origin).port);
});
afterAll(() => server.close());

describe('the loopback server survives any request', () => {
  it('malformed percent-encoding in the page, API and download paths, without a token too', async () => {
    expect(status(await raw(get('/%E0%A4%A')))).toBe(200); // the single page
    expect(status(await raw(get('/download/%E0%A4%A?token=x')))).toBe(401);
    expect(status(await raw(get(`/download/%E0%A4%A?token=${server.token}`)))).toBe(404);
    expect(status(await raw(get(`/download/%00?token=${server.token}`)))).toBe(404);
    const apiBad = await raw(api('%E0%A4%A', '{}'));
    expect(status(apiBad)).toBe(400);
    expect(JSON.parse(bodyOf(apiBad))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await stillAnswers();
  });

  it('garbage that is not HTTP, and a request line with a bad URL', async () => {
    expect(status(await raw('\u0000\u0001 not http at all\r\n\r\n'))).toBe(400);
    await raw(`GET http://[::1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    await raw(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01])); // a TLS hello
    await stillAnswers();
  });

  it('a body over the limit gets 413, declared or streamed, and nothing is written', async () => {
    const before = dbChecksum(book.db);
    const declared = await raw(`POST /api/cases.create HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Casebook-Token: ${server.token}\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n{`);
    expect(status(declared)).toBe(413);
    expect(JSON.parse(bodyOf(declared))).toMatchObject({ ok: false, error: { code: 'too_large' } });
    // chunked, no length given: counted as it arrives
    const chunk = 'x'.repeat(64 * 1024);
    let chunked = `POST /api/cases.create HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Casebook-Token: ${server.token}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`;
    for (let i = 0; i < 8; i++) chunked += `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
    chunked += '0\r\n\r\n';
    expect(status(await raw(chunked))).toBe(413);
    expect(dbChecksum(book.db)).toBe(before);
    await stillAnswers();
  });

  it('deep and broken JSON bodies, and a handler that throws, come back as error envelopes', async () => {
    let node = '{"heading":"深","text":"","paragraphs":[],"items":[]}';
    for (let i = 0; i < 2000; i++) node = `{"heading":"深","text":"","paragraphs":[],"items":[${node}]}`;
    const content = { title: '深', type: 'replication', unitId: 1, fieldId: null, sourceId: null, year: null, contactName: '', contactPhone: '', honours: [], status: 'draft', returnReason: '', lead: [] };
    const deep = await raw(api('cases.create', JSON.stringify(content).replace(/\}$/u, `,"body":[${node}]}`)));
    expect(status(deep)).toBe(200);
    const envelope = JSON.parse(bodyOf(deep)) as { ok: boolean; error: { code: string; message: string } };
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(envelope.error.message).toContain('正文最多 4 级标题');
    // deeper than JSON.parse itself manages
    const abyss = await raw(api('cases.create', '['.repeat(200_000)));
    expect(status(abyss)).toBe(400);
    expect(status(await raw(api('cases.get', '{"id":')))).toBe(400);
    const thrown = await raw(api('app.info', '{}'));
    expect(status(thrown)).toBe(200);
    expect(JSON.parse(bodyOf(thrown))).toMatchObject({ ok: false, error: { code: 'internal' } });
    await stillAnswers();
  });

  it('a client that hangs up mid-body leaves the server answering', async () => {
    await new Promise<void>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(`POST /api/units.list HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Casebook-Token: ${server.token}\r\nContent-Length: 1000\r\n\r\n{"a":`);
        setTimeout(() => (socket.destroy(), resolve()), 50);
      });
    });
    await stillAnswers();
  });
});
