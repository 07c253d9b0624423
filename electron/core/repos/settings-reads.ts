import { DEFAULT_FONT_PROFILE, FONT_PROFILES, type FontProfile } from '../../../shared/domain-constants';
import type { Db } from '../db/connection';

// One setting read without the settings schema (./settings validates the whole set with zod, which an export
// from the command line would otherwise load for this one value, a tenth of its time; issue 13).

/** The font profile an export uses when none is asked for: the stored one when it is a profile, else the default. */
export function getFontProfileSetting(db: Db): FontProfile {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'fontProfile'").get() as { value: string } | undefined;
  let stored: unknown;
  try {
    stored = row ? JSON.parse(row.value) : undefined;
  } catch {
    stored = undefined;
  }
  return (FONT_PROFILES as readonly unknown[]).includes(stored) ? (stored as FontProfile) : DEFAULT_FONT_PROFILE;
}
