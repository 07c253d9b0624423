import { Menu, shell, type BrowserWindow } from 'electron';
import { menuTemplate, type MenuCommand } from './menu-template';

export type { MenuCommand } from './menu-template';

export function buildMenu(win: BrowserWindow, send: (cmd: MenuCommand) => void, dataDir: string, options: { devTools: boolean } = { devTools: false }): Menu {
  return Menu.buildFromTemplate(
    menuTemplate(
      {
        send,
        openDataFolder: () => void shell.openPath(dataDir),
        about: () => win.webContents.send('menu', 'about'),
      },
      options,
    ),
  );
}
