import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
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

const MAX_BODY = 80 * 1024 * 1024;

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

  const server = http.createServer(async (req, res) => {
    securityHeaders(res);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Only this machine's pages may call: a page from another origin gets nothing (and no CORS headers).
    const origin = req.headers.origin;
    if (origin && origin !== `http://${req.headers.host}`) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden');

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
      if (!sameToken(String(req.headers['x-casebook-token'] ?? ''), token)) return send(res, 401, 'application/json', JSON.stringify({ ok: false, error: { code: 'unauthorized', message: '令牌无效' } }));
      let body: unknown;
      try {
        body = JSON.parse((await readBody(req)) || '{}');
      } catch {
        return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'invalid_input', message: '请求不是有效的 JSON' } }));
      }
      const envelope = await dispatch(options.handlers, decodeURIComponent(url.pathname.slice(5)), body);
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(envelope));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');

    if (url.pathname.startsWith('/download/')) {
      if (!sameToken(url.searchParams.get('token') ?? '', token)) return send(res, 401, 'text/plain; charset=utf-8', 'unauthorized');
      const name = decodeURIComponent(url.pathname.slice('/download/'.length));
      const file = path.resolve(exportDir, name);
      if (path.dirname(file) !== exportDir || !fs.existsSync(file)) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
      res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
      return send(res, 200, MIME[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
    }

    // The renderer's files; anything else is the single page.
    let file = path.resolve(rendererDir, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      file = path.join(rendererDir, 'index.html');
    }
    return send(res, 200, MIME[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
  });

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

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('请求过大'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
