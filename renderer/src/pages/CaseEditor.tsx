import { CheckCircleOutlined, EyeOutlined, FileWordOutlined, HistoryOutlined, LoadingOutlined, SaveOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Checkbox, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Spin, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { bodyFromTemplate } from '../../../shared/body-ops';
import { contentOf } from '../../../shared/case-content';
import {
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  CASE_TYPE_LABELS,
  CASE_TYPES,
  HONOUR_LABELS,
  HONOURS,
  type Case,
  type CaseContent,
  type Finding,
} from '../../../shared/domain';
import { api, ApiCallError } from '../api';
import { BodyEditor } from '../components/BodyEditor';
import { CasePreview } from '../components/CasePreview';
import { useExport } from '../components/ExportResult';
import { FindingsList } from '../components/FindingsList';
import { RevisionsDrawer } from '../components/RevisionsDrawer';
import { StatusTag } from '../components/StatusTag';
import { errorText, fmtTime } from '../format';
import { useDebounced } from '../hooks';
import { navigate } from '../router';
import { useCommand } from '../shortcuts';
import { useVocab } from '../vocab';

type SaveState = 'saved' | 'dirty' | 'saving' | 'error';
const AUTOSAVE_MS = 1500;

function blank(template: string[]): CaseContent {
  return {
    title: '',
    type: 'replication',
    unitId: 0,
    fieldId: null,
    sourceId: null,
    year: new Date().getFullYear(),
    contactName: '',
    contactPhone: '',
    honours: [],
    status: 'draft',
    returnReason: '',
    lead: [],
    body: bodyFromTemplate(template),
  };
}

export function CaseEditor({ id }: { id: number | 'new' }) {
  const { message } = App.useApp();
  const { units, fields, sources, settings, reload } = useVocab();
  const [saved, setSaved] = useState<Case | null>(null);
  const [content, setContent] = useState<CaseContent | null>(null);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState('');
  const [findings, setFindings] = useState<Finding[]>([]);
  const [showRevisions, setShowRevisions] = useState(false);
  const [showPreview, setShowPreview] = useState(false);
  const runExport = useExport();
  const saving = useRef<Promise<Case | null> | null>(null);

  // Load the case, or start a new one from the type's template.
  useEffect(() => {
    if (id === 'new') {
      if (settings) setContent((c) => c ?? blank(settings.sectionTemplates.replication));
      return;
    }
    api['cases.get']({ id }).then(
      (c) => (setSaved(c), setContent(contentOf(c)), setState('saved')),
      (e) => message.error(errorText(e)),
    );
  }, [id, settings, message]);

  const edit = (patch: Partial<CaseContent>) => {
    setContent((c) => (c ? { ...c, ...patch } : c));
    setState('dirty');
  };

  const save = useCallback(
    async (mode: 'autosave' | 'explicit'): Promise<Case | null> => {
      if (!content) return null;
      if (!content.title.trim() || !content.unitId) {
        if (mode === 'explicit') message.warning('请先填写案例名称和提供单位');
        return null;
      }
      if (saving.current) await saving.current;
      setState('saving');
      const run = (async () => {
        try {
          const result = saved
            ? await api['cases.update']({ id: saved.id, content, expectedRevision: saved.revision, autosave: mode === 'autosave', note: mode === 'explicit' ? '保存' : undefined })
            : await api['cases.create'](content);
          setSaved(result);
          setState('saved');
          setError('');
          if (!saved) window.history.replaceState(null, '', `#/cases/${result.id}`);
          return result;
        } catch (e) {
          setState('error');
          setError(errorText(e));
          if (e instanceof ApiCallError && e.error.code === 'conflict') message.error(errorText(e));
          return null;
        }
      })();
      saving.current = run;
      const result = await run;
      saving.current = null;
      return result;
    },
    [content, saved, message],
  );

  // Autosave once typing pauses; Ctrl+S saves at once and keeps a version.
  const settled = useDebounced(content, AUTOSAVE_MS);
  useEffect(() => {
    if (state === 'dirty' && settled === content) void save('autosave');
  }, [settled]); // eslint-disable-line react-hooks/exhaustive-deps

  useCommand((cmd) => {
    if (cmd !== 'save') return false;
    void save('explicit').then((c) => c && message.success(`已保存（第 ${c.revision} 版）`));
  });

  // Leaving the page (or closing the window) before the autosave pause ends must not lose the last keystrokes.
  const pending = useRef({ state, content, saved });
  pending.current = { state, content, saved };
  useEffect(() => {
    const flush = () => {
      const { state: st, content: c, saved: s } = pending.current;
      if (st !== 'dirty' || !c || !s || !c.title.trim() || !c.unitId) return;
      void api['cases.update']({ id: s.id, content: c, expectedRevision: s.revision, autosave: true });
    };
    window.addEventListener('beforeunload', flush);
    return () => (window.removeEventListener('beforeunload', flush), flush());
  }, []);

  // The proofreader follows the text as the clerk types.
  const toCheck = useDebounced(content, 700);
  useEffect(() => {
    if (!toCheck || !toCheck.title) return setFindings([]);
    const valid = toCheck.unitId ? toCheck : { ...toCheck, unitId: units[0]?.id ?? 1 };
    api['proofread.case']({ content: valid, caseId: saved?.id ?? null }).then(setFindings, () => setFindings([]));
  }, [toCheck, saved?.id, units]);

  const fix = async (list: Finding[]) => {
    const current = state === 'saved' ? saved : await save('explicit');
    if (!current) return;
    try {
      const fixed = await api['proofread.applyFixes']({ caseId: current.id, fixes: list.map((f) => f.fix!).filter(Boolean), expectedRevision: current.revision });
      setSaved(fixed);
      setContent(contentOf(fixed));
      setState('saved');
      message.success(`已修复 ${list.length} 处`);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  if (!content || !settings) return <Spin />;
  const unitName = units.find((u) => u.id === content.unitId)?.name ?? '';
  const stateText = {
    saved: saved ? `已保存 · 第 ${saved.revision} 版 · ${fmtTime(saved.updatedAt)}` : '未保存',
    dirty: '有未保存的修改',
    saving: '正在保存…',
    error: `保存失败：${error}`,
  }[state];
  const stateIcon = { saved: <CheckCircleOutlined />, dirty: <WarningOutlined />, saving: <LoadingOutlined />, error: <WarningOutlined /> }[state];
  const errors = findings.filter((f) => f.severity === 'error').length;

  return (
    <>
      <div className="page-head">
        <Button onClick={() => navigate({ page: 'cases' })}>返回案例库</Button>
        <Typography.Title level={4} ellipsis style={{ maxWidth: 520 }}>
          {content.title || '新建案例'}
        </Typography.Title>
        {saved && <StatusTag status={saved.status} />}
        <Typography.Text type={state === 'error' ? 'danger' : 'secondary'} className="save-state" data-testid="save-state">
          {stateIcon} {stateText}
        </Typography.Text>
        <span className="grow" />
        <Space>
          <Button type="primary" icon={<SaveOutlined />} onClick={() => void save('explicit').then((c) => c && message.success(`已保存（第 ${c.revision} 版）`))}>
            保存
          </Button>
          <Button icon={<EyeOutlined />} onClick={() => setShowPreview(true)}>
            预览
          </Button>
          <Button icon={<HistoryOutlined />} disabled={!saved} onClick={() => setShowRevisions(true)}>
            版本
          </Button>
          <Button icon={<FileWordOutlined />} disabled={!saved} onClick={() => saved && runExport(() => api['export.caseDocx']({ id: saved.id }), '案例 Word')}>
            导出 Word
          </Button>
        </Space>
      </div>
      <Row gutter={16}>
        <Col span={16}>
          <Card size="small" title="基本信息" style={{ marginBottom: 12 }}>
            <Form layout="vertical" size="small" requiredMark>
              <Form.Item label="案例名称" required style={{ marginBottom: 8 }}>
                <Input aria-label="案例名称" value={content.title} placeholder="如：“跨境电商监管新模式”复制推广典型案例" onChange={(e) => edit({ title: e.target.value })} />
              </Form.Item>
              <Row gutter={8}>
                <Col span={8}>
                  <Form.Item label="提供单位" required style={{ marginBottom: 8 }}>
                    <Select
                      aria-label="提供单位"
                      showSearch={{ optionFilterProp: 'label' }}
                      value={content.unitId || undefined}
                      placeholder="选择单位"
                      onChange={(v) => edit({ unitId: v })}
                      options={units.map((u) => ({ value: u.id, label: u.name }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label="类型" style={{ marginBottom: 8 }}>
                    <Select
                      aria-label="类型"
                      value={content.type}
                      onChange={(v) => {
                        const untouched = !saved && content.body.every((s) => s.paragraphs.every((p) => !p) && s.items.length === 0);
                        edit({ type: v, ...(untouched ? { body: bodyFromTemplate(settings.sectionTemplates[v]) } : {}) });
                      }}
                      options={CASE_TYPES.map((t) => ({ value: t, label: CASE_TYPE_LABELS[t] }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label="领域" style={{ marginBottom: 8 }}>
                    <Select aria-label="领域" allowClear value={content.fieldId ?? undefined} placeholder="选择领域" onChange={(v) => edit({ fieldId: v ?? null })} options={fields.map((f) => ({ value: f.id, label: f.name }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={8}>
                <Col span={12}>
                  <Form.Item label="复制推广来源" style={{ marginBottom: 8 }}>
                    <Select
                      aria-label="复制推广来源"
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      value={content.sourceId ?? undefined}
                      placeholder="选择或在设置中添加"
                      onChange={(v) => edit({ sourceId: v ?? null })}
                      options={sources.map((s) => ({ value: s.id, label: s.name }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item label="年度" style={{ marginBottom: 8 }}>
                    <InputNumber aria-label="年度" style={{ width: '100%' }} min={1990} max={2100} value={content.year} onChange={(v) => edit({ year: v ?? null })} />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item label="联系人" style={{ marginBottom: 8 }}>
                    <Input aria-label="联系人" value={content.contactName} onChange={(e) => edit({ contactName: e.target.value })} />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item label="电话" style={{ marginBottom: 8 }}>
                    <Input aria-label="电话" value={content.contactPhone} onChange={(e) => edit({ contactPhone: e.target.value })} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={8}>
                <Col span={8}>
                  <Form.Item label="状态" style={{ marginBottom: 8 }}>
                    <Select aria-label="状态" value={content.status} onChange={(v) => edit({ status: v })} options={CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))} />
                  </Form.Item>
                </Col>
                <Col span={16}>
                  <Form.Item label="荣誉" style={{ marginBottom: 8 }}>
                    <Checkbox.Group value={content.honours} onChange={(v) => edit({ honours: v as CaseContent['honours'] })} options={HONOURS.map((h) => ({ value: h, label: HONOUR_LABELS[h] }))} />
                  </Form.Item>
                </Col>
              </Row>
              {content.status === 'returned' && (
                <Form.Item label="退回理由" style={{ marginBottom: 8 }}>
                  <Input.TextArea autoSize value={content.returnReason} onChange={(e) => edit({ returnReason: e.target.value })} />
                </Form.Item>
              )}
            </Form>
          </Card>
          <Card size="small" title="正文" extra={<Typography.Text type="secondary">序号按层级自动编排，请勿手工输入</Typography.Text>}>
            <Typography.Text type="secondary">导语（可空）</Typography.Text>
            {content.lead.map((p, i) => (
              <div className="para-row" key={i}>
                <Input.TextArea aria-label={`导语第${i + 1}段`} autoSize value={p} onChange={(e) => edit({ lead: content.lead.map((x, j) => (j === i ? e.target.value : x)) })} />
                <Button size="small" type="text" danger onClick={() => edit({ lead: content.lead.filter((_, j) => j !== i) })}>
                  删除
                </Button>
              </div>
            ))}
            <div className="toolbar" style={{ margin: '4px 0 8px' }}>
              <Button size="small" onClick={() => edit({ lead: [...content.lead, ''] })}>
                添加导语段落
              </Button>
            </div>
            <BodyEditor body={content.body} onChange={(body) => edit({ body })} template={settings.sectionTemplates[content.type]} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small" style={{ position: 'sticky', top: 0 }}>
            <Tabs
              size="small"
              items={[
                {
                  key: 'check',
                  label: (
                    <Badge count={errors} size="small" offset={[8, 0]}>
                      规范检查
                    </Badge>
                  ),
                  children: (
                    <div style={{ maxHeight: 'calc(100vh - 200px)', overflow: 'auto' }}>
                      <FindingsList compact findings={findings} onFix={fix} />
                    </div>
                  ),
                },
                {
                  key: 'preview',
                  label: '预览',
                  children: (
                    <div style={{ maxHeight: 'calc(100vh - 200px)', overflow: 'auto', zoom: 0.7 }}>
                      <CasePreview title={content.title} unitName={unitName} lead={content.lead} body={content.body} />
                    </div>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Drawer title="打印预览" width={820} open={showPreview} onClose={() => setShowPreview(false)}>
        <CasePreview title={content.title} unitName={unitName} lead={content.lead} body={content.body} />
      </Drawer>
      {saved && (
        <RevisionsDrawer
          caseId={saved.id}
          open={showRevisions}
          current={content}
          onClose={() => setShowRevisions(false)}
          onRestored={() => api['cases.get']({ id: saved.id }).then((c) => (setSaved(c), setContent(contentOf(c)), void reload()))}
        />
      )}
    </>
  );
}
