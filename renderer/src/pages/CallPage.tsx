import { DeleteOutlined, FileWordOutlined, InboxOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Drawer,
  Empty,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import {
  CALL_KIND_LABELS,
  SCORE_MAX,
  SUBMISSION_STATE_LABELS,
  type CallDetail,
  type RankingRow,
  type ReceiveResult,
  type Submission,
  type TrackerRow,
} from '../../../shared/calls';
import type { Finding } from '../../../shared/domain';
import { api } from '../api';
import { useExport } from '../components/ExportResult';
import { FindingsList } from '../components/FindingsList';
import { errorText, fileToBase64, fmtTime } from '../format';
import { navigate } from '../router';
import { useVocab } from '../vocab';

// One call: what each unit sent (报送情况), receiving and first review (收件与初审), and scoring (评选).

const OUTCOME: Record<ReceiveResult['outcome'], { color: string; label: string }> = {
  received: { color: 'green', label: '已收到' },
  resubmitted: { color: 'blue', label: '修改稿' },
  pending_unit: { color: 'orange', label: '待确认单位' },
  duplicate: { color: 'default', label: '重复' },
  refused: { color: 'red', label: '未接收' },
};

export function CallPage({ id }: { id: number }) {
  const { message } = App.useApp();
  const [call, setCall] = useState<CallDetail | null>(null);
  const [tab, setTab] = useState('tracker');
  const load = useCallback(async () => setCall(await api['calls.get']({ id })), [id]);
  useEffect(() => {
    load().catch((e) => message.error(errorText(e)));
  }, [load, message]);
  const runExport = useExport();

  if (!call) return null;
  return (
    <>
      <div className="page-head">
        <Typography.Title level={4}>{call.title}</Typography.Title>
        <Tag>{CALL_KIND_LABELS[call.kind]}</Tag>
        <Typography.Text type="secondary">截止 {call.deadline}</Typography.Text>
        {call.tracker.overdue && <Tag color="default">已截止</Tag>}
        <span className="grow" />
        <Button icon={<FileWordOutlined />} onClick={() => runExport(() => api['export.callNoticeDocx']({ id }), '征集通知')}>
          导出征集通知
        </Button>
        <Button onClick={() => runExport(() => api['export.callXlsx']({ id }), '评选结果')}>导出评选结果</Button>
        {call.batchId && <a href={`#/batches/${call.batchId}`}>查看生成的批次</a>}
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'tracker', label: `报送情况（${call.tracker.totals.received}/${call.tracker.totals.expected}）`, children: <TrackerTab call={call} /> },
          { key: 'receive', label: `收件与初审（${call.submissions.length}）`, children: <ReceiveTab call={call} reload={load} /> },
          { key: 'score', label: '评选', children: <ScoreTab call={call} setCall={setCall} reload={load} /> },
        ]}
      />
    </>
  );
}

