import fs from 'node:fs';
import path from 'node:path';
import { setSegmentStore, type SegmentStore } from '../../../shared/title-lines';
import { writeCacheFile } from '../orphan-temps';
import { userCacheDir } from '../paths';

// The word segmenter's answers kept in a file between command-line exports (shared/title-lines: ICU's start is a
// tenth of such an export, for 28 titles it has seen before). Keyed on Node's and ICU's versions, which alone
// decide the boundaries; a damaged or foreign file is ignored and replaced. The app (one long process) keeps none.

/** Bounds: titles kept (beyond them the file starts afresh), length of a title kept. */
const MAX_ENTRIES = 5000;
const MAX_TEXT = 500;

const version = () => `${process.version}/${process.versions.icu}/${process.versions.unicode}`;

export interface FileSegmentStore extends SegmentStore {
  /** Writes the file when something was added (a failure only costs the next export ICU's start). */
  save(): void;
}

export function fileSegmentStore(file = path.join(userCacheDir(), 'title-segments.json')): FileSegmentStore {
  // read on the first title asked for: an export that breaks no title (a workbook) never reads the file
  let kept: Record<string, number[]> | undefined;
  const entries = (): Record<string, number[]> => {
    if (kept) return kept;
    kept = {};
    try {
      const read = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown; entries?: unknown };
      if (read.version === version() && read.entries && typeof read.entries === 'object') kept = read.entries as Record<string, number[]>;
    } catch {
      // none yet, or unreadable: start afresh
    }
    return kept;
  };
  let added = false;
  return {
    get(text) {
      const ends = Object.hasOwn(entries(), text) ? entries()[text] : undefined;
      // a sane list only: increasing ends within the text, the last at its end
      if (!Array.isArray(ends) || ends.length === 0 || ends[ends.length - 1] !== text.length) return undefined;
      for (let i = 0; i < ends.length; i++) if (!Number.isInteger(ends[i]) || ends[i]! <= (i ? ends[i - 1]! : 0)) return undefined;
      return ends;
    },
    set(text, ends) {
      if (text.length > MAX_TEXT) return;
      if (Object.keys(entries()).length >= MAX_ENTRIES) kept = {};
      entries()[text] = [...ends];
      added = true;
    },
    save() {
      if (!added) return;
      // a read-only home: ICU answers every time, as before
      if (writeCacheFile(file, JSON.stringify({ version: version(), entries: entries() }))) added = false;
    },
  };
}

/** Runs `work` with the file store set for shared/title-lines, and saves what it added. */
export async function withSegmentStore<T>(work: () => Promise<T>, store = fileSegmentStore()): Promise<T> {
  setSegmentStore(store);
  try {
    return await work();
  } finally {
    setSegmentStore(null);
    store.save();
  }
}
