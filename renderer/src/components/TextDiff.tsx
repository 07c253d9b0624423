import { diffChars, diffLines } from 'diff';
import { flattenCaseText } from '../../../shared/body';
import type { CaseContent } from '../../../shared/domain';

// A case's text as lines, and the diff of two of them: what the history and the conflict dialog compare.
// Paragraphs are matched first; inside a changed paragraph the changed characters are marked (Chinese has no
// spaces between words, so characters are its words), not the whole paragraph.

export const caseAsText = (c: Pick<CaseContent, 'title' | 'lead' | 'body'>) => `${c.title}\n${flattenCaseText(c.lead, c.body)}\n`;

export const REMOVED_BG = '#ffccc7';
export const ADDED_BG = '#d9f7be';

/** Above this many characters a changed pair of paragraphs is shown whole: the character diff would be slow. */
const CHAR_DIFF_LIMIT = 20_000;

export interface DiffSegment {
  text: string;
  kind: 'same' | 'added' | 'removed';
}

/** `from` → `to` as segments, character-level inside paragraphs that changed. */
export function textDiffSegments(from: string, to: string): DiffSegment[] {
  const parts = diffLines(from, to);
  const out: DiffSegment[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    if (p.removed && next?.added && p.value.length + next.value.length <= CHAR_DIFF_LIMIT) {
      for (const c of diffChars(p.value, next.value)) out.push({ text: c.value, kind: c.added ? 'added' : c.removed ? 'removed' : 'same' });
      i++;
      continue;
    }
    out.push({ text: p.value, kind: p.added ? 'added' : p.removed ? 'removed' : 'same' });
  }
  return out;
}

/** `from` → `to`: characters only in `from` on red (struck through), characters only in `to` on green. */
export function TextDiff({ from, to, testId }: { from: string; to: string; testId?: string }) {
  return (
    <pre data-testid={testId} style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: 13, margin: 0 }}>
      {textDiffSegments(from, to).map((s, i) =>
        s.kind === 'same' ? (
          <span key={i}>{s.text}</span>
        ) : s.kind === 'added' ? (
          <ins key={i} className="diff-added" style={{ background: ADDED_BG, textDecoration: 'none' }}>
            {s.text}
          </ins>
        ) : (
          <del key={i} className="diff-removed" style={{ background: REMOVED_BG }}>
            {s.text}
          </del>
        ),
      )}
    </pre>
  );
}
