import { CopyOutlined, DeleteOutlined, FileExcelOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Empty, Input, Segmented, Space, Typography, type InputRef } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CaseFilter, CaseRow, SearchHit } from '../../../shared/domain';
import { CASE_TYPE_LABELS, SEARCH_SNIPPETS } from '../../../shared/domain-constants'; // no zod in the first window
import { api } from '../api';
import { takeAnswered } from '../transport';
import { BatchMembership } from '../components/BatchMembership';
import { CaseFiltersPlaceholder } from '../components/CaseFiltersPlaceholder';
import { Highlight } from '../components/Highlight';
import { StatusTag } from '../components/StatusTag';
import { useExport } from '../components/ExportResult';
import { errorText, fmtTime } from '../format';
import { navigate } from '../router';
import { useViewportHeight } from '../hooks';
import { VirtualTable, type TableColumn } from '../components/VirtualTable';
import { useTablePrefs } from '../table-prefs';
import { useCommand } from '../shortcuts';
import { searchSummary } from '../../../shared/search-summary';
import { useLevelColumn } from '../components/LevelColumn';
import { useVocab } from '../vocab';

// The filters come after the list: antd's Select is a good part of the first window's scripts and render (issue 13).
const CaseFilters = lazy(() => import('../components/CaseFilters'));

