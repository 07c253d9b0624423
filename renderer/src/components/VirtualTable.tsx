import { useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { SELECT_ALL_LABEL, selectRowLabel } from '../table-a11y';
import type { SortOrder, TablePrefs } from '../table-prefs';
import './VirtualTable.css';

/**
 * A light table for long lists: only the rows in view are rendered (fixed row heights), the header sorts and its
 * borders drag, a check box column selects (Shift+click selects a range). The case library's first window uses it
 * instead of antd's Table, which brought about 190 KB of start scripts and a forced layout inside its first render
 * (issue 13: the first window). It keeps antd's look (its class names for the check boxes, its table colours).
 */
export interface TableColumn<T> {
  key: string;
  title: string;
  /** Pixels; a column without a width takes the room the others leave. `minWidth`: its least, dragged too. */
  width?: number;
  minWidth?: number;
  render: (row: T) => ReactNode;
  /** Ascending order; a column with one is sortable. Of stable identity (a module's function), it sorts once. */
  compare?: (a: T, b: T) => number;
  /** One line, cut with «…» (the whole text is in the cell's title when it is a string). */
  ellipsis?: boolean;
  className?: string;
}

export interface TableSelection<T> {
  selected: readonly number[];
  onChange: (keys: number[]) => void;
  /** The row's name for a screen reader: «选择“…”». */
  nameOf: (row: T) => string;
}

interface Props<T> {
  className?: string;
  /** The table's name for a screen reader («案例列表»). */
  label: string;
  rows: readonly T[];
  rowKey: (row: T) => number;
  columns: readonly TableColumn<T>[];
  /** Every row's height in pixels: the rows in view are computed from it, so a row's content must fit. */
  rowHeight: number;
  /** The most the body shows before it scrolls, in pixels (the header comes on top). */
  bodyHeight: number;
  loading?: boolean;
  empty: ReactNode;
  sort: TablePrefs['sort'];
  onSort: (sort: TablePrefs['sort']) => void;
  onResize?: (key: string, width: number) => void;
  /** A double click on a column's grip: its width as the page sets it (Windows' lists fit a column so). */
  onResetWidth?: (key: string) => void;
  selection?: TableSelection<T>;
  onRowDoubleClick?: (row: T) => void;
  /** Another list (a new search, filter, sort): the table shows its top. Changes of the same list keep the place. */
  listKey?: string;
}

const SELECT_WIDTH = 40;
/** Rows rendered beyond each edge of the view, so a wheel turn or a Tab shows rendered rows. */
const OVERSCAN = 6;
/** antd's order of clicks on a sortable header: ascending, descending, none. */
const NEXT_ORDER: Record<SortOrder | 'none', SortOrder | null> = { none: 'ascend', ascend: 'descend', descend: null };
const ORDER_LABEL: Record<SortOrder | 'none', string> = { none: '点击升序', ascend: '点击降序', descend: '取消排序' };

export function VirtualTable<T>(props: Props<T>) {
  const { rows, rowKey, columns, rowHeight, bodyHeight, sort, onSort, onResize, selection } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [topRow, setTopRow] = useState(0); // the first row in view: scrolling within a row renders nothing
  const anchor = useRef<number | null>(null); // the key of the last row clicked without Shift: a Shift range's start

  // Sorted again only when the rows, the sort or the sorted column's compare change: a page's columns are a new
  // array at each render (a click on a check box, a key typed in the search), their compares may be the same.
  const compare = sort ? columns.find((c) => c.key === sort.key)?.compare : undefined;
  const sorted = useMemo(() => {
    if (!sort || !compare) return rows;
    const sign = sort.order === 'ascend' ? 1 : -1;
    return [...rows].sort((a, b) => sign * compare(a, b)); // stable: equal rows keep their order
  }, [rows, compare, sort]);

  // Another list: its top. Other rows or another row height: the rows in view follow the scroll position, which
  // the browser may have moved back when the list got shorter.
  // Not at the first render: the list starts at its top, and reading the position would force the page's first
  // layout inside React's commit (issue 13: the first window).
  const mounted = useRef(false);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && mounted.current) el.scrollTop = 0;
    anchor.current = null; // a Shift range starts from a row of the list the clerk sees, not of the previous one
  }, [props.listKey, sort]);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && mounted.current) setTopRow(Math.floor(el.scrollTop / rowHeight));
    mounted.current = true;
  }, [sorted, rowHeight, props.listKey, sort]);

  const sortedKey = compare ? sort!.key : undefined; // its cells are shaded, as antd's
  const first = Math.max(0, topRow - OVERSCAN);
  const last = Math.min(sorted.length, topRow + Math.ceil(bodyHeight / rowHeight) + 1 + OVERSCAN);
  const fixedWidth = columns.reduce((n, c) => n + (c.width ?? c.minWidth ?? 0), selection ? SELECT_WIDTH : 0);
  const flexible = columns.some((c) => c.width === undefined);

  const selectedSet = useMemo(() => new Set(selection?.selected), [selection?.selected]);
  const allKeys = useMemo(() => sorted.map(rowKey), [sorted, rowKey]);
  const checkedCount = selection ? allKeys.reduce((n, k) => n + (selectedSet.has(k) ? 1 : 0), 0) : 0;

  const toggleRow = useCallback(
    (index: number, shift: boolean) => {
      if (!selection) return;
      const key = allKeys[index]!;
      const on = !selectedSet.has(key);
      // by key, so that a reload (a deletion) does not move the range's start onto another row
      const start = shift && anchor.current !== null ? allKeys.indexOf(anchor.current) : -1;
      const from = start < 0 ? index : Math.min(start, index);
      const to = start < 0 ? index : Math.max(start, index);
      const next = new Set(selectedSet);
      for (let i = from; i <= to; i++) (on ? next.add(allKeys[i]!) : next.delete(allKeys[i]!));
      if (start < 0) anchor.current = key;
      // In the list's order, and only rows the list shows: a row a search or a filter hides is no longer selected
      // (antd's Table did the same), so that what the actions act on is what the clerk sees checked.
      selection.onChange(allKeys.filter((k) => next.has(k)));
    },
    [selection, allKeys, selectedSet],
  );
  const toggleAll = () => selection?.onChange(checkedCount === allKeys.length ? [] : allKeys);

  // The rows rendered: those in view and, scrolled away (PageDown, the wheel), the one holding the keyboard focus;
  // removed, it would drop the focus to the page's body and the next Tab would start again at the menu.
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const focusIndex = focusKey === null ? -1 : allKeys.indexOf(focusKey);
  const drawn: number[] = [];
  if (focusIndex >= 0 && focusIndex < first) drawn.push(focusIndex);
  for (let i = first; i < last; i++) drawn.push(i);
  if (focusIndex >= last) drawn.push(focusIndex);

  const renderRow = (index: number) => {
    const row = sorted[index]!;
    const key = allKeys[index]!;
    const checked = selectedSet.has(key);
    return (
      <tr
        key={key}
        data-row-key={key}
        aria-rowindex={index + 2}
        aria-selected={selection ? checked : undefined}
        className={checked ? 'vt-row vt-row-selected' : 'vt-row'}
        style={{ height: rowHeight }}
        // not from the check box (two quick clicks there select and unselect) nor a link (one click opens it)
        onDoubleClick={props.onRowDoubleClick && ((e) => !(e.target as Element).closest('.vt-select, a') && props.onRowDoubleClick!(row))}
      >
        {selection && (
          <td className="vt-select">
            <CheckBox label={selectRowLabel(selection.nameOf(row))} checked={checked} onToggle={(shift) => toggleRow(index, shift)} />
          </td>
        )}
        {columns.map((c) => (
          <td key={c.key} className={[c.ellipsis && 'vt-ellipsis', c.key === sortedKey && 'vt-sorted', c.className].filter(Boolean).join(' ') || undefined}>
            {c.render(row)}
          </td>
        ))}
      </tr>
    );
  };

  // the rows drawn, each gap between them a spacer of the rows' height
  const body: ReactNode[] = [];
  let next = 0;
  for (const index of drawn) {
    if (index > next) body.push(<tr key={`gap${body.length}`} className="vt-spacer" aria-hidden style={{ height: (index - next) * rowHeight }} />);
    body.push(renderRow(index));
    next = index + 1;
  }
  if (next < sorted.length) body.push(<tr key="end" className="vt-spacer" aria-hidden style={{ height: (sorted.length - next) * rowHeight }} />);

  const cycleSort = (col: TableColumn<T>) => {
    const order = NEXT_ORDER[sort?.key === col.key ? sort.order : 'none'];
    onSort(order ? { key: col.key, order } : null);
  };

  return (
    <div className={`vt ${props.className ?? ''}`} style={{ '--vt-header-height': `${HEADER_HEIGHT}px` } as React.CSSProperties}>
      <div
        ref={scroller}
        className="vt-scroll"
        style={{ maxHeight: bodyHeight + HEADER_HEIGHT }}
        onScroll={(e) => {
          const top = Math.floor(e.currentTarget.scrollTop / rowHeight);
          // Rendered now, before the frame is painted: React would render a scroll's update after it, and a jump of
          // more rows than OVERSCAN (the scroll bar's thumb, End, PageDown) showed a blank body for that frame.
          if (top !== topRow) flushSync(() => setTopRow(top));
        }}
        aria-busy={props.loading || undefined}
      >
        <table
          className="vt-table"
          // at least the room there is, as antd's: columns narrower than it share the rest instead of leaving a band
          style={flexible ? { width: '100%', minWidth: fixedWidth } : { width: fixedWidth, minWidth: '100%' }}
          aria-rowcount={sorted.length + 1}
          aria-label={props.label}
        >
          <colgroup>
            {selection && <col style={{ width: SELECT_WIDTH }} />}
            {columns.map((c) => (
              <col key={c.key} style={c.width === undefined ? undefined : { width: c.width }} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {selection && (
                <th className="vt-select">
                  <CheckBox
                    label={SELECT_ALL_LABEL}
                    checked={checkedCount > 0 && checkedCount === allKeys.length}
                    indeterminate={checkedCount > 0 && checkedCount < allKeys.length}
                    disabled={!allKeys.length}
                    onToggle={toggleAll}
                  />
                </th>
              )}
              {columns.map((c) => {
                const order = sort?.key === c.key ? sort.order : undefined;
                return (
                  <th
                    key={c.key}
                    aria-label={c.title} // the header's name for a screen reader, without its grip's «调整…列宽»
                    className={c.compare ? `vt-sortable${order ? ' vt-sorted' : ''}` : undefined}
                    tabIndex={c.compare ? 0 : undefined}
                    aria-sort={order === 'ascend' ? 'ascending' : order === 'descend' ? 'descending' : undefined}
                    title={c.compare ? ORDER_LABEL[order ?? 'none'] : undefined}
                    onClick={c.compare ? () => cycleSort(c) : undefined}
                    onKeyDown={c.compare ? (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), cycleSort(c)) : undefined}
                  >
                    <span className="vt-title">{c.title}</span>
                    {c.compare && (
                      <span className="vt-sorter" aria-hidden>
                        <span className={order === 'ascend' ? 'vt-up on' : 'vt-up'} />
                        <span className={order === 'descend' ? 'vt-down on' : 'vt-down'} />
                      </span>
                    )}
                    {onResize && <ColumnGrip label={`调整“${c.title}”列宽（双击恢复默认）`} width={c.width} onResize={(w) => onResize(c.key, Math.max(c.minWidth ?? 0, w))} onReset={props.onResetWidth && (() => props.onResetWidth!(c.key))} />}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody
            onFocus={(e) => setFocusKey(keyOfRow(e.target))}
            onBlur={(e) => e.relatedTarget && !e.currentTarget.contains(e.relatedTarget) && setFocusKey(null)}
          >
            {body}
            {!sorted.length && (
              <tr>
                <td className="vt-empty" colSpan={columns.length + (selection ? 1 : 0)}>
                  {/* While loading, its room without its words: «加载中…» sits in it, not on the header's cells. */}
                  <div style={props.loading ? { visibility: 'hidden' } : undefined}>{props.empty}</div>
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {props.loading && (
        <div className="vt-loading" role="status">
          加载中…
        </div>
      )}
    </div>
  );
}

/** The key of the row holding an element (data-row-key), or null outside the rows. */
function keyOfRow(el: EventTarget): number | null {
  const tr = el instanceof Element ? el.closest<HTMLElement>('tr[data-row-key]') : null;
  return tr ? Number(tr.dataset.rowKey) : null;
}

/** The header row's height (VirtualTable.css reads it as --vt-header-height): the body's room is added to it. */
const HEADER_HEIGHT = 39;

/** antd's check box drawn with its own classes, so the table looks like antd's without loading its script. */
function CheckBox(p: { label: string; checked: boolean; indeterminate?: boolean; disabled?: boolean; onToggle: (shift: boolean) => void }) {
  const cls = ['ant-checkbox', p.checked && 'ant-checkbox-checked', p.indeterminate && 'ant-checkbox-indeterminate', p.disabled && 'ant-checkbox-disabled'];
  return (
    <label className={`ant-checkbox-wrapper${p.checked ? ' ant-checkbox-wrapper-checked' : ''}${p.disabled ? ' ant-checkbox-wrapper-disabled' : ''}`}>
      <span className={cls.filter(Boolean).join(' ')}>
        <input
          type="checkbox"
          className="ant-checkbox-input"
          aria-label={p.label}
          checked={p.checked}
          disabled={p.disabled}
          ref={(el) => void (el && (el.indeterminate = !!p.indeterminate))}
          // React's change event of a check box is the click: it carries the Shift key of a range selection.
          onChange={(e) => p.onToggle((e.nativeEvent as MouseEvent).shiftKey === true)}
        />
        <span className="ant-checkbox-inner" />
      </span>
    </label>
  );
}

/**
 * The grip on a header's right edge: drag it, or focus it and press ← →, to set the column's width (the table
 * keeps it). The width starts from the column's own (a cell may be drawn wider: a table narrower than its room
 * shares the rest), or from the cell as drawn for a column that takes the remaining room.
 */
function ColumnGrip({ label, width, onResize, onReset }: { label: string; width?: number; onResize: (width: number) => void; onReset?: () => void }) {
  const widthOf = (el: Element) => width ?? Math.round(el.closest('th')!.getBoundingClientRect().width);
  const start = (e: React.MouseEvent) => {
    e.preventDefault();
    e.stopPropagation(); // not a click on the header (that sorts)
    const x0 = e.clientX;
    const w0 = widthOf(e.currentTarget);
    const move = (m: MouseEvent) => onResize(w0 + m.clientX - x0);
    const up = () => (window.removeEventListener('mousemove', move), window.removeEventListener('mouseup', up));
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
  };
  const keys = (e: React.KeyboardEvent) => {
    e.stopPropagation(); // Enter on the grip does not sort
    const step = e.key === 'ArrowLeft' ? -8 : e.key === 'ArrowRight' ? 8 : 0;
    if (!step) return;
    e.preventDefault();
    onResize(widthOf(e.currentTarget) + step);
  };
  return (
    <span
      className="col-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      tabIndex={0}
      onMouseDown={start}
      onKeyDown={keys}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => (e.stopPropagation(), onReset?.())}
    />
  );
}
