import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Table, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  CASE_TYPE_LABELS,
  CASE_TYPES,
  FONT_PROFILE_LABELS,
  FONT_PROFILES,
  LAYOUT_LABELS,
  LAYOUTS,
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  type Settings,
  type SourceKind,
  type UnitKind,
} from '../../../shared/domain';
import { moveInList } from '../../../shared/body-ops';
import { api } from '../api';
import { FontCheck } from '../components/FontCheck';
import { errorText } from '../format';
import { useVocab } from '../vocab';
import { BackupPanel } from '../components/BackupPanel';
import { DragHandle, SortableFrame, SortableRow } from '../components/SortableItems';
import { byBatchNumber } from '../../../shared/source-order';

function useAct() {
  const { message } = App.useApp();
  const { reload } = useVocab();
  return async (fn: () => Promise<unknown>, ok?: string) => {
    try {
      await fn();
      await reload();
      if (ok) message.success(ok);
    } catch (e) {
      message.error(errorText(e));
    }
  };
}

function Units() {
  const { units } = useVocab();
  const act = useAct();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind>('city');
  const move = (i: number, d: -1 | 1) => act(() => api['units.reorder']({ ids: moveInList(units.map((u) => u.id), i, d) }));
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Input aria-label="新单位名称" placeholder="单位名称" value={name} onChange={(e) => setName(e.target.value)} />
        <Select aria-label="新单位类别" style={{ width: 110 }} value={kind} onChange={setKind} options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))} />
        <Button icon={<PlusOutlined />} disabled={!name.trim()} onClick={() => act(() => api['units.save']({ name, kind }), '已添加').then(() => setName(''))}>
          添加单位
        </Button>
        <Typography.Text type="secondary">顺序即公文中列举单位和“按单位排序”的顺序</Typography.Text>
      </Space>
      <SortableFrame ids={units.map((u) => String(u.id))} labelOf={(id) => units.find((u) => String(u.id) === id)?.name ?? id} onReorder={(ids) => act(() => api['units.reorder']({ ids: ids.map(Number) }))}>
      <Table
        size="small"
        rowKey={(u) => String(u.id)}
        pagination={false}
        dataSource={units}
        components={{ body: { row: SortableRow } }}
        columns={[
          { key: 'drag', width: 36, render: (_, u) => <DragHandle label={u.name} /> },
          { title: '序', width: 50, render: (_, __, i) => i + 1 },
          {
            title: '名称',
            render: (_, u) => <Input variant="borderless" defaultValue={u.name} onBlur={(e) => e.target.value !== u.name && act(() => api['units.save']({ id: u.id, name: e.target.value, kind: u.kind }), '已改名')} />,
          },
          {
            title: '类别',
            width: 130,
            render: (_, u) => <Select size="small" variant="borderless" value={u.kind} onChange={(k) => act(() => api['units.save']({ id: u.id, name: u.name, kind: k }))} options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))} />,
          },
          {
            title: '',
            width: 120,
            render: (_, u, i) => (
              <Space size={0}>
                <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={`上移 ${u.name}`} />
                <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={i === units.length - 1} onClick={() => move(i, 1)} aria-label={`下移 ${u.name}`} />
                <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => act(() => api['units.delete']({ id: u.id }), '已删除')} aria-label={`删除 ${u.name}`} />
              </Space>
            ),
          },
        ]}
      />
      </SortableFrame>
    </>
  );
}

