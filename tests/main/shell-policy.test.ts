import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, mimeOf, rendererEntryUrl, resolveAppFile } from '../../electron/main/app-protocol';
import { menuTemplate } from '../../electron/main/menu-template';
import { ALLOWED_PERMISSIONS, isAppUrl, isPermissionAllowed, mainWindowOptions } from '../../electron/main/security';
import { tempDir } from '../helpers/tmp';

// The Electron binary is not installed here, so the shell's policies are plain functions the main process calls;
// these tests prove the policies, and read main/index.ts to check it calls them on the real path.

const root = path.resolve(__dirname, '../..');
const mainSource = fs.readFileSync(path.join(root, 'electron/main/index.ts'), 'utf8');

describe('the renderer on app:// instead of file://', () => {
  const dir = tempDir('renderer-');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'x');
  fs.writeFileSync(path.join(path.dirname(dir), 'secret.txt'), 'secret');

  it('serves the files of out/renderer and nothing else', () => {
    expect(resolveAppFile(dir, APP_ENTRY_URL)).toBe(path.join(dir, 'index.html'));
    expect(resolveAppFile(dir, 'app://casebook/')).toBe(path.join(dir, 'index.html'));
    expect(resolveAppFile(dir, 'app://casebook/assets/index-abc.js?v=1#x')).toBe(path.join(dir, 'assets', 'index-abc.js'));
    expect(mimeOf('a/index-abc.js')).toBe('text/javascript; charset=utf-8');
    const refused = [
      'app://casebook/../secret.txt',
      'app://casebook/%2e%2e/secret.txt',
      'app://casebook/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://casebook/..%5csecret.txt',
      'app://casebook/%E0%A4%A',
      'app://casebook/index.html%00.js',
      'app://casebook/assets',
      'app://casebook/missing.js',
      'app://other/index.html',
      'app://user:pw@casebook/index.html',
      'file:///etc/passwd',
      'not a url',
    ];
    for (const u of refused) expect(resolveAppFile(dir, u), u).toBeNull();
  });

  it('registers app:// as a standard secure scheme before ready, handles it, and loads from it', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false } });
    const register = mainSource.indexOf('protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])');
    expect(register).toBeGreaterThan(0);
    expect(register).toBeLessThan(mainSource.indexOf('app.whenReady()'));
    expect(mainSource).toMatch(/protocol\.handle\(APP_SCHEME, \(request\) => \{\s*const file = resolveAppFile\(rendererDir, request\.url\)/u);
    expect(mainSource).not.toMatch(/file:\/\//u);
    expect(mainSource).toContain('win.loadURL(appUrl)');
  });

  it('lets IPC and navigation through only from the app origin', () => {
    expect(isAppUrl('app://casebook/index.html#/cases/1', APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://evil/index.html', APP_ENTRY_URL)).toBe(false); // URL.origin is "null" for both
    expect(isAppUrl('other://casebook/index.html', APP_ENTRY_URL)).toBe(false);
    expect(isAppUrl('file:///C:/app/out/renderer/index.html', APP_ENTRY_URL)).toBe(false);
    expect(isAppUrl('https://casebook/', APP_ENTRY_URL)).toBe(false);
  });

  it('turns the file-protocol fuse off in the packaged build', () => {
    const yml = fs.readFileSync(path.join(root, 'build/electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/^electronFuses:\n(?: {2}.*\n)*? {2}grantFileProtocolExtraPrivileges: false/mu);
  });
});

describe('the installed app ignores ELECTRON_RENDERER_URL', () => {
  it('uses the dev server only unpackaged and only on this machine', () => {
    expect(rendererEntryUrl(true, { ELECTRON_RENDERER_URL: 'https://evil.example/' })).toEqual({ url: APP_ENTRY_URL, dev: false });
    expect(rendererEntryUrl(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toEqual({ url: APP_ENTRY_URL, dev: false });
    expect(rendererEntryUrl(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toEqual({ url: 'http://localhost:5173/', dev: true });
    expect(rendererEntryUrl(false, { ELECTRON_RENDERER_URL: 'https://evil.example/' })).toEqual({ url: APP_ENTRY_URL, dev: false });
    expect(rendererEntryUrl(false, {})).toEqual({ url: APP_ENTRY_URL, dev: false });
    expect(mainSource).toContain('rendererEntryUrl(app.isPackaged, process.env)');
    expect(mainSource.match(/ELECTRON_RENDERER_URL/gu)?.length).toBe(1); // only the comment: read nowhere else
  });
});

describe('permissions and developer tools', () => {
  it('denies every permission, in the check handler as well as the request handler', () => {
    expect(ALLOWED_PERMISSIONS).toEqual([]);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'hid', 'serial', 'usb', 'storage-access']) expect(isPermissionAllowed(p)).toBe(false);
    expect(mainSource).toMatch(/setPermissionCheckHandler\(\(_wc, permission\) => isPermissionAllowed\(permission\)\)/u);
    expect(mainSource).toMatch(/setPermissionRequestHandler\(\(_wc, permission, callback\) => callback\(isPermissionAllowed\(permission\)\)\)/u);
  });

  it('has no 开发者工具 in the packaged menu, and the packaged window none at all', () => {
    const actions = { send: () => {}, openDataFolder: () => {}, about: () => {} };
    const items = (t: ReturnType<typeof menuTemplate>) => t.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    const packaged = items(menuTemplate(actions, { devTools: false }));
    expect(packaged.some((i) => i.role === 'toggleDevTools' || i.label === '开发者工具')).toBe(false);
    expect(items(menuTemplate(actions, { devTools: true })).some((i) => i.role === 'toggleDevTools')).toBe(true);
    expect(mainWindowOptions('/p.cjs', { width: 1, height: 1 }).webPreferences?.devTools).toBe(false);
    expect(mainSource).toContain('buildMenu(win, send, dataDir, { devTools: !app.isPackaged })');
    expect(mainSource).toContain('{ devTools: !app.isPackaged }));');
  });
});
