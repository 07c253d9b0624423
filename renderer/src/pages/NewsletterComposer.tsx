import { DeleteOutlined, EditOutlined, FileWordOutlined, HolderOutlined, PlusOutlined, SaveOutlined, SnippetsOutlined } from '@ant-design/icons';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Spin, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DraftItem } from '../../../shared/contract-newsletter';
import type { CaseRow } from '../../../shared/domain';
import { formatChineseDate } from '../../../shared/circular';
import {
  issueNumberText,
  itemBodyFromText,
  itemBodyToText,
  itemOrdinals,
  NEWSLETTER_TITLE,
  partOrdinal,
  sectionOrdinal,
  type FigureCheck,
  type Newsletter,
} from '../../../shared/newsletter';
import { api } from '../api';
import { useLatestCallback } from '../hooks';
import { useExport } from '../components/ExportResult';
import { errorText } from '../format';
import { setLeaveGuard } from '../leave-guard';
import { navigate } from '../router';
import { useCommand } from '../shortcuts';
import { useVocab } from '../vocab';
import { DialogKeys } from '../components/DialogKeys';
import { chineseSelection } from '../table-a11y';

// Composing one issue of 《自贸动态》: its header, its sections, its items dragged into order (across sections
// too), items added from library cases or pasted, a preview, the figures to check, the Word export.
// The page edits a draft and saves the issue whole; the item numbers （一）… follow the order as it changes.

type EditItem = DraftItem & { id?: number; key: string };
interface Draft {
  number: number;
  date: string;
  sponsor: string;
  editor: string;
  sections: { key: string; name: string; items: EditItem[] }[];
}

let nextKey = 0;
const newKey = (p: string) => `${p}${++nextKey}`;

function toDraft(n: Newsletter): Draft {
  return {
    number: n.number,
    date: n.date,
    sponsor: n.sponsor,
    editor: n.editor,
    sections: n.sections.map((s) => ({ key: newKey('s'), name: s.name, items: s.items.map((i) => ({ ...i, key: `i${i.id}` })) })),
  };
}

const toInput = (d: Draft) => ({
  number: d.number,
  date: d.date,
  sponsor: d.sponsor,
  editor: d.editor,
  sections: d.sections.map((s) => ({ name: s.name, items: s.items.map(({ key: _k, unitName: _u, ...i }) => i) })),
});

/** One row of the flat sortable list: a section's head or an item; an item belongs to the head above it. */
function SortableRow({ id, children, disabled }: { id: string; children: (handle: ReactNode) => ReactNode; disabled?: boolean }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id, disabled });
  const style = { transform: CSS.Translate.toString(transform), transition, ...(isDragging ? { background: '#fff1f0', position: 'relative' as const, zIndex: 2 } : {}) };
  const handle = disabled ? null : <Button type="text" size="small" icon={<HolderOutlined />} aria-label="拖动排序" {...attributes} {...listeners} />;
  return (
    <div ref={setNodeRef} style={style} className="nl-row">
      {children(handle)}
    </div>
  );
}

function FigureTags({ checks }: { checks: FigureCheck[] }) {
  if (!checks.length) return null;
  return (
    <div className="nl-figures">
      {checks.map((c, i) => {
        const color = c.register === null ? 'default' : c.register === c.stated ? 'green' : 'orange';
        return (
          <Tooltip key={i} title={`文中：“${c.statement}”；登记${c.unitName ? `（${c.unitName}）` : '（全省）'}：${c.register ?? '无数据'}`}>
            <Tag color={color} data-testid="figure-check">
              {c.label}：文中 {c.stated} · 登记 {c.register ?? '—'}
            </Tag>
          </Tooltip>
        );
      })}
    </div>
  );
}

function CasePicker({ open, onClose, onPick }: { open: boolean; onClose: () => void; onPick: (ids: number[]) => void }) {
  const [rows, setRows] = useState<CaseRow[]>([]);
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<number[]>([]);
  useEffect(() => {
    if (open) void api['cases.list']({}).then(setRows);
    setPicked([]);
  }, [open]);
  const shown = rows.filter((r) => !query.trim() || `${r.title}${r.unitName}`.includes(query.trim()));
  return (
    <Modal title="从案例库添加" open={open} onCancel={onClose} onOk={() => (onPick(picked), onClose())} okText={`添加（${picked.length}）`} okButtonProps={{ disabled: !picked.length }} cancelText="取消" width={760} destroyOnHidden>
      <DialogKeys onSubmit={() => picked.length > 0 && (onPick(picked), onClose())}>
      <Input aria-label="筛选案例" allowClear placeholder="标题或单位；勾选后按回车添加" value={query} onChange={(e) => setQuery(e.target.value)} style={{ marginBottom: 8 }} />
      <Table<CaseRow>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 8, showSizeChanger: false }}
        dataSource={shown}
        rowSelection={{ selectedRowKeys: picked, onChange: (k) => setPicked(k as number[]), ...chineseSelection<CaseRow>((r) => r.title) }}
        columns={[
          { title: '案例名称', dataIndex: 'title' },
          { title: '单位', dataIndex: 'unitName', width: 110 },
        ]}
      />
      </DialogKeys>
    </Modal>
  );
}

