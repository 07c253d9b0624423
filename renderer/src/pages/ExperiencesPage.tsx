import { FileExcelOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { EXPERIENCE_KINDS, EXPERIENCE_KIND_LABELS, type CataloguePreview, type Experience, type ExperienceInput } from '../../../shared/register';
import { api } from '../api';
import { useExport } from '../components/ExportResult';
import { errorText, fileToBase64 } from '../format';
import { useVocab } from '../vocab';
import { DialogKeys } from '../components/DialogKeys';
import { EmptyHint } from '../components/EmptyHint';

// 经验目录: national pilot experiences and best practices by batch, other FTZs' innovations by origin; import
// from a sheet with a preview that marks each bad row, and what the importer of circulars proposed per case.

type Preview = CataloguePreview & { notice: string | null; fileName: string; base64: string };
type Proposal = Awaited<ReturnType<(typeof api)['register.proposals']>>[number];

export function ExperiencesPage() {
  const { message } = App.useApp();
  const { fields, reload } = useVocab();
  const [list, setList] = useState<Experience[] | null>(null);
  const [proposals, setProposals] = useState<Proposal[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [editing, setEditing] = useState<Partial<Experience> | null>(null);
  const [form] = Form.useForm<ExperienceInput>();
  const fileInput = useRef<HTMLInputElement>(null);
  const runExport = useExport();

  const load = useCallback(async () => {
    const [l, p] = await Promise.all([api['register.experiences']({}), api['register.proposals']({})]);
    setList(l);
    setProposals(p);
  }, []);
  useEffect(() => {
    load().catch((e) => message.error(errorText(e)));
  }, [load, message]);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    try {
      const base64 = await fileToBase64(file);
      setPreview({ ...(await api['register.previewCatalogue']({ fileName: file.name, base64 })), fileName: file.name, base64 });
    } catch (e) {
      message.error(errorText(e));
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };
  const commit = async () => {
    if (!preview) return;
    try {
      const r = await api['register.importCatalogue']({ fileName: preview.fileName, base64: preview.base64, acceptGoodRows: preview.bad > 0 });
      message.success(`已导入：新增 ${r.created} 条，更新 ${r.updated} 条${r.skipped ? `，跳过有误的 ${r.skipped} 行` : ''}`);
      setPreview(null);
      await Promise.all([load(), reload()]);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const save = async () => {
    const v = await form.validateFields();
    try {
      await api['register.saveExperience']({ ...v, id: editing?.id, batchNo: v.batchNo ?? null, year: v.year ?? null, area: v.area ?? '', origin: v.origin ?? '', sourceDoc: v.sourceDoc ?? '' });
      setEditing(null);
      await Promise.all([load(), reload()]);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const confirm = async (items: { caseId: number }[]) => {
    await api['register.confirmProposals']({ items });
    await load();
  };

  return (
    <>
      <div className="page-head">
        <Typography.Title level={4}>经验目录</Typography.Title>
        <span className="grow" />
        <input ref={fileInput} type="file" accept=".xlsx,.csv" hidden aria-label="选择目录文件" onChange={(e) => void pick(e.target.files?.[0])} />
        <Button icon={<ImportOutlined />} onClick={() => fileInput.current?.click()}>
          导入 Excel/CSV
        </Button>
        <Button icon={<FileExcelOutlined />} onClick={() => runExport(() => api['export.catalogueXlsx']({}), '经验目录')}>
          导出 Excel
        </Button>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            form.setFieldsValue({ name: '', kind: 'pilot', batchNo: null, area: '', origin: '', year: null, sourceDoc: '' });
            setEditing({});
          }}
        >
          添加经验
        </Button>
      </div>
      <Tabs
        items={[
          {
            key: 'list',
            label: `目录（${list?.length ?? 0}）`,
            children: (
              <Table<Experience>
                rowKey="id"
                size="small"
                loading={list === null}
                dataSource={list ?? []}
                locale={{ emptyText: <EmptyHint>经验目录为空：点上方“导入 Excel/CSV”读入国务院和省里印发的经验清单，或点“添加经验”逐条录入</EmptyHint> }}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                onRow={(e) => ({ onDoubleClick: () => (form.setFieldsValue(e), setEditing(e)) })}
                columns={[
                  { title: '名称', dataIndex: 'name' },
                  { title: '类别', dataIndex: 'kind', width: 150, render: (k: Experience['kind']) => EXPERIENCE_KIND_LABELS[k] },
                  { title: '批次', dataIndex: 'batchLabel', width: 230 },
                  { title: '领域', dataIndex: 'area', width: 110 },
                  { title: '原创新负责部门（单位）', dataIndex: 'origin', width: 200 },
                  { title: '年份', dataIndex: 'year', width: 64 },
                  { title: '案例', dataIndex: 'caseCount', width: 56, align: 'right' },
                ]}
              />
            ),
          },
          {
            key: 'proposals',
            label: `导入建议（${proposals.length}）`,
            children: (
              <>
                <Space style={{ marginBottom: 8 }}>
                  <Typography.Text type="secondary">导入通知时按正文建议的复制推广来源和领域，已写入案例；确认后不再列出，也可在案例中修改。</Typography.Text>
                  <Button disabled={!proposals.length} onClick={() => void confirm(proposals.map((p) => ({ caseId: p.caseId })))}>
                    全部确认
                  </Button>
                </Space>
                <Table<Proposal>
                  rowKey="caseId"
                  size="small"
                  dataSource={proposals}
                  locale={{ emptyText: <EmptyHint>没有待确认的对应：案例填写了“复制推广来源”后，程序在这里列出它对应的经验，确认后记入台账</EmptyHint> }}
                  pagination={{ pageSize: 50, hideOnSinglePage: true }}
                  columns={[
                    { title: '案例', dataIndex: 'title', render: (t: string, p) => <a href={`#/cases/${p.caseId}`}>{t}</a> },
                    { title: '复制推广来源', dataIndex: 'experienceName', width: 240 },
                    { title: '领域', dataIndex: 'fieldName', width: 120 },
                    { title: '依据', dataIndex: 'reason', width: 260 },
                    { title: '', key: 'ok', width: 72, render: (_, p) => <Button size="small" onClick={() => void confirm([{ caseId: p.caseId }])}>确认</Button> },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
      <Modal
        open={preview !== null}
        width={980}
        title={`导入预览：${preview?.fileName ?? ''}`}
        onCancel={() => setPreview(null)}
        onOk={() => void commit()}
        okText={preview && preview.bad > 0 ? `只导入正确的 ${preview.good} 行` : `导入 ${preview?.good ?? 0} 行`}
        okButtonProps={{ disabled: !preview || preview.good === 0 }}
        cancelText="取消"
      >
        {preview && (
          <>
            {preview.notice && <Alert type="info" showIcon message={preview.notice} style={{ marginBottom: 8 }} />}
            {preview.bad > 0 && <Alert type="error" showIcon message={`${preview.bad} 行有误，确认前不会导入任何内容；有误的行将被跳过。`} style={{ marginBottom: 8 }} />}
            <Typography.Paragraph type="secondary">
              识别的列：{preview.columns.map((c) => (c.field ? c.header : `${c.header}（未用）`)).join('、')}
            </Typography.Paragraph>
            <Table
              rowKey="line"
              size="small"
              data-testid="catalogue-preview"
              dataSource={preview.rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: '行', dataIndex: 'line', width: 48 },
                { title: '名称', key: 'name', render: (_, r) => r.input?.name ?? '' },
                { title: '类别', key: 'kind', width: 150, render: (_, r) => (r.input ? EXPERIENCE_KIND_LABELS[r.input.kind] : '') },
                { title: '批次', key: 'batch', width: 70, render: (_, r) => r.input?.batchNo ?? '' },
                { title: '原创新负责部门（单位）', key: 'origin', width: 180, render: (_, r) => r.input?.origin ?? '' },
                {
                  title: '检查',
                  key: 'check',
                  width: 300,
                  render: (_, r) =>
                    r.errors.length ? (
                      <Typography.Text type="danger">{r.errors.join('；')}</Typography.Text>
                    ) : r.duplicateOf ? (
                      <Tag>更新已有条目</Tag>
                    ) : (
                      <Tag color="green">新增</Tag>
                    ),
                },
              ]}
            />
          </>
        )}
      </Modal>
      <Modal open={editing !== null} title={editing?.id ? '修改经验' : '添加经验'} onCancel={() => setEditing(null)} onOk={() => void save()} okText="保存" cancelText="取消">
        <DialogKeys key={editing === null ? 'closed' : (editing.id ?? 'new')} onSubmit={() => void save().catch(() => undefined)}>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="kind" label="类别">
            <Select options={EXPERIENCE_KINDS.map((k) => ({ value: k, label: EXPERIENCE_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="batchNo" label="批次（第几批，改革试点经验、最佳实践案例适用）">
            <InputNumber min={1} max={999} />
          </Form.Item>
          <Form.Item name="area" label="领域">
            <Select allowClear showSearch options={fields.map((f) => ({ value: f.name, label: f.name }))} />
          </Form.Item>
          <Form.Item name="origin" label="原创新负责部门（单位）或来源自贸试验区">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="year" label="年份">
            <InputNumber min={1990} max={2100} />
          </Form.Item>
          <Form.Item name="sourceDoc" label="来源文件">
            <Input maxLength={300} />
          </Form.Item>
        </Form>
        </DialogKeys>
      </Modal>
    </>
  );
}
