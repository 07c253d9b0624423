// The question the main process asks when the editor objects to the window closing (no Electron import, so the
// test can read it). The first button, the default and the answer to Esc, keeps the window and the text.
export const UNLOAD_DIALOG = {
  type: 'warning' as const,
  title: '自贸案例汇编',
  message: '离开会丢弃还没保存的内容',
  detail: '正在编辑的案例有还没保存的内容（例如还没填写案例名称或提供单位）。关闭后这些内容将丢失。',
  buttons: ['留下继续编辑', '放弃并关闭'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
};

/** Whether the clerk's answer (the button index) lets the window close. */
export const letsWindowClose = (choice: number) => choice === 1;
