import type { Finding, TextPlace } from '../../shared/domain';
import { ordinalFor } from '../../shared/ordinals';
import { navigate, parseRoute } from './router';

// A finding leads the clerk to its place (issue 14.6): the field that holds the text is found by the Chinese
// label the editors give it (the same words the proofreader builds its «二、（一）第2段» from), scrolled to the
// middle of the screen, focused with the faulty words selected, and marked for a moment. A finding in another
// case opens that case first and waits for its editor to show the field.

const HEADING_LEVELS = 4;
const nodeLabel = (path: number[]) => path.map((i, d) => ordinalFor(Math.min(d + 1, HEADING_LEVELS), i)).join('');

/** The circular's checked parts and the label of the field each is typed in (see CircularForm). */
const CIRCULAR_FIELDS: Record<string, string> = { 标题: '通知标题', 附件说明: '附件名称', 发文字号: '序号' };

/** The aria-label of the field that holds the text at `place`, or null when no field shows it. */
export function fieldLabelOf(place: TextPlace): string | null {
  const at = (place.index ?? 0) + 1;
  switch (place.slot) {
    case 'title':
      return '案例名称';
    case 'lead':
      return `导语第${at}段`;
    case 'heading':
      return `${nodeLabel(place.path)}标题`;
    case 'text':
      return `${nodeLabel(place.path)}标题后文字`;
    case 'paragraph':
      return `${nodeLabel(place.path)}第${at}段`;
    case 'circular':
      return CIRCULAR_FIELDS[place.label] ?? place.label;
    case 'line':
      return place.index === null ? null : '待检查文字';
  }
}

/** The words a finding is about, without the «…» of its excerpt. */
export const excerptCore = (f: Finding) => f.excerpt.replace(/^…/u, '').replace(/…$/u, '');

const MARK = 'jump-target';
const MARK_MS = 2500;

/** Marks an element for a moment (a CSS outline that fades), so the eye finds it after the scroll. */
export function mark(el: HTMLElement): void {
  el.classList.remove(MARK);
  void el.offsetWidth; // restart the animation when the same place is chosen twice
  el.classList.add(MARK);
  window.setTimeout(() => el.classList.remove(MARK), MARK_MS);
}

/** The range of the finding's words in the field's text: the fix's own span, else the excerpt found, else none. */
function rangeIn(value: string, f: Finding): [number, number] | null {
  if (f.place.slot === 'line') {
    const lines = value.split('\n');
    const n = (f.place.index ?? 1) - 1;
    if (n < 0 || n >= lines.length) return null;
    const start = lines.slice(0, n).reduce((sum, l) => sum + l.length + 1, 0);
    return [start, start + lines[n]!.length];
  }
  if (f.fix && value.slice(f.fix.offset, f.fix.offset + f.fix.expected.length) === f.fix.expected) return [f.fix.offset, f.fix.offset + Math.max(f.fix.expected.length, 1)];
  const core = excerptCore(f);
  const i = core ? value.indexOf(core) : -1;
  return i >= 0 ? [i, i + core.length] : null;
}

/** Shows the finding's place within `root` now; false when no field there holds it. */
export function revealFinding(f: Finding, root: ParentNode = document): boolean {
  const label = fieldLabelOf(f.place);
  if (!label) return false;
  const field = root.querySelector<HTMLElement>(`[aria-label="${CSS.escape(label)}"]`);
  if (!field) return false;
  field.scrollIntoView({ block: 'center' });
  field.focus({ preventScroll: true });
  if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) {
    const range = rangeIn(field.value, f);
    if (range) {
      try {
        field.setSelectionRange(range[0], range[1]);
      } catch {
        // number inputs have no selection; focus is enough
      }
    }
  }
  mark(field.closest<HTMLElement>('.para-row, .node-head, .ant-form-item') ?? field);
  return true;
}

const WAIT_MS = 8000;

/**
 * Goes to the finding: in the case editor of its case (opened first when it is another page) or in the page shown.
 * Resolves true once the place is shown.
 */
export function jumpToFinding(f: Finding): Promise<boolean> {
  const caseId = f.place.caseId;
  const route = parseRoute(window.location.hash);
  const elsewhere = caseId != null && !(route.page === 'case' && route.id === caseId);
  if (!elsewhere) return Promise.resolve(revealFinding(f));
  navigate({ page: 'case', id: caseId });
  // The editor loads its case after the route changes: wait (bounded) for the field to appear in it.
  const until = Date.now() + WAIT_MS;
  return new Promise((resolve) => {
    const tick = () => {
      const here = parseRoute(window.location.hash);
      if (here.page === 'case' && here.id === caseId && document.querySelector('[data-testid="save-state"]') && revealFinding(f)) return resolve(true);
      if (Date.now() > until) return resolve(false);
      window.setTimeout(tick, 100);
    };
    window.setTimeout(tick, 50);
  });
}
