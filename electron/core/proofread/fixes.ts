import type { BodyNode, CaseContent, Fix } from '../../../shared/domain';
import { UserError } from '../util';

// Applying safe fixes to a case: each replaces exactly the text it was made for, or is refused, so a fix
// computed before the clerk typed something else can never damage the text.

function nodeAt(body: BodyNode[], path: number[]): BodyNode {
  let nodes = body;
  let node: BodyNode | undefined;
  for (const i of path) {
    node = nodes[i];
    if (!node) throw new UserError('修改位置已不存在，请重新检查', 'stale');
    nodes = node.items;
  }
  if (!node) throw new UserError('修改位置已不存在，请重新检查', 'stale');
  return node;
}

function replaceAt(text: string, fix: Fix): string {
  if (text.slice(fix.offset, fix.offset + fix.expected.length) !== fix.expected) {
    throw new UserError(`“${fix.place.label}”的文字已改变，请重新检查后再修复`, 'stale');
  }
  return text.slice(0, fix.offset) + fix.replacement + text.slice(fix.offset + fix.expected.length);
}

/** The text a fix's place names, in a case's content ('' where there is none). */
export function textAt(content: CaseContent, place: Fix['place']): string {
  const { slot, path, index } = place;
  if (slot === 'title') return content.title;
  if (slot === 'lead') return content.lead[index ?? 0] ?? '';
  if (slot === 'heading' || slot === 'text' || slot === 'paragraph') {
    let nodes = content.body;
    let node: BodyNode | undefined;
    for (const i of path) {
      node = nodes[i];
      if (!node) return '';
      nodes = node.items;
    }
    if (!node) return '';
    return slot === 'heading' ? node.heading : slot === 'text' ? node.text : (node.paragraphs[index ?? 0] ?? '');
  }
  return '';
}

/** Applies fixes to a copy of the content. Several fixes in one text are applied from the end backwards. */
export function applyFixes(content: CaseContent, fixes: Fix[]): CaseContent {
  const next: CaseContent = structuredClone(content);
  const ordered = [...fixes].sort((a, b) => b.offset - a.offset);
  const slotOf = (f: Fix) => `${f.place.slot}|${f.place.path.join('.')}|${f.place.index ?? ''}`;
  ordered.forEach((f, i) => {
    const later = ordered[i - 1]; // starts at or after f
    if (later && slotOf(later) === slotOf(f) && f.offset + f.expected.length > later.offset) throw new UserError('修复的位置相互重叠，请逐条修复', 'invalid');
  });
  for (const fix of ordered) {
    const { slot, path, index } = fix.place;
    if (slot === 'title') next.title = replaceAt(next.title, fix);
    else if (slot === 'lead') next.lead[index ?? 0] = replaceAt(next.lead[index ?? 0] ?? '', fix);
    else if (slot === 'heading') nodeAt(next.body, path).heading = replaceAt(nodeAt(next.body, path).heading, fix);
    else if (slot === 'text') nodeAt(next.body, path).text = replaceAt(nodeAt(next.body, path).text, fix);
    else if (slot === 'paragraph') {
      const node = nodeAt(next.body, path);
      node.paragraphs[index ?? 0] = replaceAt(node.paragraphs[index ?? 0] ?? '', fix);
    } else throw new UserError('这一处不能自动修复', 'invalid');
  }
  return next;
}
