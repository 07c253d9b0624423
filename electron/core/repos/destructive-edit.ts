import type { BodyNode, CaseContent } from '../../../shared/domain';

// Whether a save removes structure or a good deal of text. Such a save never merges into the previous
// autosave: the version before it stays in the history, so a deleted part can always be got back.

/** How much a removal of plain text (in characters, net) counts as destructive by itself. */
export const DESTRUCTIVE_TEXT_LOSS = 200;

interface Shape {
  nodes: number;
  paragraphs: number;
  chars: number;
}

function shapeOf(c: Pick<CaseContent, 'lead' | 'body'>): Shape {
  const shape: Shape = { nodes: 0, paragraphs: c.lead.length, chars: c.lead.join('').length };
  const walk = (nodes: BodyNode[]) => {
    for (const n of nodes) {
      shape.nodes++;
      shape.paragraphs += n.paragraphs.length;
      shape.chars += n.heading.length + n.text.length + n.paragraphs.join('').length;
      walk(n.items);
    }
  };
  walk(c.body);
  return shape;
}

/** True when `next` has fewer parts, sub-items or paragraphs than `prev`, or lost much of its text. */
export function isDestructiveEdit(prev: Pick<CaseContent, 'lead' | 'body'>, next: Pick<CaseContent, 'lead' | 'body'>): boolean {
  const a = shapeOf(prev);
  const b = shapeOf(next);
  return b.nodes < a.nodes || b.paragraphs < a.paragraphs || a.chars - b.chars >= DESTRUCTIVE_TEXT_LOSS;
}