function Fields() {
  const { fields, sources } = useVocab();
  const act = useAct();
  const [name, setName] = useState('');
  const [source, setSource] = useState<{ name: string; kind: SourceKind; origin: string }>({ name: '', kind: 'pilot', origin: '' });
  return (
    <Row gutter={16}>
      <Col span={10}>
        <Card size="small" title="领域">
          <Space style={{ marginBottom: 8 }}>
            <Input aria-label="新领域" placeholder="领域名称" value={name} onChange={(e) => setName(e.target.value)} />
            <Button icon={<PlusOutlined />} disabled={!name.trim()} onClick={() => act(() => api['fields.save']({ name }), '已添加').then(() => setName(''))}>
              添加
            </Button>
          </Space>
          <SortableFrame ids={fields.map((f) => String(f.id))} labelOf={(id) => fields.find((f) => String(f.id) === id)?.name ?? id} onReorder={(ids) => act(() => api['fields.reorder']({ ids: ids.map(Number) }))}>
          <Table
            size="small"
            rowKey={(f) => String(f.id)}
            pagination={false}
            dataSource={fields}
            components={{ body: { row: SortableRow } }}
            columns={[
              { key: 'drag', width: 36, render: (_, f) => <DragHandle label={f.name} /> },
              { title: '名称', render: (_, f) => <Input variant="borderless" defaultValue={f.name} onBlur={(e) => e.target.value !== f.name && act(() => api['fields.save']({ id: f.id, name: e.target.value }), '已改名')} /> },
              {
                title: '',
                width: 110,
                render: (_, f, i) => (
                  <Space size={0}>
                    <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={`上移 ${f.name}`} disabled={i === 0} onClick={() => act(() => api['fields.reorder']({ ids: moveInList(fields.map((x) => x.id), i, -1) }))} />
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除 ${f.name}`} onClick={() => act(() => api['fields.delete']({ id: f.id }), '已删除')} />
                  </Space>
                ),
              },
            ]}
          />
          </SortableFrame>
        </Card>
      </Col>
      <Col span={14}>
        <Card size="small" title="复制推广来源">
          <Space style={{ marginBottom: 8 }} wrap>
            <Input aria-label="来源名称" placeholder="如：自贸试验区第七批改革试点经验" style={{ width: 260 }} value={source.name} onChange={(e) => setSource({ ...source, name: e.target.value })} />
            <Select aria-label="来源类别" style={{ width: 140 }} value={source.kind} onChange={(kind) => setSource({ ...source, kind })} options={SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABELS[k] }))} />
            <Input aria-label="原创新负责部门" placeholder="原创新负责部门（可空）" style={{ width: 180 }} value={source.origin} onChange={(e) => setSource({ ...source, origin: e.target.value })} />
            <Button icon={<PlusOutlined />} disabled={!source.name.trim()} onClick={() => act(() => api['sources.save'](source), '已添加').then(() => setSource({ name: '', kind: 'pilot', origin: '' }))}>
              添加
            </Button>
          </Space>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={byBatchNumber(sources)}
            columns={[
              { title: '名称', dataIndex: 'name' },
              { title: '类别', dataIndex: 'kind', width: 130, render: (k: SourceKind) => SOURCE_KIND_LABELS[k] },
              { title: '原创新部门', dataIndex: 'origin', width: 120 },
              { title: '', width: 50, render: (_, s) => <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除 ${s.name}`} onClick={() => act(() => api['sources.delete']({ id: s.id }))} /> },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

function Office() {
  const { settings } = useVocab();
  const act = useAct();
  const [draft, setDraft] = useState<Settings | null>(settings);
  useEffect(() => setDraft(settings), [settings]);
  if (!draft) return null;
  const set = (patch: Partial<Settings>) => setDraft({ ...draft, ...patch });
  const dirty = JSON.stringify(draft) !== JSON.stringify(settings);
  return (
    <>
    <Row gutter={16}>
      <Col span={14}>
        <Card size="small" title="发文机关与默认值">
          <Form layout="vertical" size="small">
            <Form.Item label="发文机关" style={{ marginBottom: 8 }}>
              <Input aria-label="设置-发文机关" value={draft.organ} onChange={(e) => set({ organ: e.target.value })} />
            </Form.Item>
            <Form.Item label="机关代字" style={{ marginBottom: 8 }}>
              <Input aria-label="设置-机关代字" value={draft.docCode} onChange={(e) => set({ docCode: e.target.value })} />
            </Form.Item>
            <Form.Item label="主送机关" style={{ marginBottom: 8 }}>
              <Input.TextArea autoSize value={draft.addressees} onChange={(e) => set({ addressees: e.target.value })} />
            </Form.Item>
            <Form.Item label="抄送" style={{ marginBottom: 8 }}>
              <Input value={draft.cc} onChange={(e) => set({ cc: e.target.value })} />
            </Form.Item>
            <Form.Item label="印发机关" style={{ marginBottom: 8 }}>
              <Input value={draft.printedBy} onChange={(e) => set({ printedBy: e.target.value })} />
            </Form.Item>
            <Form.Item label="默认版式" style={{ marginBottom: 8 }}>
              <Radio.Group value={draft.layout} onChange={(e) => set({ layout: e.target.value })} options={LAYOUTS.map((l) => ({ value: l, label: LAYOUT_LABELS[l] }))} />
            </Form.Item>
            <Form.Item label="默认字体" style={{ marginBottom: 8 }} help="国标字体：方正小标宋简体、仿宋_GB2312、楷体_GB2312、黑体；系统字体：华文中宋、仿宋、楷体、黑体（Windows 自带）">
              <Radio.Group value={draft.fontProfile} onChange={(e) => set({ fontProfile: e.target.value })} options={FONT_PROFILES.map((f) => ({ value: f, label: FONT_PROFILE_LABELS[f] }))} />
            </Form.Item>
            <Form.Item label="本机字体" style={{ marginBottom: 8 }}>
              <FontCheck profile={draft.fontProfile} />
            </Form.Item>
          </Form>
        </Card>
      </Col>
      <Col span={10}>
        <Card size="small" title="各类型案例的必备部分（模板）">
          {CASE_TYPES.map((t) => (
            <Form.Item key={t} label={CASE_TYPE_LABELS[t]} style={{ marginBottom: 8 }}>
              <Select
                mode="tags"
                aria-label={`${CASE_TYPE_LABELS[t]}模板`}
                value={draft.sectionTemplates[t]}
                onChange={(v) => set({ sectionTemplates: { ...draft.sectionTemplates, [t]: v } })}
                tokenSeparators={['，', ',']}
              />
            </Form.Item>
          ))}
          <Typography.Text type="secondary">新建案例时按模板生成各部分；规范检查据此提示缺少的部分。</Typography.Text>
        </Card>
      </Col>
    </Row>
    {/* sticky to the tab's whole height: 保存设置 stays in reach wherever the clerk has scrolled to */}
    <div className="sticky-bar">
      <Button type="primary" onClick={() => act(() => api['settings.update'](draft), '设置已保存')}>
        保存设置
      </Button>
      <Typography.Text type="secondary">{dirty ? '有未保存的修改' : '发文机关、默认值和模板的修改需保存后生效'}</Typography.Text>
    </div>
    </>
  );
}

export function SettingsPage() {
  return (
    <>
      <div className="page-head">
        <Typography.Title level={4}>设置</Typography.Title>
      </div>
      <Tabs
        items={[
          { key: 'units', label: '提供单位', children: <Units /> },
          { key: 'fields', label: '领域与来源', children: <Fields /> },
          { key: 'office', label: '发文机关与模板', children: <Office /> },
          { key: 'backup', label: '数据备份', children: <BackupPanel /> },
        ]}
      />
    </>
  );
}
