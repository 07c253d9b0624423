import { openCasebook } from '../../electron/core/casebook';
import { checkCase } from '../../electron/core/proofread/check';
import { contentOf, getCase, listCases } from '../../electron/core/repos/cases';
import { getSettings } from '../../electron/core/repos/settings';
import { flattenCaseText } from '../../shared/body';
import type { Figure } from './run';
import { median, round, tmpDb } from './run';

// The editor's live check (proofread.case, run as the clerk types) on a case of 20,000 characters: the longest
// demo case's sections repeated until its text is that long (issue 13: under 50 ms a run).
export function liveCheckBench(): Figure[] {
  const book = openCasebook(tmpDb('live-check.db'));
  const longest = listCases(book.db)
    .map((r) => getCase(book.db, r.id))
    .sort((a, b) => flattenCaseText(b.lead, b.body).length - flattenCaseText(a.lead, a.body).length)[0]!;
  const content = contentOf(longest);
  const length = () => flattenCaseText(content.lead, content.body).length;
  const sections = content.body;
  while (length() < 20_000) content.body = [...content.body, ...sections];
  const settings = getSettings(book.db);
  const run = () => checkCase({ ...content, unitName: longest.unitName }, { caseId: longest.id, caseSeq: null }, settings);
  run(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    run();
    t.push(performance.now() - t0);
  }
  book.close();
  return [{ name: `live check of a ${length().toLocaleString('en')}-character case (proofread.case)`, value: round(median(t)), unit: 'ms', target: 50 }];
}
