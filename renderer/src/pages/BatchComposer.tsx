import { DeleteOutlined, FileExcelOutlined, FileWordOutlined, PlusOutlined, SendOutlined, SortAscendingOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Col, Input, Modal, Radio, Row, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { BATCH_STATUS_LABELS, FONT_PROFILE_LABELS, FONT_PROFILES, LAYOUT_LABELS, LAYOUTS, type BatchDetail, type CaseFilter, type CaseRow, type Circular, type Finding, type FontProfile, type Layout } from '../../../shared/domain';
import { api } from '../api';
import { BatchMembership } from '../components/BatchMembership';
import { CaseFilters } from '../components/CaseFilters';
import { BatchFixDialog } from '../components/BatchFixDialog';
import { CircularForm } from '../components/CircularForm';
import { PdfExportButton, useExport } from '../components/ExportResult';
import { FontCheck } from '../components/FontCheck';
import { FindingsList } from '../components/FindingsList';
import { jumpToFinding, revealFinding } from '../finding-jump';
import { SortableItems } from '../components/SortableItems';
import { fieldErrorsOf, type FieldErrors } from '../field-errors';
import { errorText, fmtTime } from '../format';
import { useViewportHeight } from '../hooks';
import { navigate } from '../router';
import { useCommand } from '../shortcuts';
import { chineseSelection } from '../table-a11y';
import { useVocab } from '../vocab';

function Picker({ batch, onAdd }: { batch: BatchDetail; onAdd: (ids: number[]) => void }) {
  const { modal } = App.useApp();
  const { batches } = useVocab();
  const [rows, setRows] = useState<CaseRow[]>([]);
  const [filter, setFilter] = useState<CaseFilter>({});
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<number[] | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const viewport = useViewportHeight();
  useEffect(() => void api['cases.list'](filter).then(setRows), [filter]);
  useEffect(() => {
    if (!query.trim()) return setFound(null);
    const t = setTimeout(() => void api['search.query']({ query, filter, limit: 500 }).then((r) => setFound(r.results.map((h) => h.caseId))), 250);
    return () => clearTimeout(t);
  }, [query, filter]);
  const inBatch = new Set(batch.items.map((i) => i.caseId));
  const shown = useMemo(() => {
    const list = rows.filter((r) => !inBatch.has(r.id));
    if (!found) return list;
    const byId = new Map(list.map((r) => [r.id, r]));
    return found.map((id) => byId.get(id)).filter((r): r is CaseRow => !!r);
  }, [rows, found, batch.items]); // eslint-disable-line react-hooks/exhaustive-deps
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort();
  // A case an issued batch holds was already published: adding it again is allowed, but only knowingly.
  const add = () => {
    const issued = new Set(batches.filter((b) => b.status === 'issued').map((b) => b.id));
    const held = rows.filter((r) => picked.includes(r.id) && r.batches.some((b) => issued.has(b.id)));
    const done = () => (onAdd(picked), setPicked([]));
    if (!held.length) return done();
    modal.confirm({
      title: `${held.length} 个案例已在已印发的批次中`,
      content: (
        <ul style={{ paddingLeft: 18, margin: 0 }}>
          {held.slice(0, 8).map((r) => (
            <li key={r.id}>
              {r.title}（{r.batches.filter((b) => issued.has(b.id)).map((b) => `${b.title}第${b.seq}号`).join('、')}）
            </li>
          ))}
          {held.length > 8 && <li>等 {held.length} 个</li>}
        </ul>
      ),
      okText: '仍然加入',
      cancelText: '取消',
      onOk: done,
    });
  };
  return (
    <Card size="small" title="挑选案例" extra={<Button type="primary" size="small" icon={<PlusOutlined />} disabled={!picked.length} onClick={add}>加入批次（{picked.length}）</Button>}>
      <div className="toolbar">
        <Input.Search aria-label="检索案例" classNames={{ input: 'find-box' }} allowClear placeholder="检索标题、单位、正文" style={{ width: '100%' }} value={query} onChange={(e) => setQuery(e.target.value)} />
        <CaseFilters value={filter} onChange={setFilter} years={years} />
      </div>
      <Table<CaseRow>
        rowKey="id"
        size="small"
        virtual
        scroll={{ y: Math.max(200, viewport - 420) }}
        pagination={false}
        dataSource={shown}
        rowSelection={{ columnWidth: 36, selectedRowKeys: picked, onChange: (k) => setPicked(k as number[]), ...chineseSelection<CaseRow>((r) => r.title) }}
        columns={[
          { title: '案例名称', dataIndex: 'title' },
          { title: '已在批次', dataIndex: 'batches', width: 92, render: (bs: CaseRow['batches']) => <BatchMembership batches={bs} /> },
          { title: '单位', dataIndex: 'unitName', width: 88 },
        ]}
      />
    </Card>
  );
}

export function BatchComposer({ id }: { id: number }) {
  const { message, modal } = App.useApp();
  const { reload: reloadVocab, settings } = useVocab();
  const [batch, setBatch] = useState<BatchDetail | null>(null);
  const [circular, setCircular] = useState<Circular | null>(null);
  const [dirty, setDirty] = useState(false);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [layout, setLayout] = useState<Layout | null>(null);
  const [fonts, setFonts] = useState<FontProfile | null>(null);
  const [part, setPart] = useState<'circular' | 'attachment'>('circular');
  const [fixing, setFixing] = useState<{ keys?: string[] } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [tab, setTab] = useState('items');
  const runExport = useExport();

  const refresh = useCallback(async () => {
    const b = await api['batches.get']({ id });
    setBatch(b);
    setCircular(b.circular);
    setDirty(false);
    setFindings(await api['proofread.batch']({ id }));
  }, [id]);
  useEffect(() => void refresh().catch((e) => message.error(errorText(e))), [refresh, message]);

  const act = async (fn: () => Promise<unknown>, ok?: string) => {
    try {
      await fn();
      await refresh();
      await reloadVocab();
      if (ok) message.success(ok);
      return true;
    } catch (e) {
      message.error(errorText(e));
      return false;
    }
  };

  // A refused value is marked at its field (and the 通知 tab shown); the toast says it too.
  const saveCircular = async () => {
    try {
      await api['batches.update']({ id, circular: circular! });
    } catch (e) {
      const byField = fieldErrorsOf(e, 'circular.');
      if (byField) (setErrors(byField), setTab('circular'));
      message.error(errorText(e));
      return false;
    }
    setErrors({});
    return act(async () => undefined, '通知已保存');
  };

  // The circular's edits are saved when the page goes away, as a clerk expects of a form.
  const pending = useRef({ dirty, circular });
  pending.current = { dirty, circular };
  useEffect(
    () => () => {
      if (pending.current.dirty && pending.current.circular) void api['batches.update']({ id, circular: pending.current.circular });
    },
    [id],
  );
  useCommand((cmd) => {
    if (cmd !== 'save') return false;
    if (!dirty) return void message.info('没有修改');
    void saveCircular();
  });

  if (!batch || !circular) return <Spin />;
  const frozen = batch.status === 'issued';
  const ids = batch.items.map((i) => i.caseId);
  const openErrors = findings.filter((f) => f.severity === 'error' && !f.waived).length;

  const issue = () =>
    modal.confirm({
      title: `印发「${batch.title}」？`,
      content: `印发后批次冻结：${batch.items.length} 个案例按现在的内容存档，以后修改案例不会改变已印发的通知。`,
      okText: '印发',
      cancelText: '取消',
      onOk: async () => {
        if (dirty && !(await saveCircular())) return;
        await act(() => api['batches.issue']({ id }), '已印发，批次已冻结');
      },
    });

  // Every fix of a batch goes through the plan dialog: it shows what changes and asks first (issue 9.5).
  // A finding in the circular shows its field on the 通知 tab; one in a case opens the case at its place.
  const jump = (f: Finding) => {
    if (f.place.slot !== 'circular') return void jumpToFinding(f);
    setTab('circular');
    window.setTimeout(() => revealFinding(f), 50); // once the tab's fields are rendered
  };
  const fix = (list: Finding[]) => setFixing({ keys: list.length === 1 ? [list[0]!.key] : undefined });

  const waive = (list: Finding[]) => {
    let reason = '';
    modal.confirm({
      title: `忽略 ${list.length} 个问题`,
      content: <Input.TextArea aria-label="忽略理由" autoFocus placeholder="请说明理由，如：原文照录" onChange={(e) => (reason = e.target.value)} />,
      okText: '忽略',
      cancelText: '取消',
      onOk: () => act(() => api['proofread.waive']({ batchId: id, keys: list.map((f) => f.key), reason })),
    });
  };

  return (
    <>
      <div className="page-head">
        <Button onClick={() => navigate({ page: 'batches' })}>返回批次</Button>
        <Typography.Title level={4}>{batch.title}</Typography.Title>
        <Tag color={frozen ? 'green' : 'blue'}>{BATCH_STATUS_LABELS[batch.status]}</Tag>
        {frozen && <Typography.Text type="secondary">印发于 {fmtTime(batch.issuedAt)}，内容已冻结</Typography.Text>}
        <span className="grow" />
        <Space>
          {!frozen && (
            <Button type="primary" icon={<SendOutlined />} disabled={!batch.items.length} onClick={issue}>
              印发
            </Button>
          )}
          {!frozen && (
            <Button
              danger
              icon={<DeleteOutlined />}
              onClick={() =>
                modal.confirm({
                  title: '删除这个草稿批次？',
                  content: '批次中的案例不会删除。',
                  okText: '删除',
                  okButtonProps: { danger: true },
                  cancelText: '取消',
                  onOk: async () => (await api['batches.delete']({ id }), await reloadVocab(), navigate({ page: 'batches' })),
                })
              }
            >
              删除批次
            </Button>
          )}
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'items',
            label: `案例（${batch.items.length}）`,
            children: (
              <Row gutter={12}>
                {!frozen && (
                  <Col span={10}>
                    <Picker batch={batch} onAdd={(add) => act(() => api['batches.setItems']({ id, caseIds: [...ids, ...add] }), `已加入 ${add.length} 个案例`)} />
                  </Col>
                )}
                <Col span={frozen ? 24 : 14}>
                  <Card
                    size="small"
                    title={frozen ? '批次案例（已印发，顺序已冻结）' : '批次案例（拖动排序，序号自动连续）'}
                    extra={
                      !frozen && (
                        <Button size="small" icon={<SortAscendingOutlined />} onClick={() => act(() => api['batches.sortByUnit']({ id }), '已按单位顺序排列')}>
                          按单位排序
                        </Button>
                      )
                    }
                  >
                    <SortableItems
                      items={batch.items}
                      frozen={frozen}
                      onReorder={(order) => act(() => api['batches.setItems']({ id, caseIds: order }))}
                      onRemove={(caseId) => act(() => api['batches.setItems']({ id, caseIds: ids.filter((x) => x !== caseId) }))}
                    />
                  </Card>
                </Col>
              </Row>
            ),
          },
          {
            key: 'circular',
            label: `通知${dirty ? ' *' : ''}`,
            children: (
              <Card size="small" extra={!frozen && <Button type="primary" disabled={!dirty} onClick={saveCircular}>保存通知（Ctrl+S）</Button>}>
                <CircularForm
                  batch={batch}
                  value={circular}
                  disabled={frozen}
                  errors={errors}
                  onChange={(c, changed) => {
                    setCircular(c);
                    setDirty(true);
                    // the 文号 is one field made of three inputs: editing any part clears its mark
                    const cleared = changed.some((k) => k.startsWith('doc')) ? [...changed, 'docCode', 'docYear', 'docSeq'] : changed;
                    if (cleared.some((k) => errors[k])) setErrors((old) => Object.fromEntries(Object.entries(old).filter(([k]) => !cleared.includes(k))));
                  }}
                />
              </Card>
            ),
          },
          {
            key: 'check',
            label: (
              <Badge count={frozen ? 0 : openErrors} size="small" offset={[8, 0]}>
                规范检查
              </Badge>
            ),
            children: (
              <Card size="small" title={frozen ? '已印发批次的检查（按印发时的存档）：修复只改变案例库中的案例，存档不变' : '印发前检查：错误需修复或注明理由忽略'}>
                <FindingsList findings={findings} caseTitles={new Map(batch.items.map((i) => [i.caseId, i.case.title]))} onJump={jump} onFix={fix} singleFix={!frozen} onWaive={frozen ? undefined : waive} onUnwaive={frozen ? undefined : (list) => act(() => api['proofread.unwaive']({ batchId: id, keys: list.map((f) => f.key) }))} />
              </Card>
            ),
          },
          {
            key: 'export',
            label: '导出',
            children: (
              <Row gutter={12}>
                <Col span={14}>
                  <Card size="small" title="通知（Word）">
                    <Space direction="vertical">
                      <Space>
                        <Typography.Text strong>版式</Typography.Text>
                        <Radio.Group aria-label="版式" value={layout ?? circular.layout} onChange={(e) => setLayout(e.target.value)} options={LAYOUTS.map((l) => ({ value: l, label: LAYOUT_LABELS[l] }))} />
                      </Space>
                      <Space>
                        <Typography.Text strong>字体</Typography.Text>
                        <Radio.Group aria-label="字体" value={fonts ?? settings?.fontProfile ?? 'gb'} onChange={(e) => setFonts(e.target.value)} options={FONT_PROFILES.map((f) => ({ value: f, label: FONT_PROFILE_LABELS[f] }))} />
                      </Space>
                      <Space>
                        <Typography.Text strong>内容</Typography.Text>
                        <Radio.Group aria-label="内容" value={part} onChange={(e) => setPart(e.target.value)} options={[{ value: 'circular', label: '通知及附件' }, { value: 'attachment', label: '仅附件' }]} />
                      </Space>
                      <FontCheck profile={fonts ?? settings?.fontProfile ?? 'gb'} compact />
                      <Button
                        type="primary"
                        icon={<FileWordOutlined />}
                        disabled={!batch.items.length}
                        onClick={async () => {
                          if (dirty && !(await saveCircular())) return;
                          await runExport(() => api['export.batchDocx']({ id, layout: layout ?? undefined, fonts: fonts ?? undefined, part }), ' Word 通知');
                        }}
                      >
                        导出 Word
                      </Button>
                      <PdfExportButton
                        disabled={!batch.items.length}
                        run={async () => {
                          if (dirty && !(await saveCircular())) return;
                          await runExport(() => api['export.batchPdf']({ id, layout: layout ?? undefined, fonts: fonts ?? undefined, part }), ' PDF 通知');
                        }}
                      />
                    </Space>
                  </Card>
                </Col>
                <Col span={10}>
                  <Card size="small" title="汇总表（Excel）">
                    <Space direction="vertical">
                      <Typography.Text type="secondary">汇总表、按单位统计、按领域统计三张表，A4 打印。</Typography.Text>
                      <Button icon={<FileExcelOutlined />} disabled={!batch.items.length} onClick={() => runExport(() => api['export.batchXlsx']({ id }), ' Excel 汇总表')}>
                        导出 Excel
                      </Button>
                    </Space>
                  </Card>
                </Col>
              </Row>
            ),
          },
        ]}
      />
      {fixing && <BatchFixDialog batchId={id} keys={fixing.keys} onClose={() => setFixing(null)} onApplied={() => void refresh().catch((e) => message.error(errorText(e)))} />}
    </>
  );
}
