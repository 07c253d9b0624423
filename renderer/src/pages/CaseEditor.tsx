import { CheckCircleOutlined, EyeOutlined, FileWordOutlined, HistoryOutlined, LoadingOutlined, SaveOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Spin, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { bodyFromTemplate } from '../../../shared/body-ops';
import { contentOf } from '../../../shared/case-content';
import {
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  CASE_TYPE_LABELS,
  CASE_TYPES,
  type Case,
  type CaseContent,
  type Finding,
} from '../../../shared/domain';
import { api, ApiCallError } from '../api';
import { BodyEditor, LeadEditor, type BodyChange } from '../components/BodyEditor';
import { ConflictDialog } from '../components/ConflictDialog';
import { CasePreview } from '../components/CasePreview';
import { useExport } from '../components/ExportResult';
import { FindingsList } from '../components/FindingsList';
import { RevisionsDrawer } from '../components/RevisionsDrawer';
import { CaseLevelHistory, HonoursSummary } from '../components/CaseLevelHistory';
import { Stable } from '../components/Stable';
import { StatusTag } from '../components/StatusTag';
import { errorText, fmtTime } from '../format';
import { useDebounced, useLatestCallback } from '../hooks';
import { setLeaveGuard } from '../leave-guard';
import { CASE_LIMITS, countOf, overLimit } from '../limits';
import { navigate } from '../router';
import { useCommand } from '../shortcuts';
import { UndoHistory } from '../undo-history';
import { useVocab } from '../vocab';

type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict';
const AUTOSAVE_MS = 1500;
/** The side panel's preview follows the text once typing pauses this long, not at every keystroke (issue 13). */
const PREVIEW_MS = 300;

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

/** A random id for this editor's new case: a create retried with it (double click, Ctrl+S during autosave) makes one case. */
function newClientToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `editor-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const sameContent = (a: CaseContent, b: CaseContent) => JSON.stringify(a) === JSON.stringify(b);

/** Why this content cannot be saved yet, in Chinese; null when it can. */
function unsaveable(c: CaseContent): string | null {
  const missing = [!c.title.trim() && '案例名称', !c.unitId && '提供单位'].filter(Boolean);
  if (missing.length) return `还没有填写${missing.join('和')}，无法保存`;
  return overLimit(c);
}

type BodyState = Pick<CaseContent, 'lead' | 'body'>;

// The same elements at every render, so that React does not render them again at each keystroke.
const BODY_HINT = <Typography.Text type="secondary">序号按层级自动编排，请勿手工输入 · Ctrl+Z 撤销，Ctrl+Shift+Z 重做</Typography.Text>;
const LEAD_LABEL = <Typography.Text type="secondary">导语（可空）</Typography.Text>;

/** The form's fields (keys and values, everything but the text): what the «基本信息» card re-renders on. */
const infoDeps = (c: CaseContent) => Object.entries(c).flatMap(([k, v]) => (k === 'lead' || k === 'body' ? [] : [k, v]));

export function CaseEditor({ id }: { id: number | 'new' }) {
  const { message, modal } = App.useApp();
  const { units, fields, sources, settings, reload } = useVocab();
  const [saved, setSaved] = useState<Case | null>(null);
  const [content, setContent] = useState<CaseContent | null>(null);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState('');
  const [findings, setFindings] = useState<Finding[]>([]);
  const [showRevisions, setShowRevisions] = useState(false);
  const [showPreview, setShowPreview] = useState(false);
  const [conflict, setConflict] = useState<{ mine: CaseContent; theirs: Case } | null>(null);
  const [resolving, setResolving] = useState(false);
  const runExport = useExport();

  // The latest values, for saves that finish after a newer render and for the leave guard.
  const savedRef = useRef<Case | null>(null);
  const contentRef = useRef<CaseContent | null>(null);
  const initialRef = useRef<CaseContent | null>(null); // a new case's blank, to tell typed text from none
  const inflight = useRef<Promise<Case | null> | null>(null);
  const conflictRef = useRef(false);
  const clientToken = useRef(newClientToken());
  const history = useRef(new UndoHistory<BodyState>());
  savedRef.current = saved;
  contentRef.current = content;
  conflictRef.current = conflict !== null;

  const load = (c: Case) => {
    savedRef.current = c;
    setSaved(c);
    setContent(contentOf(c));
    setState('saved');
  };

  // Load the case, or start a new one from the type's template.
  useEffect(() => {
    if (id === 'new') {
      if (settings)
        setContent((c) => {
          if (c) return c;
          const start = blank(settings.sectionTemplates.replication);
          initialRef.current = start;
          return start;
        });
      return;
    }
    api['cases.get']({ id }).then(load, (e) => message.error(errorText(e)));
  }, [id, settings, message]);

  const edit = (patch: Partial<CaseContent>) => {
    setContent((c) => (c ? { ...c, ...patch } : c));
    setState((st) => (st === 'conflict' ? st : 'dirty'));
  };

  /** Lead and body edits go through the undo history; a removal offers «撤销». */
  const editBody = (patch: Partial<BodyState>, change?: BodyChange) => {
    const c = contentRef.current;
    if (!c) return;
    const step = history.current.record({ lead: c.lead, body: c.body }, change ? 'structure' : 'typing');
    edit(patch);
    if (change?.kind === 'remove') {
      message.open({
        key: 'removed',
        type: 'info',
        duration: 8,
        content: (
          <span data-testid="removed-message">
            已删除{change.what}{' '}
            <Button size="small" type="link" onClick={() => (restoreStep(step), message.destroy('removed'))}>
              撤销
            </Button>
          </span>
        ),
      });
    }
  };

  // Stable handlers for the body and the 导语 (memo'd editors), calling the latest editBody.
  const onBody = useLatestCallback((body: CaseContent['body'], change?: BodyChange) => editBody({ body }, change));
  const onLead = useLatestCallback((lead: string[], change?: BodyChange) => editBody({ lead }, change));

  const applyBodyState = (next: BodyState | null) => {
    if (!next) return;
    edit({ lead: next.lead, body: next.body });
  };
  const current = (): BodyState => ({ lead: contentRef.current!.lead, body: contentRef.current!.body });
  const restoreStep = (step: number) => contentRef.current && applyBodyState(history.current.undoTo(step, current()));
  const undo = () => contentRef.current && applyBodyState(history.current.undo(current()));
  const redo = () => contentRef.current && applyBodyState(history.current.redo(current()));

  // Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) in the body, or with nothing focused (after a click on 删除).
  const bodyArea = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      const target = e.target as Node | null;
      const inBody = !!target && !!bodyArea.current?.contains(target);
      if (!inBody && target !== document.body) return; // other fields keep the browser's own undo
      e.preventDefault();
      if (key === 'y' || e.shiftKey) redo();
      else undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- bound once: undo and redo read the state through refs and call stable setters, so a keystroke does not re-bind it

  /**
   * Saves what is on screen. One save at a time: a second (double click, Ctrl+S while the autosave runs) waits
   * for the first and then finds nothing new, or updates the case the first one created.
   */
  const save = useCallback(
    async (mode: 'autosave' | 'explicit'): Promise<Case | null> => {
      while (inflight.current) await inflight.current;
      const c = contentRef.current;
      if (!c || conflictRef.current) return null;
      const problem = unsaveable(c);
      if (problem) {
        if (mode === 'explicit') message.warning(problem);
        if (overLimit(c)) (setState('error'), setError(problem));
        return null;
      }
      const base = savedRef.current;
      if (base && sameContent(contentOf(base), c)) {
        setState('saved');
        return base;
      }
      const run = (async () => {
        setState('saving');
        try {
          const result = base
            ? await api['cases.update']({ id: base.id, content: c, expectedRevision: base.revision, autosave: mode === 'autosave', note: mode === 'explicit' ? '保存' : undefined })
            : await api['cases.create']({ ...c, clientToken: clientToken.current });
          savedRef.current = result;
          setSaved(result);
          setState(contentRef.current === c ? 'saved' : 'dirty');
          setError('');
          if (!base) window.history.replaceState(null, '', `#/cases/${result.id}`);
          return result;
        } catch (e) {
          if (base && e instanceof ApiCallError && e.error.code === 'conflict') {
            setState('conflict');
            try {
              const theirs = await api['cases.get']({ id: base.id });
              conflictRef.current = true;
              setConflict({ mine: c, theirs });
            } catch (e2) {
              setError(errorText(e2));
            }
            return null;
          }
          setState('error');
          setError(errorText(e));
          return null;
        }
      })();
      inflight.current = run;
      try {
        return await run;
      } finally {
        inflight.current = null;
      }
    },
    [message],
  );

  const keepMine = async () => {
    if (!conflict) return;
    setResolving(true);
    try {
      const mine = contentRef.current ?? conflict.mine;
      const result = await api['cases.update']({ id: conflict.theirs.id, content: mine, expectedRevision: conflict.theirs.revision, note: '冲突后保留本机修改' });
      savedRef.current = result;
      setSaved(result);
      setState(sameContent(contentOf(result), contentRef.current ?? mine) ? 'saved' : 'dirty');
      conflictRef.current = false;
      setConflict(null);
      message.success(`已保存为第 ${result.revision} 版，对方的版本在版本记录中`);
    } catch (e) {
      if (e instanceof ApiCallError && e.error.code === 'conflict') {
        const theirs = await api['cases.get']({ id: conflict.theirs.id });
        setConflict({ mine: contentRef.current ?? conflict.mine, theirs }); // moved again: compare anew
      } else message.error(errorText(e));
    } finally {
      setResolving(false);
    }
  };

  const takeTheirs = () => {
    if (!conflict) return;
    const mine = contentRef.current ?? conflict.mine;
    history.current.record({ lead: mine.lead, body: mine.body }, 'structure'); // Ctrl+Z brings the clerk's text back
    conflictRef.current = false;
    setConflict(null);
    load(conflict.theirs);
    message.info('已采用对方的版本；按 Ctrl+Z 可找回您的正文');
  };

  // Autosave once typing pauses; Ctrl+S saves at once and keeps a version.
  const settled = useDebounced(content, AUTOSAVE_MS);
  useEffect(() => {
    if (state === 'dirty' && settled === content) void save('autosave');
  }, [settled]); // eslint-disable-line react-hooks/exhaustive-deps

  const saveNow = () => void save('explicit').then((c) => c && message.success(`已保存（第 ${c.revision} 版）`));
  useCommand((cmd) => {
    if (cmd !== 'save') return false;
    saveNow();
  });

  /** Text on screen that is not in the database. */
  const unsavedWork = (): CaseContent | null => {
    const c = contentRef.current;
    if (!c) return null;
    const base = savedRef.current ? contentOf(savedRef.current) : initialRef.current;
    return base && sameContent(base, c) ? null : c;
  };

  // Leaving for another page: save what can be saved; ask before dropping what cannot.
  useEffect(
    () =>
      setLeaveGuard(() => {
        const c = unsavedWork();
        if (!c) return true;
        return (async () => {
          if (!unsaveable(c) && !conflictRef.current && (await save('autosave'))) return true;
          const reason = conflictRef.current ? '与别处的修改有冲突，还没有保存' : (unsaveable(c) ?? '保存没有成功');
          return new Promise<boolean>((resolve) =>
            modal.confirm({
              title: '离开会丢弃还没保存的内容',
              content: `这个案例${reason}。离开后刚才输入的内容将丢失。`,
              okText: '放弃并离开',
              okButtonProps: { danger: true },
              cancelText: '留下继续编辑',
              onOk: () => resolve(true),
              onCancel: () => resolve(false),
            }),
          );
        })();
      }),
    [save, modal], // eslint-disable-line react-hooks/exhaustive-deps
  );

  // Closing or reloading the window: a saveable change is sent at once (a new case with its token, so it
  // cannot be made twice); text that cannot be saved makes the browser (or Electron's main process) ask.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      const c = unsavedWork();
      if (!c) return;
      const s = savedRef.current;
      if (!unsaveable(c) && !conflictRef.current) {
        if (s) void api['cases.update']({ id: s.id, content: c, expectedRevision: s.revision, autosave: true });
        else {
          void api['cases.create']({ ...c, clientToken: clientToken.current });
          e.preventDefault(); // the create needs a moment; asking gives it one
          e.returnValue = '';
        }
        return;
      }
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  // The proofreader follows the text as the clerk types.
  const toCheck = useDebounced(content, 700);
  const shown = useDebounced(content, PREVIEW_MS);
  useEffect(() => {
    // The same findings as before (typing that changes none) keep their array, so the list is not rendered again.
    const setFindingsIfChanged = (next: Finding[]) => setFindings((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
    if (!toCheck || !toCheck.title) return setFindingsIfChanged([]);
    const valid = toCheck.unitId ? toCheck : { ...toCheck, unitId: units[0]?.id ?? 1 };
    api['proofread.case']({ content: valid, caseId: saved?.id ?? null }).then(setFindingsIfChanged, () => setFindingsIfChanged([]));
  }, [toCheck, saved?.id, units]);

  const fix = async (list: Finding[]) => {
    const current = state === 'saved' ? saved : await save('explicit');
    if (!current) return;
    try {
      const fixed = await api['proofread.applyFixes']({ caseId: current.id, fixes: list.map((f) => f.fix!).filter(Boolean), expectedRevision: current.revision });
      history.current.record({ lead: current.lead, body: current.body }, 'structure');
      load(fixed);
      message.success(`已修复 ${list.length} 处`);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  // The findings list's 修复 calls the latest `fix` (which reads the save state): the list need not render again when the state changes at the first keystroke.
  const onFix = useLatestCallback((list: Finding[]) => fix(list));

  if (!content || !settings) return <Spin />;
  const preview = shown ?? content; // the text as of the last pause in typing
  const unitName = units.find((u) => u.id === preview.unitId)?.name ?? '';
  // Only the current state's text: the saved time is formatted (dayjs) when shown, not at every keystroke.
  const stateText = {
    saved: () => (saved ? `已保存 · 第 ${saved.revision} 版 · ${fmtTime(saved.updatedAt)}` : '未保存'),
    dirty: () => '有未保存的修改',
    saving: () => '正在保存…',
    error: () => `保存失败：${error}`,
    conflict: () => (error ? `有冲突：${error}` : '与别处的修改有冲突，请选择保留哪一份'),
  }[state]();
  const stateIcon = state === 'saved' ? <CheckCircleOutlined /> : state === 'saving' ? <LoadingOutlined /> : <WarningOutlined />;
  const errors = findings.filter((f) => f.severity === 'error').length;

  return (
    <>
      {/* The save state changes at the first key after each save: it renders alone, not the title and the buttons. */}
      <div className="page-head">
        <Stable deps={[content.title, saved]}>{() => (
        <>
          <Button onClick={() => navigate({ page: 'cases' })}>返回案例库</Button>
          <Typography.Title level={4} ellipsis style={{ maxWidth: 520 }}>
            {content.title || '新建案例'}
          </Typography.Title>
          {saved && <StatusTag status={saved.status} />}
        </>
        )}</Stable>
        <Typography.Text type={state === 'error' || state === 'conflict' ? 'danger' : 'secondary'} className="save-state" data-testid="save-state">
          {stateIcon} {stateText}
        </Typography.Text>
        <span className="grow" />
        <Stable deps={[saved]}>{() => (
        <Space>
          <Button type="primary" icon={<SaveOutlined />} onClick={saveNow}>
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
        )}</Stable>
      </div>
      {/* Plain columns (antd's Row and Col, with their breakpoint hooks, rendered again at every keystroke): the same 16 + 8 of 24 and 16 px gutter. */}
      <div className="editor-cols">
        <div className="editor-main">
          {/* Typing in the body changes none of these: the form renders again only when a field, a vocabulary or the case changes. */}
          <Stable deps={[...infoDeps(content), units, fields, sources, settings, id]}>{() => (
          <Card size="small" title="基本信息" style={{ marginBottom: 12 }}>
            <Form layout="vertical" size="small" requiredMark>
              <Form.Item label="案例名称" required style={{ marginBottom: 8 }}>
                <Input aria-label="案例名称" autoFocus={id === 'new'} value={content.title} count={countOf(CASE_LIMITS.title, content.title, true)} placeholder="如：“跨境电商监管新模式”复制推广典型案例" onChange={(e) => edit({ title: e.target.value })} />
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
                        const untouched = !savedRef.current && contentRef.current!.body.every((s) => s.paragraphs.every((p) => !p) && s.items.length === 0);
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
                    <Input aria-label="联系人" value={content.contactName} count={countOf(CASE_LIMITS.contactName, content.contactName)} onChange={(e) => edit({ contactName: e.target.value })} />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item label="电话" style={{ marginBottom: 8 }}>
                    <Input aria-label="电话" value={content.contactPhone} count={countOf(CASE_LIMITS.contactPhone, content.contactPhone)} onChange={(e) => edit({ contactPhone: e.target.value })} />
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
                  <Form.Item label="荣誉" style={{ marginBottom: 8 }} tooltip="由下方登记的级别得出">
                    <HonoursSummary honours={content.honours} />
                  </Form.Item>
                </Col>
              </Row>
              {content.status === 'returned' && (
                <Form.Item label="退回理由" style={{ marginBottom: 8 }}>
                  <Input.TextArea autoSize value={content.returnReason} count={countOf(CASE_LIMITS.returnReason, content.returnReason, true)} onChange={(e) => edit({ returnReason: e.target.value })} />
                </Form.Item>
              )}
            </Form>
          </Card>
          )}</Stable>
          {typeof id === 'number' && (
            <Stable deps={[id, content.unitId]}>
              {() => (
                <CaseLevelHistory
                  caseId={id}
                  unitId={content.unitId}
                  // a step changes the case's 荣誉: reload them so that the next save does not write the old ones back
                  onChanged={() => void api['cases.get']({ id }).then((c) => (savedRef.current = c, setSaved(c), setContent((x) => x && { ...x, honours: c.honours })))}
                />
              )}
            </Stable>
          )}
          {/* A keystroke renders this card and the 导语 or body editor (memo, with stable handlers), of that only the row typed in. */}
          <Card size="small" title="正文" extra={BODY_HINT}>
            <div ref={bodyArea}>
            {LEAD_LABEL}
            <LeadEditor lead={content.lead} onChange={onLead} />
            <BodyEditor body={content.body} onChange={onBody} template={settings.sectionTemplates[content.type]} />
            </div>
          </Card>
        </div>
        <div className="editor-side">
          {/* The findings and the preview change when the check answers or typing pauses, not at each keystroke. */}
          <Stable deps={[findings, errors, preview, unitName, onFix]}>{() => (
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
                  // each tab renders again only when what it shows changes (the preview when typing pauses, the list when the check answers)
                  children: (
                    <Stable deps={[findings, onFix]}>{() => (
                    <div style={{ maxHeight: 'calc(100vh - 200px)', overflow: 'auto' }}>
                      <FindingsList compact findings={findings} onFix={onFix} />
                    </div>
                    )}</Stable>
                  ),
                },
                {
                  key: 'preview',
                  label: '预览',
                  children: (
                    <Stable deps={[preview, unitName]}>{() => (
                    <div style={{ maxHeight: 'calc(100vh - 200px)', overflow: 'auto', zoom: 0.7 }}>
                      <CasePreview title={preview.title} unitName={unitName} lead={preview.lead} body={preview.body} />
                    </div>
                    )}</Stable>
                  ),
                },
              ]}
            />
          </Card>
          )}</Stable>
        </div>
      </div>
      {/* Closed drawers need not render at each keystroke: the preview follows the paused text, the revisions the case. */}
      <Stable deps={[showPreview, preview, unitName]}>{() => (
      <Drawer title="打印预览" width={820} open={showPreview} onClose={() => setShowPreview(false)}>
        <CasePreview title={preview.title} unitName={unitName} lead={preview.lead} body={preview.body} />
      </Drawer>
      )}</Stable>
      {saved && (
        <Stable deps={[saved, showRevisions, showRevisions && content, reload]}>{() => (
        <RevisionsDrawer
          caseId={saved.id}
          open={showRevisions}
          current={content}
          onClose={() => setShowRevisions(false)}
          onRestored={() => api['cases.get']({ id: saved.id }).then((c) => (history.current.record(current(), 'structure'), load(c), void reload()))}
        />
        )}</Stable>
      )}
      {conflict && <ConflictDialog mine={content} theirs={conflict.theirs} busy={resolving} onKeepMine={() => void keepMine()} onTakeTheirs={takeTheirs} />}
    </>
  );
}
