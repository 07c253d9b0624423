import { dialog, type BrowserWindow } from 'electron';

// The editor cancels the page's unload (beforeunload) when closing would drop text it cannot save yet. Electron
// then closes nothing and shows nothing; this asks the clerk, in Chinese, and closes only if she says so.
export function askBeforeDiscarding(win: BrowserWindow): void {
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      title: '自贸案例汇编',
      message: '离开会丢弃还没保存的内容',
      detail: '正在编辑的案例有还没保存的内容（例如还没填写案例名称或提供单位）。关闭后这些内容将丢失。',
      buttons: ['留下继续编辑', '放弃并关闭'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (choice === 1) event.preventDefault(); // preventDefault here means: ignore the page's objection and unload
  });
}
