// The Electron main process: lifecycle and the OS. Everything about cases and documents is in core/.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { API_NAMES, channelOf } from '../../shared/contract';
import { openCasebook, type Casebook } from '../core/casebook';
import { dispatch } from '../core/api/dispatch';
import { createHandlers } from '../core/api/handlers';
import type { Host } from '../core/api/host';
import { APP_DIR_NAME, DB_FILE_NAME } from '../core/paths';
import { buildMenu, type MenuCommand } from './menu';
import { electronNativeBinding } from './native';
import { CONTENT_SECURITY_POLICY, isAppUrl, isExternalWebUrl, mainWindowOptions } from './security';
import { loadWindowState, saveWindowState } from './window-state';

app.setPath('userData', path.join(app.getPath('appData'), APP_DIR_NAME));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let book: Casebook | null = null;
  const rendererUrl = process.env.ELECTRON_RENDERER_URL; // set by electron-vite dev
  const appUrl = rendererUrl ?? new URL(`file://${path.join(__dirname, '../renderer/index.html')}`).href;

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
    try {
      book = openCasebook(process.env.CASEBOOK_DB ?? path.join(dataDir, DB_FILE_NAME), {
        nativeBinding: electronNativeBinding(app.getAppPath(), process.resourcesPath, process.versions.electron),
      });
    } catch (err) {
      dialog.showErrorBox('无法打开数据库', err instanceof Error ? err.message : String(err));
      app.quit();
      return;
    }

    // The built app gets the strict CSP as a header too; the dev server's page carries its own, relaxed for HMR.
    if (!rendererUrl) {
      session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
        callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
      });
    }
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

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
    win = new BrowserWindow(mainWindowOptions(path.join(__dirname, '../preload/index.cjs'), state));
    if (state.maximized) win.maximize();
    const send = (cmd: MenuCommand) => win?.webContents.send('menu', cmd);
    Menu.setApplicationMenu(buildMenu(win, send, dataDir));
    win.once('ready-to-show', () => win?.show());
    win.on('close', () => {
      if (!win) return;
      saveWindowState(dataDir, { ...win.getNormalBounds(), maximized: win.isMaximized() });
    });
    void win.loadURL(appUrl);
  });

  app.on('window-all-closed', () => {
    book?.close();
    book = null;
    app.quit();
  });
}
