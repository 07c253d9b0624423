import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { dispatch, type HandlerTable } from '../core/api/dispatch';

// The loopback transport: the built renderer and the same handler table over HTTP, on 127.0.0.1 only,
// every request carrying the token printed at start. For tests and for machines without Electron; never
// part of the packaged app.

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
};

/** The largest request body: an import of the largest file the contract accepts (70 MB of base64) and its JSON. */
export const MAX_BODY = 80 * 1024 * 1024;

class BodyTooLarge extends Error {}

/** The most calls one /batch request may carry: the first window sends seven. */
export const MAX_BATCH = 16;

/** A /batch body as its calls, or null when it is not a list of at most MAX_BATCH `[name, input]` pairs. */
function batchCalls(body: unknown): [string, unknown][] | null {
  if (!Array.isArray(body) || body.length > MAX_BATCH) return null;
  return body.every((c): c is [string, unknown] => Array.isArray(c) && c.length === 2 && typeof c[0] === 'string') ? body : null;
}

const json = (status: number, code: string, message: string) => ({ status, body: JSON.stringify({ ok: false, error: { code, message } }) });

/** decodeURIComponent that answers null for malformed escapes (`/%E0%A4%A`) instead of throwing. */
export function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

export interface LoopbackServer {
  url: string; // with the token
  origin: string;
  token: string;
  close(): Promise<void>;
}

export interface LoopbackOptions {
  handlers: HandlerTable;
  rendererDir: string;
  /** Folder the exports are saved in; GET /download/NAME serves them. */
  exportDir: string;
  port?: number;
  token?: string;
  /** Largest request body in bytes (default MAX_BODY); tests pass a small one. */
  maxBody?: number;
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function securityHeaders(res: http.ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
}

export async function startLoopbackServer(options: LoopbackOptions): Promise<LoopbackServer> {
  const token = options.token ?? newToken();
  const rendererDir = path.resolve(options.rendererDir);
  const exportDir = path.resolve(options.exportDir);
  const maxBody = options.maxBody ?? MAX_BODY;

  // Every request ends in an answer: whatever a handler, the file system or a malformed URL throws becomes a
  // 4xx/5xx reply (an error envelope on the API), never an unhandled rejection that ends the process.
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy();
      const { status, body } = err instanceof BodyTooLarge ? json(413, 'too_large', `请求过大（上限 ${Math.round(maxBody / 1024 / 1024)} MB）`) : json(500, 'internal', '服务器处理请求时出错');
      if (status === 413) res.setHeader('Connection', 'close'); // the rest of the body is not read
      send(res, status, 'application/json; charset=utf-8', body);
    });
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    securityHeaders(res);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'bad request');
    }
    // Only this machine's pages may call: a page from another origin gets nothing (and no CORS headers).
    const origin = req.headers.origin;
    if (origin && origin !== `http://${req.headers.host}`) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden');

    // One call (/api/NAME), or several in one request (/batch: the first window's early calls, renderer/src/transport.ts),
    // each answered in order exactly as /api/NAME answers it.
    const batch = url.pathname === '/batch';
    if (url.pathname.startsWith('/api/') || batch) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
      if (!sameToken(String(req.headers['x-casebook-token'] ?? ''), token)) return send(res, 401, 'application/json', JSON.stringify({ ok: false, error: { code: 'unauthorized', message: '令牌无效' } }));
      const name = batch ? '' : safeDecode(url.pathname.slice(5));
      if (name === null) return send(res, 400, 'application/json; charset=utf-8', json(400, 'invalid_input', '接口名称的编码不正确').body);
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > maxBody) throw new BodyTooLarge();
      let body: unknown;
      try {
        body = JSON.parse((await readBody(req, maxBody)) || (batch ? '[]' : '{}'));
      } catch (err) {
        if (err instanceof BodyTooLarge) throw err;
        return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'invalid_input', message: '请求不是有效的 JSON' } }));
      }
      if (!batch) return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(await dispatch(options.handlers, name, body)));
      const calls = batchCalls(body);
      if (!calls) return send(res, 400, 'application/json; charset=utf-8', json(400, 'invalid_input', `批量请求应是至多 ${MAX_BATCH} 个 [接口名称, 参数] 的列表`).body);
      const envelopes = [];
      for (const [n, input] of calls) envelopes.push(await dispatch(options.handlers, n, input));
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(envelopes));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');

    if (url.pathname.startsWith('/download/')) {
      if (!sameToken(url.searchParams.get('token') ?? '', token)) return send(res, 401, 'text/plain; charset=utf-8', 'unauthorized');
      const name = safeDecode(url.pathname.slice('/download/'.length));
      if (name === null || name.includes('\0')) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
      const file = path.resolve(exportDir, name);
      if (path.dirname(file) !== exportDir || !fs.existsSync(file)) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
      res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
      return send(res, 200, MIME[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
    }

    // The renderer's files; anything else (a malformed path included) is the single page.
    const decoded = safeDecode(url.pathname);
    let file = decoded === null || decoded.includes('\0') ? '' : path.resolve(rendererDir, `.${decoded}`);
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      file = path.join(rendererDir, 'index.html');
    }
    // The build names its scripts and styles by their content: they never change, so the browser keeps them;
    // text is sent gzipped, compressed once per file and kept (issue 13: the first window).
    if (file.startsWith(path.join(rendererDir, 'assets') + path.sep)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    const type = MIME[path.extname(file)] ?? 'application/octet-stream';
    if (/^(text|application\/javascript|application\/json)/u.test(type) && /\bgzip\b/u.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Vary', 'Accept-Encoding');
      return send(res, 200, type, gzipped(file));
    }
    return send(res, 200, type, fs.readFileSync(file));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  const originUrl = `http://127.0.0.1:${port}`;
  return {
    origin: originUrl,
    url: `${originUrl}/?token=${token}`,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const gzipCache = new Map<string, { mtimeMs: number; body: Buffer }>();
/** The file gzipped, from memory while it has not changed (a rebuild rewrites index.html under the same name). */
function gzipped(file: string): Buffer {
  const { mtimeMs } = fs.statSync(file);
  const hit = gzipCache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.body;
  const body = zlib.gzipSync(fs.readFileSync(file), { level: 6 });
  gzipCache.set(file, { mtimeMs, body });
  return body;
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

function readBody(req: http.IncomingMessage, maxBody: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBody) {
        reject(new BodyTooLarge());
        req.removeAllListeners('data');
        req.resume(); // drain without keeping it; the reply closes the connection
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
    req.on('close', () => reject(new Error('aborted'))); // no-op after end; frees a request the client dropped
  });
}
