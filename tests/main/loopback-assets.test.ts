import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../../electron/web/server';
import { tempDir } from '../helpers/tmp';

// The first window (issue 13): the build's content-named scripts are cached for good and text goes gzipped.
describe('the loopback transport serves the renderer', () => {
  let server: LoopbackServer;
  const rendererDir = tempDir('renderer-');
  const script = 'console.log("案例库");'.repeat(200);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-abc123.js'), script);

  beforeAll(async () => {
    server = await startLoopbackServer({ handlers: {} as never, rendererDir, exportDir: tempDir('exports-') });
  });
  afterAll(() => server.close());

  const get = (p: string, gzip: boolean) =>
    new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http.get(`${server.origin}${p}`, { headers: gzip ? { 'Accept-Encoding': 'gzip, deflate' } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });

  it('gzips scripts for a browser that accepts it, plain otherwise, and keeps hashed assets cached', async () => {
    const zipped = await get('/assets/index-abc123.js', true);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.gunzipSync(zipped.body).toString()).toBe(script);
    expect(zipped.body.length).toBeLessThan(script.length / 5);
    const plain = await get('/assets/index-abc123.js', false);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('never caches the page itself (it changes with every build)', async () => {
    const page = await get('/?token=x', true);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(zlib.gunzipSync(page.body).toString()).toContain('<title>app</title>');
  });
});