function TrackerTab({ call }: { call: CallDetail }) {
  const t = call.tracker;
  const chase = t.chase.map((c) => c.unitName).join('、');
  const columns: ColumnsType<TrackerRow> = [
    { title: '单位', dataIndex: 'unitName' },
    { title: '应报', dataIndex: 'expected', width: 80, align: 'center' },
    { title: '已收', dataIndex: 'received', width: 80, align: 'center' },
    { title: '退回', dataIndex: 'returned', width: 80, align: 'center', render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : 0) },
    { title: '逾期', dataIndex: 'late', width: 80, align: 'center', render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
    { title: '未报', dataIndex: 'missing', width: 80, align: 'center', render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {t.pendingUnit > 0 && <Alert type="warning" showIcon message={`有 ${t.pendingUnit} 份材料未能确定报送单位，请在“收件与初审”中选择。`} />}
      <Table<TrackerRow>
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={t.rows}
        columns={columns}
        aria-label="报送情况"
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            {(['expected', 'received', 'returned', 'late', 'missing'] as const).map((k, i) => (
              <Table.Summary.Cell key={k} index={i + 1} align="center">
                <span data-testid={`total-${k}`}>{t.totals[k]}</span>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )}
      />
      <Card size="small" title={t.overdue ? '催报名单（截止日期已过，尚未报送）' : '尚未报送的单位'}>
        {t.chase.length ? (
          <Typography.Paragraph copyable={{ text: chase, tooltips: ['复制名单', '已复制'] }} data-testid="chase-list">
            {chase}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">各单位均已报送。</Typography.Text>
        )}
      </Card>
    </Space>
  );
}

function ReceiveTab({ call, reload }: { call: CallDetail; reload: () => Promise<void> }) {
  const { message, modal } = App.useApp();
  const { units } = useVocab();
  const [results, setResults] = useState<ReceiveResult[]>([]);
  const [busy, setBusy] = useState(false);
  const [findings, setFindings] = useState<{ title: string; list: Finding[] } | null>(null);

  // antd calls beforeUpload once per file with the whole drop: send the drop as one request on its last file.
  const receive = async (file: File, list: File[]) => {
    if (file !== list[list.length - 1]) return false;
    setBusy(true);
    try {
      const files = await Promise.all(list.map(async (f) => ({ fileName: f.name, base64: await fileToBase64(f) })));
      const r = await api['calls.receive']({ id: call.id, files });
      setResults(r);
      await reload();
      const ok = r.filter((x) => x.outcome === 'received' || x.outcome === 'resubmitted').length;
      message.info(`收到 ${list.length} 个文件：接收 ${ok} 份，${r.length - ok} 份需要处理`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
    return false;
  };

  const returnOne = (s: Submission) => {
    let reason = '';
    modal.confirm({
      title: `退回“${s.title}”`,
      content: <Input.TextArea autoFocus aria-label="退回理由" rows={3} maxLength={2000} showCount placeholder="请说明需要修改的地方" onChange={(e) => (reason = e.target.value)} />,
      okText: '退回',
      cancelText: '取消',
      onOk: async () => {
        if (!reason.trim()) {
          message.warning('请填写退回理由');
          throw new Error('no reason');
        }
        await api['calls.return']({ submissionId: s.id, reason });
        await reload();
        message.success('已退回，单位的修改稿收到后将保存为新版本');
      },
    });
  };

  const assign = async (s: Submission, unitId: number) => {
    try {
      const r = await api['calls.assignUnit']({ submissionId: s.id, unitId });
      message.success(r.message);
      await reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const columns: ColumnsType<Submission> = [
    {
      title: '单位',
      width: 190,
      render: (_, s) =>
        s.unitId ? (
          s.unitName
        ) : (
          <Select
            aria-label={`选择“${s.title}”的报送单位`}
            placeholder="请选择报送单位"
            style={{ width: 170 }}
            showSearch
            optionFilterProp="label"
            status="warning"
            onChange={(v: number) => void assign(s, v)}
            options={[
              ...units.filter((u) => s.unitCandidates.includes(u.name)).map((u) => ({ value: u.id, label: `${u.name}（可能）` })),
              ...units.filter((u) => !s.unitCandidates.includes(u.name)).map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
        ),
    },
    { title: '案例名称', render: (_, s) => (s.caseId ? <a href={`#/cases/${s.caseId}`}>{s.title}</a> : s.title) },
    { title: '文件', dataIndex: 'fileName', width: 180, ellipsis: true },
    {
      title: '收到时间',
      width: 150,
      render: (_, s) => (
        <span>
          {fmtTime(s.receivedAt)} {s.late && <Tag color="red">逾期</Tag>}
        </span>
      ),
    },
    {
      title: '初审',
      width: 110,
      render: (_, s) =>
        s.caseId ? (
          <Button
            size="small"
            type="link"
            onClick={async () => setFindings({ title: s.title, list: await api['calls.check']({ submissionId: s.id }) })}
          >
            {s.findings.errors || s.findings.warnings ? `错误 ${s.findings.errors}，警告 ${s.findings.warnings}` : '未发现问题'}
          </Button>
        ) : null,
    },
    {
      title: '状态',
      width: 150,
      render: (_, s) => (
        <Space size={4} wrap>
          <Tag color={s.state === 'returned' ? 'orange' : s.state === 'pending_unit' ? 'gold' : 'green'}>{SUBMISSION_STATE_LABELS[s.state]}</Tag>
          {s.resubmissions > 0 && <Tag color="blue">修改稿 {s.resubmissions}</Tag>}
        </Space>
      ),
    },
    {
      title: '操作',
      width: 80,
      render: (_, s) =>
        s.caseId && s.state !== 'returned' ? (
          <Button size="small" onClick={() => returnOne(s)}>
            退回
          </Button>
        ) : s.state === 'returned' ? (
          <Typography.Text type="secondary" title={s.returnReason}>
            待修改稿
          </Typography.Text>
        ) : null,
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload.Dragger
        accept=".docx,.txt,.md,.doc,.wps,.pdf"
        multiple
        directory={false}
        showUploadList={false}
        beforeUpload={receive}
        disabled={busy}
        aria-label="把报送的文件拖到这里"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>把各单位报送的文件拖到这里（可一次拖入多个），或点击选择</p>
        <p className="ant-upload-hint">每个案例成为一份“已报送”的案例草稿；单位按“（××提供）”行或文件名识别，识别不了的请在下表中选择。退回后再收到的同名案例保存为新版本。</p>
      </Upload.Dragger>
      <Space>
        <Upload directory multiple showUploadList={false} beforeUpload={receive} disabled={busy}>
          <Button disabled={busy}>选择文件夹…</Button>
        </Upload>
        <Typography.Text type="secondary">接收一个文件夹中的全部文件（不是案例的文件会列出原因，其余照常接收）</Typography.Text>
      </Space>
      {results.length > 0 && (
        <List
          size="small"
          bordered
          data-testid="receive-results"
          dataSource={results}
          renderItem={(r) => (
            <List.Item>
              <Space>
                <Tag color={OUTCOME[r.outcome].color}>{OUTCOME[r.outcome].label}</Tag>
                <Typography.Text strong>{r.fileName}</Typography.Text>
                <Typography.Text type={r.outcome === 'refused' ? 'danger' : 'secondary'}>{r.message}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Table<Submission>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={call.submissions}
        columns={columns}
        locale={{ emptyText: <Empty description="还没有收到报送材料：把文件拖到上方" /> }}
      />
      <Drawer open={findings !== null} onClose={() => setFindings(null)} width={560} title={`初审：${findings?.title ?? ''}`}>
        {findings && <FindingsList findings={findings.list} />}
      </Drawer>
    </Space>
  );
}

function ScoreTab({ call, setCall, reload }: { call: CallDetail; setCall: (c: CallDetail) => void; reload: () => Promise<void> }) {
  const { message, modal } = App.useApp();
  const [reviewers, setReviewers] = useState(call.reviewers.map((r) => ({ id: r.id as number | undefined, name: r.name })));
  const [criteria, setCriteria] = useState(call.criteria.map((c) => ({ id: c.id as number | undefined, name: c.name, weight: c.weight })));
  useEffect(() => {
    setReviewers(call.reviewers.map((r) => ({ id: r.id, name: r.name })));
    setCriteria(call.criteria.map((c) => ({ id: c.id, name: c.name, weight: c.weight })));
  }, [call.reviewers, call.criteria]);

  const savePanel = async () => {
    try {
      setCall(await api['calls.setPanel']({ id: call.id, reviewers, criteria }));
      message.success('已保存评审人和评分项');
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const score = (submissionId: number, reviewerId: number, criterionId: number) =>
    call.scores.find((s) => s.submissionId === submissionId && s.reviewerId === reviewerId && s.criterionId === criterionId)?.score ?? null;
  const enter = async (submissionId: number, reviewerId: number, criterionId: number, value: number | null) => {
    if (value === score(submissionId, reviewerId, criterionId)) return;
    try {
      setCall(await api['calls.setScores']({ id: call.id, scores: [{ submissionId, reviewerId, criterionId, score: value }] }));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const select = async (ids: number[], selected: boolean) => {
    try {
      setCall(await api['calls.select']({ id: call.id, submissionIds: ids, selected }));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const selectedIds = call.ranking.filter((r) => r.selected).map((r) => r.submissionId);
  const makeBatch = (order: 'rank' | 'unit') =>
    modal.confirm({
      title: '生成草稿批次',
      content: selectedIds.length
        ? `把入选的 ${selectedIds.length} 个案例按${order === 'rank' ? '名次' : '单位顺序'}放入新的草稿批次？`
        : `还没有勾选入选案例：把全部 ${call.ranking.length} 个已收到且未退回的案例按${order === 'rank' ? '名次' : '单位顺序'}放入新的草稿批次？`,
      okText: '生成',
      cancelText: '取消',
      onOk: async () => {
        try {
          const batch = await api['calls.makeBatch']({ id: call.id, order });
          await reload();
          navigate({ page: 'batch', id: batch.id });
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });
  const honour = async () => {
    try {
      const r = await api['calls.honour']({ id: call.id, submissionIds: selectedIds, honour: 'provincial_excellent' });
      message.success(r.changed ? `已为 ${r.changed} 个案例记录“省级优秀案例”` : '所选案例均已记录为省级优秀案例');
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const columns: ColumnsType<RankingRow> = [
    { title: '名次', dataIndex: 'rank', width: 56, align: 'center', fixed: 'left' },
    {
      title: '入选',
      width: 56,
      align: 'center',
      fixed: 'left',
      render: (_, r) => <Checkbox aria-label={`“${r.title}”入选`} checked={r.selected} onChange={(e) => void select([r.submissionId], e.target.checked)} />,
    },
    { title: '案例名称', dataIndex: 'title', width: 260, fixed: 'left', ellipsis: true },
    { title: '单位', dataIndex: 'unitName', width: 110 },
    ...call.reviewers.map((rev) => ({
      title: rev.name,
      children: call.criteria.map((c) => ({
        title: c.name,
        width: 84,
        render: (_: unknown, r: RankingRow) => (
          <InputNumber
            size="small"
            min={0}
            max={SCORE_MAX}
            style={{ width: 70 }}
            aria-label={`${rev.name}对“${r.title}”的${c.name}评分`}
            defaultValue={score(r.submissionId, rev.id, c.id) ?? undefined}
            onBlur={(e) => {
              const raw = e.target.value.trim();
              const v = raw === '' ? null : Number(raw);
              if (v !== null && (Number.isNaN(v) || v < 0 || v > SCORE_MAX)) return void message.warning(`分数应在 0–${SCORE_MAX} 之间`);
              void enter(r.submissionId, rev.id, c.id, v);
            }}
            onPressEnter={(e) => (e.target as HTMLInputElement).blur()}
          />
        ),
      })),
    })),
    { title: '总分', dataIndex: 'total', width: 72, align: 'center', fixed: 'right', render: (t: number | null) => <span data-testid="total">{t ?? '—'}</span> },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title="评审人与评分项（每项百分制，总分为加权平均）">
        <Space align="start" wrap size={32}>
          <div>
            <Typography.Text strong>评审人</Typography.Text>
            {reviewers.map((r, i) => (
              <Space key={i} style={{ display: 'flex', marginTop: 6 }}>
                <Input aria-label={`评审人 ${i + 1}`} value={r.name} maxLength={50} onChange={(e) => setReviewers(reviewers.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
                <Button aria-label="删除评审人" icon={<DeleteOutlined />} onClick={() => setReviewers(reviewers.filter((_, j) => j !== i))} />
              </Space>
            ))}
            <Button style={{ marginTop: 6 }} icon={<PlusOutlined />} onClick={() => setReviewers([...reviewers, { id: undefined, name: `评审${reviewers.length + 1}` }])}>
              添加评审人
            </Button>
          </div>
          <div>
            <Typography.Text strong>评分项与权重</Typography.Text>
            {criteria.map((c, i) => (
              <Space key={i} style={{ display: 'flex', marginTop: 6 }}>
                <Input aria-label={`评分项 ${i + 1}`} value={c.name} maxLength={50} onChange={(e) => setCriteria(criteria.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
                <InputNumber aria-label={`评分项 ${i + 1} 的权重`} min={1} max={1000} value={c.weight} onChange={(w) => setCriteria(criteria.map((x, j) => (j === i ? { ...x, weight: w ?? 1 } : x)))} />
                <Button aria-label="删除评分项" icon={<DeleteOutlined />} onClick={() => setCriteria(criteria.filter((_, j) => j !== i))} />
              </Space>
            ))}
            <Button style={{ marginTop: 6 }} icon={<PlusOutlined />} onClick={() => setCriteria([...criteria, { id: undefined, name: `评分项${criteria.length + 1}`, weight: 1 }])}>
              添加评分项
            </Button>
          </div>
        </Space>
        <div style={{ marginTop: 12 }}>
          <Button type="primary" onClick={savePanel}>
            保存评审设置
          </Button>
        </div>
      </Card>
      <div className="toolbar">
        <Button type="primary" onClick={() => makeBatch('rank')} disabled={call.ranking.length === 0 || call.batchId !== null}>
          按名次生成批次
        </Button>
        <Button onClick={() => makeBatch('unit')} disabled={call.ranking.length === 0 || call.batchId !== null}>
          按单位顺序生成批次
        </Button>
        <Button onClick={honour} disabled={selectedIds.length === 0}>
          入选案例记为省级优秀案例
        </Button>
        <Typography.Text type="secondary">已勾选入选 {selectedIds.length} 个</Typography.Text>
      </div>
      <Table<RankingRow>
        data-testid="ranking"
        rowKey="submissionId"
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={call.ranking}
        columns={columns}
        locale={{ emptyText: <Empty description={call.reviewers.length ? '还没有可评分的案例' : '先添加评审人和评分项，再在这里打分'} /> }}
      />
    </Space>
  );
}
