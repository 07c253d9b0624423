import type { MenuItemConstructorOptions } from 'electron';

// The Chinese application menu as data (no electron import at run time, so tests can read it).
export type MenuCommand = 'new-case' | 'save' | 'find' | 'import' | 'open-data-folder';

export interface MenuActions {
  send(cmd: MenuCommand): void;
  openDataFolder(): void;
  about(): void;
}

/** `devTools` only in development: the packaged app has no 开发者工具 (nor its shortcut, see main). */
export function menuTemplate(actions: MenuActions, options: { devTools: boolean }): MenuItemConstructorOptions[] {
  return [
    {
      label: '文件(&F)',
      submenu: [
        { label: '新建案例', accelerator: 'CmdOrCtrl+N', click: () => actions.send('new-case') },
        { label: '导入通知或案例…', accelerator: 'CmdOrCtrl+O', click: () => actions.send('import') },
        { label: '保存', accelerator: 'CmdOrCtrl+S', click: () => actions.send('save') },
        { type: 'separator' },
        { label: '打开数据文件夹', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
        { type: 'separator' },
        { label: '查找', accelerator: 'CmdOrCtrl+F', click: () => actions.send('find') },
      ],
    },
    {
      label: '视图(&V)',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
        ...(options.devTools ? [{ label: '开发者工具', role: 'toggleDevTools' } as const] : []),
      ],
    },
    {
      label: '帮助(&H)',
      submenu: [{ label: '关于 FTZ Casebook', click: () => actions.about() }],
    },
  ];
}
