// An undo stack of editor states, for Ctrl+Z / Ctrl+Shift+Z and the «撤销» of a deletion. Typing merges into
// one step until it pauses; a structural edit (add, move, delete) is always a step of its own.

export const TYPING_PAUSE_MS = 1000;
export const MAX_UNDO_STEPS = 200;

export class UndoHistory<T> {
  private past: T[] = [];
  private future: T[] = [];
  private lastTypingAt = -Infinity;

  /** Call before a change with the state it changes; returns the step's index (for «撤销» of that step). */
  record(before: T, kind: 'typing' | 'structure', now = Date.now()): number {
    const merge = kind === 'typing' && now - this.lastTypingAt < TYPING_PAUSE_MS;
    this.lastTypingAt = kind === 'typing' ? now : -Infinity;
    this.future = [];
    if (!merge) {
      this.past.push(before);
      if (this.past.length > MAX_UNDO_STEPS) this.past.shift();
    }
    return this.past.length - 1;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  undo(current: T): T | null {
    const prev = this.past.pop();
    if (prev === undefined) return null;
    this.future.push(current);
    this.lastTypingAt = -Infinity;
    return prev;
  }

  redo(current: T): T | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(current);
    this.lastTypingAt = -Infinity;
    return next;
  }

  /** Undoes back to the state before step `index` (later steps go to redo); null if that step is gone. */
  undoTo(index: number, current: T): T | null {
    if (index < 0 || index >= this.past.length) return null;
    let state = current;
    while (this.past.length > index) state = this.undo(state)!;
    return state;
  }
}