function ItemEditor({ item, onClose, onSave }: { item: EditItem | null; onClose: () => void; onSave: (i: EditItem) => void }) {
  const { units, sources } = useVocab();
  const [cases, setCases] = useState<CaseRow[]>([]);
  const [form] = Form.useForm<{ title: string; credit: string; unitId: number | null; body: string; caseIds: number[]; sourceIds: number[] }>();
  useEffect(() => {
    if (!item) return;
    form.setFieldsValue({ title: item.title, credit: item.credit, unitId: item.unitId, body: itemBodyToText(item), caseIds: item.caseIds, sourceIds: item.sourceIds });
    void api['cases.list']({}).then(setCases);
  }, [item, form]);
  const save = async () => {
    const v = await form.validateFields();
    onSave({
      ...item!,
      title: v.title.trim(),
      credit: (v.credit ?? '').trim(),
      unitId: v.unitId ?? null,
      unitName: units.find((u) => u.id === v.unitId)?.name ?? null,
      caseIds: v.caseIds ?? [],
      sourceIds: v.sourceIds ?? [],
      ...itemBodyFromText(v.body ?? ''),
    });
  };
  return (
    <Modal title="编辑文章" open={!!item} onCancel={onClose} onOk={save} okText="确定" cancelText="取消" width={760} destroyOnHidden forceRender>
      <DialogKeys key={item?.key ?? ''} onSubmit={() => void save().catch(() => undefined)}>
      <Form form={form} layout="vertical">
        <Form.Item name="title" label="标题（编号自动生成，不要输入“（一）”）" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: 300, message: '标题不能超过 300 个字' }]}>
          <Input aria-label="文章标题" maxLength={300} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="credit" label="来源或电头（如：新华社北京9月30日电）" rules={[{ max: 200, message: '不能超过 200 个字' }]}>
              <Input aria-label="来源" maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="unitId" label="所涉单位">
              <Select aria-label="所涉单位" allowClear showSearch optionFilterProp="label" options={units.map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="caseIds" label="报道的案例">
              <Select aria-label="报道的案例" mode="multiple" allowClear optionFilterProp="label" maxTagCount="responsive" options={cases.map((c) => ({ value: c.id, label: c.title }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="sourceIds" label="报道的经验">
              <Select aria-label="报道的经验" mode="multiple" allowClear optionFilterProp="label" maxTagCount="responsive" options={sources.map((x) => ({ value: x.id, label: x.name }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="body" label="正文：每段一行；“1. 小标题”一行开始一个小标题（编号自动生成）">
          <Input.TextArea aria-label="正文" autoSize={{ minRows: 8, maxRows: 20 }} maxLength={400_000} />
        </Form.Item>
      </Form>
      </DialogKeys>
    </Modal>
  );
}

function Preview({ draft }: { draft: Draft }) {
  const ordinals = itemOrdinals(draft.sections);
  return (
    <div className="nl-preview" data-testid="newsletter-preview">
      <div className="nl-preview-title">{NEWSLETTER_TITLE}</div>
      <div className="nl-preview-number">{issueNumberText(draft.number)}</div>
      <div className="nl-preview-meta">
        <span>{[draft.sponsor && `主办：${draft.sponsor}`, draft.editor && `编辑：${draft.editor}`].filter(Boolean).join('　　')}</span>
        <span>{/^\d{4}-\d{2}-\d{2}$/u.test(draft.date) ? formatChineseDate(draft.date) : draft.date}</span>
      </div>
      {draft.sections.map((s, si) => (
        <div key={s.key}>
          <h3 className="nl-preview-section">
            {sectionOrdinal(si)}
            {s.name}
          </h3>
          {s.items.map((item, ii) => (
            <div key={item.key}>
              <h4 className="nl-preview-item">
                {ordinals[si]![ii]}
                {item.title}
              </h4>
              {item.paragraphs.map((p, pi) => (
                <p key={pi}>{pi === 0 && /电$/u.test(item.credit) ? <><span className="nl-credit">{item.credit}</span>　{p}</> : p}</p>
              ))}
              {item.parts.map((part, pi) => (
                <div key={pi}>
                  <p>
                    {partOrdinal(pi)}
                    {part.heading}
                  </p>
                  {part.paragraphs.map((p, k) => (
                    <p key={k}>{p}</p>
                  ))}
                </div>
              ))}
              {item.credit && !/电$/u.test(item.credit) && <p className="nl-credit nl-right">（{item.credit}）</p>}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

export function NewsletterComposer({ id }: { id: number }) {
  const { message, modal } = App.useApp();
  const runExport = useExport();
  const [saved, setSaved] = useState<Newsletter | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [figures, setFigures] = useState<FigureCheck[]>([]);
  const [target, setTarget] = useState(0); // the section new items go to
  const [picking, setPicking] = useState(false);
  const [pasting, setPasting] = useState(false);
  const [pasted, setPasted] = useState('');
  const [editing, setEditing] = useState<EditItem | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  const load = useCallback(async () => {
    const n = await api['newsletters.get']({ id });
    setSaved(n);
    setDraft(toDraft(n));
    setDirty(false);
    setFigures(await api['newsletters.figures']({ id }));
  }, [id]);
  useEffect(() => void load().catch((e) => message.error(errorText(e))), [load, message]);

  const change = (fn: (d: Draft) => Draft) => {
    setDraft((d) => (d ? fn(d) : d));
    setDirty(true);
  };

  const save = async (): Promise<boolean> => {
    if (!draft) return false;
    try {
      const n = await api['newsletters.update']({ id, ...toInput(draft) });
      setSaved(n);
      setDraft(toDraft(n));
      setDirty(false);
      setFigures(await api['newsletters.figures']({ id }));
      message.success('已保存');
      return true;
    } catch (e) {
      message.error(errorText(e));
      return false;
    }
  };
  // Leaving with unsaved changes asks first: save and leave, or stay.
  const saveLatest = useLatestCallback(save);
  useEffect(() => {
    if (!dirty) return undefined;
    return setLeaveGuard(
      () =>
        new Promise<boolean>((resolve) =>
          modal.confirm({
            title: '本期有未保存的修改',
            okText: '保存并离开',
            cancelText: '留在本页',
            onOk: async () => resolve(await saveLatest()),
            onCancel: () => resolve(false),
          }),
        ),
    );
  }, [dirty, modal]);
  useCommand((cmd) => {
    if (cmd !== 'save' || !dirty) return false;
    void save();
  });

  const flat = useMemo(() => (draft ? draft.sections.flatMap((s) => [s.key, ...s.items.map((i) => i.key)]) : []), [draft]);

  if (!draft || !saved) return <Spin />;
  const ordinals = itemOrdinals(draft.sections);
  const itemCount = draft.sections.reduce((k, s) => k + s.items.length, 0);
  const figuresOf = (item: EditItem) => (item.id ? figures.filter((f) => f.itemId === item.id) : []);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const activeKey = String(active.id);
    if (activeKey.startsWith('s')) {
      // A section moves with its items, to the place of the section it was dropped on (or that holds the item).
      const sectionOf = (key: string) => draft.sections.findIndex((s) => s.key === key || s.items.some((i) => i.key === key));
      const from = sectionOf(activeKey);
      const to = sectionOf(String(over.id));
      if (from < 0 || to < 0 || from === to) return;
      change((d) => ({ ...d, sections: arrayMove(d.sections, from, to) }));
      return;
    }
    const moved = arrayMove(flat, flat.indexOf(String(active.id)), flat.indexOf(String(over.id)));
    if (!moved[0]!.startsWith('s')) return; // every item sits under a section
    change((d) => {
      const sections = new Map(d.sections.map((s) => [s.key, s]));
      const items = new Map(d.sections.flatMap((s) => s.items.map((i) => [i.key, i] as const)));
      const out: Draft['sections'] = [];
      for (const key of moved) {
        if (sections.has(key)) out.push({ ...sections.get(key)!, items: [] });
        else out[out.length - 1]!.items.push(items.get(key)!);
      }
      return { ...d, sections: out };
    });
  };

  const addItems = (items: DraftItem[]) => {
    change((d) => ({ ...d, sections: d.sections.map((s, i) => (i === Math.min(target, d.sections.length - 1) ? { ...s, items: [...s.items, ...items.map((x) => ({ ...x, key: newKey('n') }))] } : s)) }));
    message.success(`已添加 ${items.length} 篇到“${draft.sections[Math.min(target, draft.sections.length - 1)]?.name ?? ''}”，记得保存`);
  };

  const fromCases = async (caseIds: number[]) => {
    try {
      addItems(await Promise.all(caseIds.map((caseId) => api['newsletters.itemFromCase']({ caseId }))));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const fromText = async () => {
    try {
      addItems([await api['newsletters.itemFromText']({ text: pasted })]);
      setPasting(false);
      setPasted('');
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const exportWord = async () => {
    if (dirty && !(await save())) return;
    await runExport(() => api['export.newsletterDocx']({ id }), ` Word《自贸动态》${issueNumberText(draft.number)}`);
  };

  const remove = () =>
    modal.confirm({
      title: `删除${issueNumberText(saved.number)}？`,
      content: '这一期的栏目和文章一并删除；案例库中的案例不受影响。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => (await api['newsletters.delete']({ id }), navigate({ page: 'newsletters' })),
    });

  const sectionsBlock = (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={flat} strategy={verticalListSortingStrategy}>
        {draft.sections.map((s, si) => (
          <div key={s.key}>
            <SortableRow id={s.key}>
              {(handle) => (
                <div className="nl-section-head">
                  {handle}
                  <Typography.Text strong>{sectionOrdinal(si)}</Typography.Text>
                  <Input
                    aria-label={`栏目${si + 1}名称`}
                    size="small"
                    style={{ width: 200 }}
                    maxLength={30}
                    value={s.name}
                    onChange={(e) => change((d) => ({ ...d, sections: d.sections.map((x) => (x.key === s.key ? { ...x, name: e.target.value } : x)) }))}
                  />
                  <Typography.Text type="secondary">{s.items.length} 篇</Typography.Text>
                  <span className="grow" />
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`删除栏目 ${s.name}`}
                    disabled={s.items.length > 0}
                    title={s.items.length ? '栏目中还有文章，先移走或删除文章' : undefined}
                    onClick={() => change((d) => ({ ...d, sections: d.sections.filter((x) => x.key !== s.key) }))}
                  />
                </div>
              )}
            </SortableRow>
            {s.items.map((item, ii) => (
              <SortableRow key={item.key} id={item.key}>
                {(handle) => (
                  <div className="nl-item" data-testid="newsletter-item">
                    {handle}
                    <span className="nl-ordinal">{ordinals[si]![ii]}</span>
                    <div className="nl-item-main">
                      <Typography.Text>{item.title}</Typography.Text>
                      <div>
                        {item.unitName && <Tag>{item.unitName}</Tag>}
                        {item.credit && <Tag color="purple">{item.credit}</Tag>}
                        {item.sourceIds.length > 0 && <Tag color="cyan">经验 {item.sourceIds.length}</Tag>}
                        {item.caseIds.map((c) => (
                          <a key={c} href={`#/cases/${c}`}>
                            <Tag color="blue">案例 {c}</Tag>
                          </a>
                        ))}
                        <Typography.Text type="secondary">{item.paragraphs.length + item.parts.reduce((k, p) => k + p.paragraphs.length, 0)} 段</Typography.Text>
                      </div>
                      <FigureTags checks={figuresOf(item)} />
                    </div>
                    <Button size="small" type="text" icon={<EditOutlined />} aria-label={`编辑 ${item.title}`} onClick={() => setEditing(item)} />
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`删除 ${item.title}`}
                      onClick={() => change((d) => ({ ...d, sections: d.sections.map((x) => ({ ...x, items: x.items.filter((i) => i.key !== item.key) })) }))}
                    />
                  </div>
                )}
              </SortableRow>
            ))}
          </div>
        ))}
      </SortableContext>
    </DndContext>
  );

  return (
    <>
      <div className="page-head">
        <Button onClick={() => navigate({ page: 'newsletters' })}>返回列表</Button>
        <Typography.Title level={4}>
          《{NEWSLETTER_TITLE}》{issueNumberText(draft.number)}
        </Typography.Title>
        {dirty && <Tag color="orange">未保存</Tag>}
        <span className="grow" />
        <Space>
          <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} onClick={save}>
            保存（Ctrl+S）
          </Button>
          <Button icon={<FileWordOutlined />} disabled={itemCount === 0} onClick={exportWord}>
            导出 Word
          </Button>
          <Button danger icon={<DeleteOutlined />} onClick={remove}>
            删除本期
          </Button>
        </Space>
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <span>期号</span>
          <InputNumber aria-label="期号" min={1} max={100000} value={draft.number} onChange={(v) => typeof v === 'number' && change((d) => ({ ...d, number: v }))} addonBefore="第" addonAfter="期" />
          <span>日期</span>
          <DatePicker aria-label="日期" allowClear={false} value={dayjs(draft.date)} onChange={(v) => v && change((d) => ({ ...d, date: v.format('YYYY-MM-DD') }))} />
          <span>主办</span>
          <Input aria-label="主办" style={{ width: 160 }} maxLength={100} value={draft.sponsor} onChange={(e) => change((d) => ({ ...d, sponsor: e.target.value }))} />
          <span>编辑</span>
          <Input aria-label="编辑" style={{ width: 120 }} maxLength={100} value={draft.editor} onChange={(e) => change((d) => ({ ...d, editor: e.target.value }))} />
        </Space>
      </Card>
      <Tabs
        items={[
          {
            key: 'compose',
            label: `编排（${itemCount} 篇）`,
            children: (
              <Card
                size="small"
                title="栏目与文章（拖动排序，可拖到其他栏目；编号（一）…按全期顺序自动生成）"
                extra={
                  <Space>
                    <span>添加到</span>
                    <Select aria-label="添加到栏目" size="small" style={{ width: 140 }} value={Math.min(target, Math.max(0, draft.sections.length - 1))} onChange={setTarget} options={draft.sections.map((s, i) => ({ value: i, label: `${sectionOrdinal(i)}${s.name}` }))} />
                    <Button size="small" icon={<PlusOutlined />} disabled={!draft.sections.length} onClick={() => setPicking(true)}>
                      从案例添加
                    </Button>
                    <Button size="small" icon={<SnippetsOutlined />} disabled={!draft.sections.length} onClick={() => setPasting(true)}>
                      粘贴文章
                    </Button>
                    <Button size="small" onClick={() => change((d) => ({ ...d, sections: [...d.sections, { key: newKey('s'), name: '新栏目', items: [] }] }))}>
                      添加栏目
                    </Button>
                  </Space>
                }
              >
                {sectionsBlock}
              </Card>
            ),
          },
          { key: 'preview', label: '预览', children: <Preview draft={draft} /> },
          {
            key: 'figures',
            label: `数字核对（${figures.length}）`,
            children: (
              <Card size="small" title="文中数字与登记数字（按已保存的内容；保存后更新）">
                <Table<FigureCheck>
                  rowKey={(f) => `${f.itemId}-${f.statement}`}
                  size="small"
                  pagination={false}
                  dataSource={figures}
                  columns={[
                    { title: '文章', dataIndex: 'ordinal', width: 70 },
                    { title: '单位', dataIndex: 'unitName', width: 110, render: (u: string | null) => u ?? '（全省）' },
                    { title: '项目', dataIndex: 'label', width: 150 },
                    { title: '文中表述', dataIndex: 'statement' },
                    { title: '文中', dataIndex: 'stated', width: 70, align: 'right' },
                    { title: '登记', dataIndex: 'register', width: 70, align: 'right', render: (r: number | null, f) => <Typography.Text type={r === null ? 'secondary' : r === f.stated ? 'success' : 'warning'}>{r ?? '无数据'}</Typography.Text> },
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
      <CasePicker open={picking} onClose={() => setPicking(false)} onPick={(ids) => void fromCases(ids)} />
      <Modal title="粘贴文章" open={pasting} onCancel={() => setPasting(false)} onOk={fromText} okText="添加" okButtonProps={{ disabled: !pasted.trim() }} cancelText="取消" width={760} destroyOnHidden>
        <Typography.Paragraph type="secondary">第一行是标题，其后每段一行；“1. 小标题”一行开始一个小标题；开头的“新华社××电”作为来源。</Typography.Paragraph>
        <DialogKeys onSubmit={() => pasted.trim() && void fromText()}>
          <Input.TextArea aria-label="粘贴的文章" placeholder="Ctrl+Enter 添加" autoSize={{ minRows: 10, maxRows: 24 }} value={pasted} onChange={(e) => setPasted(e.target.value)} />
        </DialogKeys>
      </Modal>
      <ItemEditor
        item={editing}
        onClose={() => setEditing(null)}
        onSave={(i) => {
          change((d) => ({ ...d, sections: d.sections.map((s) => ({ ...s, items: s.items.map((x) => (x.key === i.key ? i : x)) })) }));
          setEditing(null);
        }}
      />
    </>
  );
}
