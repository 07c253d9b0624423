import { describe, expect, it } from 'vitest';
import { letsWindowClose, UNLOAD_DIALOG } from '../../electron/main/unload-dialog';

describe('closing the window with unsaved text', () => {
  it('asks in Chinese, and only the explicit «放弃并关闭» closes', () => {
    for (const text of [UNLOAD_DIALOG.message, UNLOAD_DIALOG.detail, ...UNLOAD_DIALOG.buttons]) expect(text).toMatch(/\p{Script=Han}/u);
    expect(UNLOAD_DIALOG.buttons[UNLOAD_DIALOG.cancelId]).toBe('留下继续编辑');
    expect(UNLOAD_DIALOG.defaultId).toBe(UNLOAD_DIALOG.cancelId);
    expect(letsWindowClose(UNLOAD_DIALOG.cancelId)).toBe(false);
    expect(letsWindowClose(UNLOAD_DIALOG.buttons.indexOf('放弃并关闭'))).toBe(true);
  });
});
