import { diffLines } from 'diff';
import { flattenCaseText } from '../../../shared/body';
import type { CaseContent } from '../../../shared/domain';

// A case's text as lines, and the line diff of two of them: what the history and the conflict dialog compare.

export const caseAsText = (c: Pick<CaseContent, 'title' | 'lead' | 'body'>) => `${c.title}\n${flattenCaseText(c.lead, c.body)}\n`;

export const REMOVED_BG = '#ffccc7';
export const ADDED_BG = '#d9f7be';

/** `from` → `to`: lines only in `from` on red, lines only in `to` on green. */
export function TextDiff({ from, to, testId }: { from: string; to: string; testId?: string }) {
  return (
    <pre data-testid={testId} style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: 13, margin: 0 }}>
      {diffLines(from, to).map((p, i) => (
        <span key={i} style={{ background: p.added ? ADDED_BG : p.removed ? REMOVED_BG : undefined }}>
          {p.value}
        </span>
      ))}
    </pre>
  );
}
