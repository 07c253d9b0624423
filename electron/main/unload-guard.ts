import { dialog, type BrowserWindow } from 'electron';
import { letsWindowClose, UNLOAD_DIALOG } from './unload-dialog';

// The editor cancels the page's unload (beforeunload) when closing would drop text it cannot save yet. Electron
// then closes nothing and shows nothing; this asks the clerk, in Chinese, and closes only if she says so.
export function askBeforeDiscarding(win: BrowserWindow): void {
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, UNLOAD_DIALOG);
    if (letsWindowClose(choice)) event.preventDefault(); // here preventDefault means: ignore the page's objection
  });
}
