import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { CASE_LEVELS, CASE_LEVEL_LABELS, NO_LEVEL_LABEL, type CaseLevel, type LevelEvent } from '../../../shared/register';
import { HONOUR_LABELS, type Honour } from '../../../shared/domain';
import { api } from '../api';
import { useLatestCallback } from '../hooks';
import { errorText } from '../format';
import { useVocab } from '../vocab';

// 级别沿革: a case's steps (片区级 → 省级 → 全国), each with who awarded it, when and by which 文号, and the level
// it stands at now. A department's case can name the 片区 it serves. Saved at once, apart from the case's text.

type Levels = Awaited<ReturnType<(typeof api)['register.levels']>>;

/** `onChanged` hears of each step added or removed: the case's 荣誉 follow the history (levels.ts `syncHonours`). */
export function CaseLevelHistory({ caseId, unitId, onChanged }: { caseId: number; unitId: number; onChanged?: () => void }) {
  const { message } = App.useApp();
  const { units } = useVocab();
  const [data, setData] = useState<Levels | null>(null);
  const changed = useLatestCallback(() => onChanged?.());
  const [draft, setDraft] = useState<{ level: CaseLevel; awardedBy: string; date: string | null; docNumber: string }>({ level: 'provincial_excellent', awardedBy: '', date: null, docNumber: '' });
  const run = useCallback(
    async (call: () => Promise<Levels>, changes = true) => {
      try {
        setData(await call());
        if (changes) changed();
      } catch (e) {
        message.error(errorText(e));
      }
    },
    [message, changed],
  );
  useEffect(() => void run(() => api['register.levels']({ caseId }), false), [caseId, run]);
  if (!data) return null;
  const isDepartment = units.find((u) => u.id === unitId)?.kind === 'department';
  return (
    <Card
      size="small"
      title="级别沿革"
      style={{ marginBottom: 12 }}
      extra={
        <Space>
          <Typography.Text type="secondary">当前级别</Typography.Text>
          <Tag color={data.current ? 'red' : undefined} data-testid="current-level">
            {data.current ? CASE_LEVEL_LABELS[data.current] : NO_LEVEL_LABEL}
          </Tag>
        </Space>
      }
    >
      {isDepartment && (
        <Space style={{ marginBottom: 8 }}>
          <Typography.Text>服务片区</Typography.Text>
          <Select
            aria-label="服务片区"
            allowClear
            style={{ width: 160 }}
            value={data.servedArea?.unitId}
            onChange={(v: number | undefined) => void run(() => api['register.setServedArea']({ caseId, unitId: v ?? null }))}
            options={units.filter((u) => u.kind === 'area').map((u) => ({ value: u.id, label: u.name }))}
          />
        </Space>
      )}
      <Table<LevelEvent>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data.events}
        locale={{ emptyText: '尚无级别记录' }}
        columns={[
          { title: '级别', dataIndex: 'level', width: 140, render: (l: CaseLevel) => CASE_LEVEL_LABELS[l] },
          { title: '授予单位', dataIndex: 'awardedBy' },
          { title: '日期', dataIndex: 'date', width: 110, render: (d: string | null) => d ?? '—' },
          { title: '文号', dataIndex: 'docNumber', width: 200 },
          {
            title: '',
            key: 'del',
            width: 40,
            render: (_, e) => <Button size="small" type="text" aria-label="删除级别记录" icon={<DeleteOutlined />} onClick={() => void run(() => api['register.deleteLevel']({ id: e.id }))} />,
          },
        ]}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <Select aria-label="级别" style={{ width: 150 }} value={draft.level} onChange={(level) => setDraft({ ...draft, level })} options={CASE_LEVELS.map((l) => ({ value: l, label: CASE_LEVEL_LABELS[l] }))} />
        <Input aria-label="授予单位" placeholder="授予单位" style={{ width: 180 }} maxLength={200} value={draft.awardedBy} onChange={(e) => setDraft({ ...draft, awardedBy: e.target.value })} />
        <DatePicker aria-label="日期" onChange={(d) => setDraft({ ...draft, date: d ? d.format('YYYY-MM-DD') : null })} />
        <Input aria-label="文号" placeholder="文号，如 黑自贸工办函〔2023〕55号" style={{ width: 240 }} maxLength={100} value={draft.docNumber} onChange={(e) => setDraft({ ...draft, docNumber: e.target.value })} />
        <Button icon={<PlusOutlined />} onClick={() => void run(async () => {
            const next = await api['register.addLevel']({ caseId, ...draft, note: '' });
            setDraft({ ...draft, awardedBy: '', docNumber: '' });
            return next;
          })}>
          添加级别
        </Button>
      </Space>
    </Card>
  );
}

/**
 * The case's 荣誉, read only: they follow the steps of its 级别沿革 (one place to record a level), so the editor
 * shows them and points to the history instead of offering checkboxes that could disagree with it.
 */
export function HonoursSummary({ honours }: { honours: Honour[] }) {
  return (
    <Space size={4} wrap data-testid="honours-summary">
      {honours.length ? honours.map((h) => <Tag key={h} color="red">{HONOUR_LABELS[h]}</Tag>) : <Typography.Text type="secondary">无</Typography.Text>}
      <Typography.Text type="secondary">（级别在下方登记，此处自动显示）</Typography.Text>
    </Space>
  );
}
