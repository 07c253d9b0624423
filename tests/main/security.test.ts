import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_NAMES, channelOf } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY, isAppUrl, isExternalWebUrl, mainWindowOptions } from '../../electron/main/security';

const root = path.resolve(__dirname, '../..');

describe('the main window', () => {
  it('is sandboxed and isolated, with no Node in the page', () => {
    const o = mainWindowOptions('/app/preload/index.cjs', { width: 1366, height: 768 });
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(o.width).toBe(1366);
  });

  it('navigates only within the app', () => {
    const app = 'file:///C:/Program%20Files/FTZ/resources/app.asar/out/renderer/index.html';
    expect(isAppUrl(`${app}#/cases`, app)).toBe(true);
    expect(isAppUrl('file:///C:/Windows/System32/calc.exe', app)).toBe(false);
    expect(isAppUrl('https://example.com/', app)).toBe(false);
    const dev = 'http://localhost:5173/';
    expect(isAppUrl('http://localhost:5173/#/batches', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://user:pw@localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('not a url', dev)).toBe(false);
  });

  it('hands only web pages to the system browser', () => {
    expect(isExternalWebUrl('https://www.gov.cn/')).toBe(true);
    for (const u of ['file:///C:/x.exe', 'javascript:alert(1)', 'ms-settings:', 'smb://host/share', 'https://a:b@x.cn']) expect(isExternalWebUrl(u)).toBe(false);
  });

  it('has a strict CSP in the page and in the main process', () => {
    const html = fs.readFileSync(path.join(root, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/u.exec(html)![1]!;
    for (const csp of [meta, CONTENT_SECURITY_POLICY]) {
      expect(csp).toMatch(/default-src 'self'/u);
      expect(csp).toMatch(/script-src 'self'(;|$)/u);
      expect(csp).not.toMatch(/unsafe-eval/u);
      expect(csp).toMatch(/object-src 'none'/u);
    }
  });

  it('registers one IPC channel per contract method, and the preload exposes no generic ipcRenderer', () => {
    const main = fs.readFileSync(path.join(root, 'electron/main/index.ts'), 'utf8');
    expect(main).toMatch(/for \(const name of API_NAMES\)[\s\S]*ipcMain\.handle\(channelOf\(name\)/u);
    const preload = fs.readFileSync(path.join(root, 'electron/preload/index.ts'), 'utf8');
    expect(preload).toMatch(/API_NAMES\.map/u);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\b/u);
    expect(new Set(API_NAMES.map(channelOf)).size).toBe(API_NAMES.length);
  });

  it('keeps electron out of the core and Node out of the renderer', () => {
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const f of files(path.join(root, 'electron/core'))) expect(fs.readFileSync(f, 'utf8'), f).not.toMatch(/from ['"]electron['"]/u);
    for (const f of [...files(path.join(root, 'renderer/src')), ...files(path.join(root, 'shared'))]) {
      expect(fs.readFileSync(f, 'utf8'), f).not.toMatch(/from ['"](node:|fs['"]|path['"]|better-sqlite3|electron['"])/u);
    }
  });
});
