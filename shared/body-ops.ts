import { emptyNode } from './body';
import type { BodyNode } from './domain';
import { HEADING_LEVELS } from './ordinals';

// Immutable edits of a case body by path (indexes from the top level down), as the editor makes them.

type Nodes = BodyNode[];

function mapAt(nodes: Nodes, path: number[], fn: (siblings: Nodes, index: number) => Nodes): Nodes {
  const [head, ...rest] = path;
  if (head === undefined) return nodes;
  if (rest.length === 0) return fn(nodes, head);
  return nodes.map((n, i) => (i === head ? { ...n, items: mapAt(n.items, rest, fn) } : n));
}

export function nodeAt(nodes: Nodes, path: number[]): BodyNode | undefined {
  let list = nodes;
  let node: BodyNode | undefined;
  for (const i of path) {
    node = list[i];
    if (!node) return undefined;
    list = node.items;
  }
  return node;
}

export function updateNode(nodes: Nodes, path: number[], patch: Partial<BodyNode> | ((n: BodyNode) => BodyNode)): Nodes {
  return mapAt(nodes, path, (siblings, i) => siblings.map((n, j) => (j === i ? (typeof patch === 'function' ? patch(n) : { ...n, ...patch }) : n)));
}

export function removeNode(nodes: Nodes, path: number[]): Nodes {
  return mapAt(nodes, path, (siblings, i) => siblings.filter((_, j) => j !== i));
}

/** Moves a node up (-1) or down (+1) among its siblings; numbering follows by itself. */
export function moveNode(nodes: Nodes, path: number[], delta: -1 | 1): Nodes {
  return mapAt(nodes, path, (siblings, i) => {
    const j = i + delta;
    if (j < 0 || j >= siblings.length) return siblings;
    const next = [...siblings];
    [next[i], next[j]] = [next[j]!, next[i]!];
    return next;
  });
}

/** Adds a node after `path` (same level), or at the end when `path` is empty. */
export function insertAfter(nodes: Nodes, path: number[], node: BodyNode = emptyNode()): Nodes {
  if (path.length === 0) return [...nodes, node];
  return mapAt(nodes, path, (siblings, i) => [...siblings.slice(0, i + 1), node, ...siblings.slice(i + 1)]);
}

/** Adds a child at the end of the node at `path`, if the level below exists (一、（一）1.（1）: four levels). */
export function addChild(nodes: Nodes, path: number[], node: BodyNode = emptyNode()): Nodes {
  if (path.length >= HEADING_LEVELS) return nodes;
  return updateNode(nodes, path, (n) => ({ ...n, items: [...n.items, node] }));
}

export function setParagraphs(nodes: Nodes, path: number[], fn: (ps: string[]) => string[]): Nodes {
  return updateNode(nodes, path, (n) => ({ ...n, paragraphs: fn(n.paragraphs) }));
}

export function moveInList<T>(list: T[], i: number, delta: -1 | 1): T[] {
  const j = i + delta;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

/** A new case's body: the type's template headings, each with one empty paragraph to type into. */
export function bodyFromTemplate(headings: readonly string[]): Nodes {
  return headings.map((h) => ({ ...emptyNode(h), paragraphs: [''] }));
}
