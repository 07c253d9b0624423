import type { FontProfile } from '../../../shared/domain';
import { issueNumberText, NEWSLETTER_TITLE } from '../../../shared/newsletter';
import type { Db } from '../db/connection';
import { safeFileName } from '../export/file-names';
import type { Built } from '../export/service';
import { detectFonts, missingFontWarnings } from '../fonts/detect';
import { getSettings } from '../repos/settings';
import { UserError } from '../util';
import { getNewsletter, getTocThreshold } from './repo';

// The issue's Word file, for the handlers and the command line alike.
export async function buildNewsletterDocx(db: Db, id: number, options: { fonts?: FontProfile } = {}): Promise<Built> {
  const n = getNewsletter(db, id);
  if (n.sections.every((s) => s.items.length === 0)) throw new UserError(`${issueNumberText(n.number)}还没有文章，无法导出`);
  const fonts = options.fonts ?? getSettings(db).fontProfile;
  // docx loads with the first export, not with every start of the command line (issue 13)
  const { exportNewsletterDocx } = await import('./docx');
  const bytes = await exportNewsletterDocx(n, { fonts, tocThreshold: getTocThreshold(db) });
  return { bytes, defaultName: safeFileName(`${NEWSLETTER_TITLE}${issueNumberText(n.number)}.docx`), kind: 'docx', warnings: missingFontWarnings(detectFonts(), fonts) };
}