export function CaseLibrary() {
  const { message, modal } = App.useApp();
  // The first window's rows when the early call (first-calls.ts) has answered: the list renders once, with them.
  const [preloaded] = useState(() => takeAnswered('cases.list', {}));
  const [rows, setRows] = useState<CaseRow[]>(preloaded ?? []);
  const [loading, setLoading] = useState(!preloaded);
  const [filter, setFilter] = useState<CaseFilter>({});
  const [bin, setBin] = useState(false);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Map<number, SearchHit> | null>(null);
  const [searchInfo, setSearchInfo] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const searchRef = useRef<InputRef>(null);
  const runExport = useExport();
  const viewport = useViewportHeight();
  const { prefs, setWidth, setSort, resetWidth } = useTablePrefs('casebook.library.table');
  const { units } = useVocab();
  // 提供单位 in the office's order of units (设置), as the circular's 汇总表 lists them; one compare per list of units
  const byUnit = useMemo(() => {
    const rank = new Map(units.map((u, i) => [u.id, i]));
    return (a: CaseRow, b: CaseRow) => (rank.get(a.unitId) ?? units.length) - (rank.get(b.unitId) ?? units.length) || a.unitId - b.unitId;
  }, [units]);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setRows(await api['cases.list']({ ...filter, ...(bin ? { deleted: true } : {}) }));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setLoading(false);
    }
  }, [filter, bin, message]);
  const skipLoad = useRef(!!preloaded);
  useEffect(() => {
    if (skipLoad.current) return void (skipLoad.current = false);
    void load();
  }, [load]);

  // Quick search: the core ranks and highlights; the table keeps its filters.
  useEffect(() => {
    if (!query.trim() || bin) {
      setHits(null);
      setSearchInfo('');
      return;
    }
    let current = true; // false once the query or the filter changed: a late answer is not shown
    const timer = setTimeout(async () => {
      try {
        const r = await api['search.query']({ query, filter, limit: 500 });
        if (!current) return;
        setHits(new Map(r.results.map((h) => [h.caseId, h])));
        setSearchInfo(searchSummary(r));
        // The best SEARCH_SNIPPETS hits come with their snippet; the rest get theirs now that the list is shown,
        // a call per hundred, so that every row reads alike when the clerk scrolls down.
        for (let from = SEARCH_SNIPPETS; from < r.results.length && current; from += SEARCH_SNIPPETS) {
          const more = await api['search.snippets']({ query, caseIds: r.results.slice(from, from + SEARCH_SNIPPETS).map((h) => h.caseId) });
          if (!current) return;
          setHits((old) => {
            if (!old) return old;
            const next = new Map(old);
            for (const { caseId, snippet } of more) {
              const hit = next.get(caseId);
              if (hit) next.set(caseId, { ...hit, snippet });
            }
            return next;
          });
        }
      } catch (e) {
        if (current) message.error(errorText(e));
      }
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, filter, bin, message]);

  useCommand((cmd) => {
    if (cmd !== 'find') return false;
    searchRef.current?.focus({ cursor: 'all' });
  });

  const shown = useMemo(() => {
    if (!hits) return rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    return [...hits.keys()].map((id) => byId.get(id)).filter((r): r is CaseRow => !!r);
  }, [rows, hits]);
  // What the actions act on: the selected cases the list shows. A case checked before a search or a filter hid it is
  // not deleted, copied or restored unseen (the clerk sees neither its row nor its check box).
  const picked = useMemo(() => {
    const ids = new Set(shown.map(caseId));
    return selected.filter((id) => ids.has(id));
  }, [shown, selected]);
  const years = useMemo(() => [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort(), [rows]);

  const remove = () => {
    const pickedSet = new Set(picked);
    modal.confirm({
      title: `删除选中的 ${picked.length} 个案例？`,
      // by name: a checked row may be scrolled out of view (a Shift range), and a screen reader reads the dialog
      content: (
        <>
          <ul style={{ margin: '4px 0 8px', paddingInlineStart: 20 }}>
            {shown
              .filter((r) => pickedSet.has(r.id))
              .slice(0, DELETE_NAMES)
              .map((r) => (
                <li key={r.id}>{r.title}</li>
              ))}
          </ul>
          {picked.length > DELETE_NAMES ? `等 ${picked.length} 个。` : ''}案例将移到回收站，可以随时恢复。
        </>
      ),
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        const done: number[] = [];
        for (const id of picked) {
          try {
            await api['cases.delete']({ id });
            done.push(id);
          } catch (e) {
            message.error(errorText(e));
          }
        }
        setSelected([]);
        await load();
        if (done.length)
          message.success({
            content: (
              <span>
                已移到回收站：{done.length} 个。
                <Button type="link" size="small" onClick={async () => (await Promise.all(done.map((id) => api['cases.restore']({ id }))), void load())}>
                  撤销
                </Button>
              </span>
            ),
          });
      },
    });
  };

  const restore = async () => {
    await Promise.all(picked.map((id) => api['cases.restore']({ id })));
    message.success(`已恢复 ${picked.length} 个案例`);
    setSelected([]);
    await load();
  };

  const duplicate = async () => {
    const c = await api['cases.duplicate']({ id: picked[0]! });
    message.success('已复制为草稿');
    navigate({ page: 'case', id: c.id });
  };

  const levelColumn = useLevelColumn(); // the register's current level of each case
  // Widths that fit 1366×768 without a horizontal scroll: the title takes what the others leave (at least 260
  // pixels), until the clerk drags a border (the widths and the sort are kept between sessions).
  const base: TableColumn<CaseRow>[] = [
    {
      key: 'title',
      title: '案例名称',
      minWidth: 260,
      compare: byTitle,
      render: (r) => {
        const hit = hits?.get(r.id);
        return (
          <>
            <div className="vt-ellipsis-line" {...LIST_SHOWN_TIMING}>
              <a href={`#/cases/${r.id}`} title={r.title}>{hit ? <Highlight segments={hit.titleHits} /> : r.title}</a>
            </div>
            {hit && (
              <div className="snippet vt-ellipsis-line">
                <Highlight segments={hit.snippet} />
              </div>
            )}
          </>
        );
      },
    },
    { key: 'unitName', title: '提供单位', width: 100, ellipsis: true, compare: byUnit, render: (r) => <span title={r.unitName}>{r.unitName}</span> },
    { key: 'fieldName', title: '领域', width: 92, ellipsis: true, compare: byField, render: (r) => <span title={r.fieldName ?? undefined}>{r.fieldName}</span> },
    { key: 'type', title: '类型', width: 132, className: 'nowrap', render: (r) => CASE_TYPE_LABELS[r.type] },
    { key: 'status', title: '状态', width: 76, render: (r) => <StatusTag status={r.status} /> },
    { ...levelColumn, width: 92 },
    { key: 'year', title: '年度', width: 68, compare: byYear, render: (r) => r.year },
    { key: 'batches', title: '批次', width: 96, ellipsis: true, render: (r) => <BatchMembership batches={r.batches} /> },
    { key: 'updatedAt', title: '修改时间', width: 148, className: 'nowrap', compare: byUpdate, render: (r) => fmtTime(r.updatedAt) },
  ];
  const columns = base.map((c) => (prefs.widths[c.key] ? { ...c, width: prefs.widths[c.key] } : c));

  return (
    <>
      <div className="page-head">
        <Typography.Title level={4}>案例库</Typography.Title>
        <Segmented
          aria-label="案例范围"
          value={bin ? 'bin' : 'live'}
          onChange={(v) => (setBin(v === 'bin'), setSelected([]))}
          options={[
            { value: 'live', label: '全部案例' },
            { value: 'bin', label: '回收站' },
          ]}
        />
        <span className="grow" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate({ page: 'case', id: 'new' })}>
          新建案例
        </Button>
      </div>
      <div className="toolbar">
        <Input.Search
          ref={searchRef}
          allowClear
          placeholder="检索标题、单位、正文（Ctrl+F）"
          aria-label="全文检索"
          classNames={{ input: 'find-box' }}
          style={{ width: 300 }}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Suspense fallback={<CaseFiltersPlaceholder />}>
          <CaseFilters value={filter} onChange={setFilter} years={years} />
        </Suspense>
        {searchInfo && <Typography.Text type="secondary">{searchInfo}</Typography.Text>}
      </div>
      <div className="toolbar">
        <Space>
          {bin ? (
            <Button icon={<RollbackOutlined />} disabled={!picked.length} onClick={restore}>
              恢复
            </Button>
          ) : (
            <>
              <Button icon={<CopyOutlined />} disabled={picked.length !== 1} onClick={duplicate}>
                复制
              </Button>
              <Button danger icon={<DeleteOutlined />} disabled={!picked.length} onClick={remove}>
                删除
              </Button>
              <Button icon={<FileExcelOutlined />} onClick={() => runExport(() => api['export.libraryXlsx'](filter), '案例库')}>
                导出 Excel
              </Button>
            </>
          )}
        </Space>
        <Typography.Text type="secondary">{loading && !shown.length ? '正在读取案例…' : `共 ${shown.length} 个案例`}{picked.length ? `，已选 ${picked.length} 个` : ''}</Typography.Text>
      </div>
      <VirtualTable<CaseRow>
        className="library-table"
        label={bin ? '回收站中的案例' : '案例列表'}
        rows={shown}
        rowKey={caseId}
        columns={columns}
        rowHeight={hits ? SEARCH_ROW_HEIGHT : ROW_HEIGHT}
        bodyHeight={Math.max(240, viewport - 236)}
        loading={loading}
        empty={<LibraryEmpty bin={bin} filtered={!!query.trim() || Object.values(filter).some((v) => v !== undefined)} />}
        sort={prefs.sort}
        onSort={setSort}
        onResize={setWidth}
        onResetWidth={resetWidth}
        selection={{ selected: picked, onChange: setSelected, nameOf: caseTitle }}
        onRowDoubleClick={(r) => navigate({ page: 'case', id: r.id })}
        listKey={`${bin}|${query.trim()}|${JSON.stringify(filter)}`}
      />
    </>
  );
}

