import type { BodyNode } from './domain';
import { HEADING_LEVELS, ordinalFor } from './ordinals';

/** A block of a case as it prints: a heading with its generated ordinal, or a plain paragraph. */
export type PrintBlock =
  | { kind: 'heading'; level: number; ordinal: string; heading: string; text: string; path: number[] }
  | { kind: 'paragraph'; level: number; text: string; path: number[]; index: number };

/** Walks the body in reading order; ordinals come from the position of each node, never from its text. */
export function printBlocks(body: readonly BodyNode[]): PrintBlock[] {
  const out: PrintBlock[] = [];
  const walk = (nodes: readonly BodyNode[], level: number, parent: number[]) => {
    nodes.forEach((node, i) => {
      const path = [...parent, i];
      const lv = Math.min(level, HEADING_LEVELS);
      out.push({ kind: 'heading', level: lv, ordinal: ordinalFor(lv, i), heading: node.heading, text: node.text, path });
      node.paragraphs.forEach((text, index) => out.push({ kind: 'paragraph', level: lv, text, path, index }));
      walk(node.items, level + 1, path);
    });
  };
  walk(body, 1, []);
  return out;
}

/**
 * A heading line as printed: a heading alone takes no final punctuation; one followed by run-in text ends
 * in 。 (GB/T 9704 practice), unless the heading already ends in a stop.
 */
export function headingLine(heading: string, text: string): { heading: string; rest: string } {
  if (!text) return { heading, rest: '' };
  const stop = /[。！？：；]$/u.test(heading) ? '' : '。';
  return { heading: heading + stop, rest: text };
}

/** All the words of a case in reading order, one block a line: what search indexes. */
export function flattenCaseText(lead: readonly string[], body: readonly BodyNode[]): string {
  const lines = [...lead];
  for (const b of printBlocks(body)) {
    if (b.kind === 'heading') lines.push(b.text ? `${b.heading} ${b.text}` : b.heading);
    else lines.push(b.text);
  }
  return lines.join('\n');
}

export function emptyNode(heading = ''): BodyNode {
  return { heading, text: '', paragraphs: [], items: [] };
}
