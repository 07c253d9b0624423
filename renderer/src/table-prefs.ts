import { useCallback, useEffect, useState } from 'react';

// A table's column widths and sort as the clerk left them, kept in this browser/profile between sessions.
export type SortOrder = 'ascend' | 'descend';
export interface TablePrefs {
  widths: Record<string, number>;
  sort: { key: string; order: SortOrder } | null;
}

const MIN_WIDTH = 48;
const MAX_WIDTH = 1200;

function read(key: string): TablePrefs {
  try {
    const raw = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<TablePrefs> | null;
    const widths = Object.fromEntries(
      Object.entries(raw?.widths ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] >= MIN_WIDTH && e[1] <= MAX_WIDTH),
    );
    const sort = raw?.sort && typeof raw.sort.key === 'string' && (raw.sort.order === 'ascend' || raw.sort.order === 'descend') ? raw.sort : null;
    return { widths, sort };
  } catch {
    return { widths: {}, sort: null }; // a damaged entry is forgotten, not fatal
  }
}

export function useTablePrefs(storageKey: string) {
  const [prefs, setPrefs] = useState<TablePrefs>(() => read(storageKey));
  useEffect(() => {
    try {
      localStorage.setItem(storageKey, JSON.stringify(prefs));
    } catch {
      // storage full or disabled: the table still works, it just forgets
    }
  }, [storageKey, prefs]);
  const setWidth = useCallback((col: string, width: number) => setPrefs((p) => ({ ...p, widths: { ...p.widths, [col]: Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width))) } })), []);
  const setSort = useCallback((sort: TablePrefs['sort']) => setPrefs((p) => ({ ...p, sort })), []);
  /** The column's width as the page sets it, forgetting the clerk's. */
  const resetWidth = useCallback((col: string) => setPrefs((p) => ({ ...p, widths: Object.fromEntries(Object.entries(p.widths).filter(([k]) => k !== col)) })), []);
  return { prefs, setWidth, setSort, resetWidth };
}
