import fs from 'node:fs';
import path from 'node:path';

// The renderer is served from app://casebook/ instead of file://: a page on file:// could read any local file
// the CSP allows and shares its origin with every other file; app:// is one origin holding only out/renderer.
// Plain functions here (no electron import), so tests can check them without starting Electron.

export const APP_SCHEME = 'app';
export const APP_HOST = 'casebook';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** What registerSchemesAsPrivileged gets, before ready: a standard, secure origin with fetch, nothing more. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, allowServiceWorkers: false, bypassCSP: false, corsEnabled: false, stream: false },
} as const;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export const mimeOf = (file: string) => MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * The file under `rendererDir` an app:// request names, or null (answered 404): another host, a malformed
 * escape, a NUL, `..` or an encoded separator leaving the folder, or a file that does not exist.
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${rel === '/' ? '/index.html' : rel}`);
  if (!file.startsWith(root + path.sep)) return null;
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * Where the window loads the renderer from. ELECTRON_RENDERER_URL (electron-vite's dev server) is honoured only
 * when the app is not packaged, and only for a dev server on this machine: in an installed app any URL put
 * there would get the full IPC surface.
 */
export function rendererEntryUrl(isPackaged: boolean, env: NodeJS.ProcessEnv): { url: string; dev: boolean } {
  const dev = env.ELECTRON_RENDERER_URL;
  if (!isPackaged && dev && isLocalDevServer(dev)) return { url: dev, dev: true };
  return { url: APP_ENTRY_URL, dev: false };
}

function isLocalDevServer(u: string): boolean {
  try {
    const url = new URL(u);
    return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1') && !url.username && !url.password;
  } catch {
    return false;
  }
}
