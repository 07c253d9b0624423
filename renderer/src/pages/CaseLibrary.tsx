import { CopyOutlined, DeleteOutlined, FileExcelOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Input, Segmented, Space, Table, Tooltip, Typography, type InputRef } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CASE_TYPE_LABELS, type CaseFilter, type CaseRow, type SearchHit } from '../../../shared/domain';
import { api } from '../api';
import { CaseFilters } from '../components/CaseFilters';
import { Highlight } from '../components/Highlight';
import { StatusTag } from '../components/StatusTag';
import { useExport } from '../components/ExportResult';
import { errorText, fmtTime } from '../format';
import { navigate } from '../router';
import { useViewportHeight } from '../hooks';
import { useCommand } from '../shortcuts';
import { searchSummary } from '../../../shared/search-summary';
import { useLevelColumn } from '../components/LevelColumn';

export function CaseLibrary() {
  const { message, modal } = App.useApp();
  const [rows, setRows] = useState<CaseRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [filter, setFilter] = useState<CaseFilter>({});
  const [bin, setBin] = useState(false);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Map<number, SearchHit> | null>(null);
  const [searchInfo, setSearchInfo] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const searchRef = useRef<InputRef>(null);
  const runExport = useExport();
  const viewport = useViewportHeight();

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
  useEffect(() => void load(), [load]);

  // Quick search: the core ranks and highlights; the table keeps its filters.
  useEffect(() => {
    if (!query.trim() || bin) {
      setHits(null);
      setSearchInfo('');
      return;
    }
    const timer = setTimeout(async () => {
      try {
        const r = await api['search.query']({ query, filter, limit: 500 });
        setHits(new Map(r.results.map((h) => [h.caseId, h])));
        setSearchInfo(searchSummary(r));
      } catch (e) {
        message.error(errorText(e));
      }
    }, 250);
    return () => clearTimeout(timer);
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
  const years = useMemo(() => [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort(), [rows]);

  const remove = () =>
    modal.confirm({
      title: `删除选中的 ${selected.length} 个案例？`,
      content: '案例将移到回收站，可以随时恢复。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        const done: number[] = [];
        for (const id of selected) {
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

  const restore = async () => {
    await Promise.all(selected.map((id) => api['cases.restore']({ id })));
    message.success(`已恢复 ${selected.length} 个案例`);
    setSelected([]);
    await load();
  };

  const duplicate = async () => {
    const c = await api['cases.duplicate']({ id: selected[0]! });
    message.success('已复制为草稿');
    navigate({ page: 'case', id: c.id });
  };

  const levelColumn = useLevelColumn(); // the register's current level of each case
  const columns: ColumnsType<CaseRow> = [
    {
      title: '案例名称',
      dataIndex: 'title',
      width: 440,
      sorter: (a, b) => a.title.localeCompare(b.title, 'zh-CN'),
      render: (title: string, r) => {
        const hit = hits?.get(r.id);
        return (
          <div>
            <a href={`#/cases/${r.id}`}>{hit ? <Highlight segments={hit.titleHits} /> : title}</a>
            {hit && (
              <div className="snippet">
                <Highlight segments={hit.snippet} />
              </div>
            )}
          </div>
        );
      },
    },
    { title: '提供单位', dataIndex: 'unitName', width: 100, sorter: (a, b) => a.unitId - b.unitId },
    { title: '领域', dataIndex: 'fieldName', width: 100, sorter: (a, b) => (a.fieldName ?? '').localeCompare(b.fieldName ?? '', 'zh-CN') },
    { title: '类型', dataIndex: 'type', width: 124, render: (t: CaseRow['type']) => CASE_TYPE_LABELS[t] },
    { title: '状态', dataIndex: 'status', width: 76, render: (s: CaseRow['status']) => <StatusTag status={s} /> },
    levelColumn,
    { title: '年度', dataIndex: 'year', width: 64, sorter: (a, b) => (a.year ?? 0) - (b.year ?? 0) },
    {
      title: '批次',
      dataIndex: 'batches',
      width: 104,
      render: (bs: CaseRow['batches']) =>
        bs.map((b) => (
          <Tooltip key={b.id} title={b.title}>
            <a href={`#/batches/${b.id}`}>{b.title.replace(/^(第.+?批).*/u, '$1')}·{b.seq}</a>{' '}
          </Tooltip>
        )),
    },
    { title: '修改时间', dataIndex: 'updatedAt', width: 136, sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt), render: fmtTime },
  ];

  return (
    <>
      <div className="page-head">
        <Typography.Title level={4}>案例库</Typography.Title>
        <Segmented
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
          placeholder="全文检索：标题、单位、正文（Ctrl+F）"
          aria-label="全文检索"
          style={{ width: 300 }}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <CaseFilters value={filter} onChange={setFilter} years={years} />
        {searchInfo && <Typography.Text type="secondary">{searchInfo}</Typography.Text>}
      </div>
      <div className="toolbar">
        <Space>
          {bin ? (
            <Button icon={<RollbackOutlined />} disabled={!selected.length} onClick={restore}>
              恢复
            </Button>
          ) : (
            <>
              <Button icon={<CopyOutlined />} disabled={selected.length !== 1} onClick={duplicate}>
                复制
              </Button>
              <Button danger icon={<DeleteOutlined />} disabled={!selected.length} onClick={remove}>
                删除
              </Button>
              <Button icon={<FileExcelOutlined />} onClick={() => runExport(() => api['export.libraryXlsx'](filter), '案例库')}>
                导出 Excel
              </Button>
            </>
          )}
        </Space>
        <Typography.Text type="secondary">共 {shown.length} 个案例{selected.length ? `，已选 ${selected.length} 个` : ''}</Typography.Text>
      </div>
      <Table<CaseRow>
        rowKey="id"
        size="small"
        virtual
        scroll={{ y: Math.max(240, viewport - 250), x: 1100 }}
        loading={loading}
        columns={columns}
        dataSource={shown}
        pagination={false}
        rowSelection={{ columnWidth: 40, selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
        onRow={(r) => ({ onDoubleClick: () => navigate({ page: 'case', id: r.id }) })}
      />
    </>
  );
}