/**
 * The rows' titles carry an Element Timing mark: the browser records when the first of them was painted, the
 * moment the first window is shown (issue 13; `npm run bench first-window` reads it). On the block, because
 * Chromium times a text by the block that holds it.
 */
const LIST_SHOWN_TIMING = { elementtiming: 'case-list' } as React.HTMLAttributes<HTMLDivElement>;

/** A row's height: one line (the title cut with «…», its whole text on hover), or two with a search's snippet. */
const ROW_HEIGHT = 32;
const SEARCH_ROW_HEIGHT = 50;
const caseId = (r: CaseRow) => r.id;
/** The titles a deletion's question names, the rest counted. */
const DELETE_NAMES = 5;
// The columns' orders, of stable identity: the table sorts when the rows or the sort change, not at each render.
let zh: Intl.Collator | undefined; // made at the first sort, not in the first window
const zhCompare = (a: string, b: string) => (zh ??= new Intl.Collator('zh-CN')).compare(a, b); // = localeCompare(b, 'zh-CN')
const byTitle = (a: CaseRow, b: CaseRow) => zhCompare(a.title, b.title);
const byField = (a: CaseRow, b: CaseRow) => zhCompare(a.fieldName ?? '', b.fieldName ?? '');
const byYear = (a: CaseRow, b: CaseRow) => (a.year ?? 0) - (b.year ?? 0);
const byUpdate = (a: CaseRow, b: CaseRow) => a.updatedAt.localeCompare(b.updatedAt);
const caseTitle = (r: CaseRow) => r.title;

/** What an empty list says: what to do next. */
function LibraryEmpty({ bin, filtered }: { bin: boolean; filtered: boolean }) {
  const text = bin ? '回收站是空的：删除的案例会在这里保留，可以恢复。' : filtered ? '没有符合条件的案例：换个检索词，或清除筛选条件。' : '案例库还没有案例：点「新建案例」填写，或到「导入与检查」导入通知或案例文件。';
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
}
