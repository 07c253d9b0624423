import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/domain';
import { getSettings, updateSettings } from '../../electron/core/repos/settings';
import { getFontProfileSetting } from '../../electron/core/repos/settings-reads';
import { tempCasebook } from '../helpers/tmp';

// The font profile an export reads without the settings schema (issue 13) is the one the settings hold.
describe('getFontProfileSetting', () => {
  it('follows the stored setting, and falls back to the default for a missing or damaged value', () => {
    const { db } = tempCasebook({ seed: false });
    expect(getFontProfileSetting(db)).toBe(DEFAULT_SETTINGS.fontProfile);
    updateSettings(db, { fontProfile: 'system' });
    expect(getFontProfileSetting(db)).toBe('system');
    expect(getFontProfileSetting(db)).toBe(getSettings(db).fontProfile);
    const put = db.prepare("INSERT INTO settings (key, value) VALUES ('fontProfile', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    for (const damaged of ['"poster"', '3']) {
      put.run(damaged);
      expect(getFontProfileSetting(db)).toBe('gb');
      expect(getSettings(db).fontProfile).toBe('gb');
    }
    put.run('not json'); // getSettings would throw here; an export still goes out, in the default fonts
    expect(getFontProfileSetting(db)).toBe('gb');
    db.prepare("DELETE FROM settings WHERE key = 'fontProfile'").run();
    expect(getFontProfileSetting(db)).toBe('gb');
  });
});
