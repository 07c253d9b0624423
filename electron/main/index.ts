// The Electron main process: lifecycle and the OS. Everything about cases and documents is in core/.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { API_NAMES, channelOf } from '../../shared/contract';
import { openCasebook, type Casebook } from '../core/casebook';
import { corruptReport, newestBackup, recoverDatabase } from '../core/backup/recovery';
import { DatabaseCorruptError } from '../core/db/connection';
import { removeOrphanTemps } from '../core/orphan-temps';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, mimeOf, rendererEntryUrl, resolveAppFile } from './app-protocol';
import { dispatch } from '../core/api/dispatch';
import { createHandlers } from '../core/api/handlers';
import type { Host } from '../core/api/host';
import { APP_DIR_NAME, DB_FILE_NAME } from '../core/paths';
import { buildMenu, type MenuCommand } from './menu';
import { electronNativeBinding } from './native';
import { CONTENT_SECURITY_POLICY, isAppUrl, isExternalWebUrl, isPermissionAllowed, mainWindowOptions } from './security';
import { loadWindowState, saveWindowState } from './window-state';
import { askBeforeDiscarding } from './unload-guard';

app.setPath('userData', path.join(app.getPath('appData'), APP_DIR_NAME));
// Before ready: app:// must be a standard, secure scheme for the page's origin, fetch and storage.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let book: Casebook | null = null;
  // electron-vite dev sets ELECTRON_RENDERER_URL; an installed app ignores it (see rendererEntryUrl)
  const entry = rendererEntryUrl(app.isPackaged, process.env);
  const appUrl = entry.url;
  const rendererDir = path.join(__dirname, '../renderer');

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  // No window, frame or webview may navigate away from the app or open new windows.
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, appUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, appUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalWebUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  app.whenReady().then(() => {
    const dataDir = app.getPath('userData');
    book = openWithRecovery(process.env.CASEBOOK_DB ?? path.join(dataDir, DB_FILE_NAME));
    if (!book) {
      app.quit();
      return;
    }
    // temporary files of exports and backups a killed run left behind
    for (const dir of [dataDir, app.getPath('documents'), path.join(path.dirname(book.file), 'backups')]) removeOrphanTemps(dir);

    if (!entry.dev) {
      protocol.handle(APP_SCHEME, (request) => {
        const file = resolveAppFile(rendererDir, request.url);
        if (!file) return new Response('not found', { status: 404 });
        return new Response(fs.readFileSync(file), {
          headers: { 'Content-Type': mimeOf(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
        });
      });
    }

    // The built app gets the strict CSP as a header too; the dev server's page carries its own, relaxed for HMR.
    if (!entry.dev) {
      session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
        callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
      });
    }
    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionAllowed(permission)));
    session.defaultSession.setPermissionCheckHandler((_wc, permission) => isPermissionAllowed(permission));

    const host: Host = {
      transport: 'ipc',
      version: app.getVersion(),
      async chooseSavePath(defaultName, kind) {
        const filters =
          kind === 'docx' ? [{ name: 'Word 文档', extensions: ['docx'] }] : kind === 'pdf' ? [{ name: 'PDF 文档', extensions: ['pdf'] }] : [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];
        const result = await dialog.showSaveDialog(win!, { defaultPath: path.join(app.getPath('documents'), defaultName), filters });
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      downloadUrl: () => null,
      async openPath(p) {
        const error = await shell.openPath(p); // resolves to an error string, empty on success
        if (error) shell.showItemInFolder(p);
      },
      async showInFolder(p) {
        shell.showItemInFolder(p);
      },
    };
    const handlers = createHandlers({ db: book.db, dbFile: book.file, host });
    for (const name of API_NAMES) {
      ipcMain.handle(channelOf(name), (event, input: unknown) => {
        const frameUrl = event.senderFrame?.url ?? '';
        if (!isAppUrl(frameUrl, appUrl)) return { ok: false, error: { code: 'forbidden', message: '拒绝来自未知页面的请求' } };
        return dispatch(handlers, name, input);
      });
    }

    const state = loadWindowState(dataDir);
    win = new BrowserWindow(mainWindowOptions(path.join(__dirname, '../preload/index.cjs'), state, { devTools: !app.isPackaged }));
    if (state.maximized) win.maximize();
    askBeforeDiscarding(win); // safety-ui: unsaved text in the editor asks before the window closes
    const send = (cmd: MenuCommand) => win?.webContents.send('menu', cmd);
    Menu.setApplicationMenu(buildMenu(win, send, dataDir, { devTools: !app.isPackaged }));
    win.once('ready-to-show', () => win?.show());
    win.on('close', () => {
      if (!win) return;
      saveWindowState(dataDir, { ...win.getNormalBounds(), maximized: win.isMaximized() });
    });
    void win.loadURL(appUrl);
  });

  const closeBook = () => {
    book?.close(); // a clean close stamps the file, so the next start skips the full quick_check
    book = null;
  };
  app.on('window-all-closed', () => {
    closeBook();
    app.quit();
  });
  // 文件 → 退出 (role quit) and the system's quit do not emit window-all-closed: close the file there too.
  app.on('will-quit', closeBook);
}

/**
 * Opens the casebook; a damaged file is reported in Chinese with the choice to restore the newest backup or
 * start a fresh file (the damaged one is kept aside either way). Null when the clerk chose to quit.
 */
function openWithRecovery(file: string): Casebook | null {
  const nativeBinding = electronNativeBinding(app.getAppPath(), process.resourcesPath, process.versions.electron);
  for (;;) {
    try {
      return openCasebook(file, { nativeBinding, dailyBackup: true });
    } catch (err) {
      if (!(err instanceof DatabaseCorruptError)) {
        dialog.showErrorBox('无法打开数据库', err instanceof Error ? err.message : String(err));
        return null;
      }
      const hasBackup = newestBackup(file) !== null;
      const buttons = [...(hasBackup ? ['从最新备份恢复'] : []), '新建空白数据库', '退出'];
      const pick = dialog.showMessageBoxSync({ type: 'error', title: '数据库已损坏', message: '数据库文件已损坏或无法读取', detail: corruptReport(file, err.detail, 'dialog'), buttons, defaultId: 0, cancelId: buttons.length - 1, noLink: true });
      const choice = buttons[pick];
      if (choice === '退出' || choice === undefined) return null;
      try {
        recoverDatabase(file, choice === '从最新备份恢复' ? 'restore-newest' : 'fresh', { nativeBinding });
      } catch (e) {
        dialog.showErrorBox('恢复失败', e instanceof Error ? e.message : String(e));
      }
    }
  }
}
