import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Input, List, Row, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportPreview } from '../../../shared/contract-import';
import type { Finding, ImportReport } from '../../../shared/domain';
import { api } from '../api';
import { FindingsList } from '../components/FindingsList';
import { mark } from '../finding-jump';
import { errorText, fileToBase64 } from '../format';
import { useVocab } from '../vocab';

const ACCEPT = '.docx,.doc,.wps,.pdf,.txt,.md,.markdown,text/plain';

/**
 * «规范检查：N 处（错误 M）» as a link that opens the findings in place. In a preview, a finding in one of the file's
 * cases shows that case in the preview's list (the file's text is not on screen, and its cases not yet in the library).
 */
function FindingCount({ findings, previewKey }: { findings: Finding[]; previewKey?: string }) {
  const [open, setOpen] = useState(false);
  if (findings.length === 0) return <Typography.Text type="secondary">规范检查：没有发现问题</Typography.Text>;
  return (
    <div>
      <div>
        <Typography.Link onClick={() => setOpen(!open)} aria-expanded={open}>
          规范检查：{findings.length} 处（错误 {findings.filter((f) => f.severity === 'error').length}）{open ? '，收起' : '，查看'}
        </Typography.Link>
      </div>
      {open && (
        <FindingsList
          findings={findings}
          compact
          canJump={(f) => previewKey !== undefined && f.place.caseSeq !== null}
          onJump={(f) => {
            const li = document.querySelector<HTMLElement>(`[data-preview="${CSS.escape(previewKey ?? '')}"] [data-case-seq="${f.place.caseSeq}"]`);
            if (li) (li.scrollIntoView({ block: 'nearest' }), mark(li));
          }}
        />
      )}
    </div>
  );
}

interface Pending {
  key: string;
  base64: string;
  preview: ImportPreview;
}

// Importing circulars and submitted case files: each file is read and previewed first (its cases, warnings and
// findings), then imported on the clerk's word; a circular imported before says which batch holds it and can still
// bring its cases into the library. Checking a pasted text without importing it is on the right.
export function ImportPage() {
  const { message } = App.useApp();
  const { reload } = useVocab();
  const [pending, setPending] = useState<Pending[]>([]);
  const [refused, setRefused] = useState<{ fileName: string; error: string }[]>([]);
  const [reports, setReports] = useState<ImportReport[]>([]);
  const [busy, setBusy] = useState(0);
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<Finding[] | null>(null);

  // Each file on its own: a refused file is named with its reason and the others go on.
  const previewFile = async (file: File) => {
    setBusy((n) => n + 1);
    try {
      const base64 = await fileToBase64(file);
      const preview = await api['import.preview']({ fileName: file.name, base64 });
      setPending((p) => [...p, { key: `${file.name}-${Date.now()}-${Math.random()}`, base64, preview }]);
    } catch (e) {
      setRefused((r) => [{ fileName: file.name, error: errorText(e) }, ...r]);
    } finally {
      setBusy((n) => n - 1);
    }
    return false;
  };

  const commit = async (item: Pending, casesOnly: boolean) => {
    setBusy((n) => n + 1);
    try {
      const input = { fileName: item.preview.fileName, base64: item.base64 };
      const report = casesOnly ? await api['import.casesOnly'](input) : await api['import.file'](input);
      setPending((p) => p.filter((x) => x.key !== item.key));
      setReports((r) => [report, ...r]);
      await reload();
      message.success(report.duplicateOf ? `${item.preview.fileName} 已导入过，未重复导入` : `已导入 ${report.caseCount} 个案例`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy((n) => n - 1);
    }
  };

  return (
    <>
      <div className="page-head">
        <Typography.Title level={4}>导入与检查</Typography.Title>
      </div>
      <Row gutter={16}>
        <Col span={12}>
          <Card size="small" title="导入通知或案例文件">
            <Upload.Dragger accept={ACCEPT} multiple showUploadList={false} beforeUpload={previewFile} disabled={busy > 0}>
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>把文件拖到这里，或点击选择（Word .docx/.doc/.wps、文字版 PDF，或 .txt / .md 文本）</p>
              <p className="ant-upload-hint">先预览，确认后才导入。一份通知导入为一个批次及其全部案例；单个案例文件导入为“已报送”的案例。同一份通知不会重复导入。</p>
            </Upload.Dragger>
            {refused.map((r, i) => (
              <Alert key={`r${i}`} type="error" showIcon style={{ marginTop: 8 }} message={`${r.fileName}：未导入`} description={r.error} closable onClose={() => setRefused((x) => x.filter((y) => y !== r))} />
            ))}
            {pending.map((item) => {
              const p = item.preview;
              return (
                <Card key={item.key} size="small" style={{ marginTop: 12 }} title={`预览：${p.fileName}`} data-testid="import-preview">
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Typography.Text>
                      {p.batchTitle ? `通知：${p.batchTitle}，` : '案例文件，'}
                      {p.cases.length} 个案例
                    </Typography.Text>
                    <ol data-preview={item.key} style={{ margin: 0, paddingLeft: 20, maxHeight: 160, overflow: 'auto' }}>
                      {p.cases.map((c, i) => (
                        <li key={i} data-case-seq={i + 1}>
                          {c.title}
                          <Typography.Text type="secondary">（{c.unitName || '未写提供单位'}）</Typography.Text>
                        </li>
                      ))}
                    </ol>
                    {p.duplicate && (
                      <Alert
                        type="info"
                        showIcon
                        message={
                          <>
                            该通知已导入过，即批次<a href={`#/batches/${p.duplicate.id}`}>“{p.duplicate.title}”</a>，不会重复建立批次。
                          </>
                        }
                        description="如需要，可只把其中的案例导入案例库（批次不变）。"
                      />
                    )}
                    {p.warnings.map((w, i) => (
                      <Alert key={i} type="warning" showIcon message={w.message} />
                    ))}
                    <FindingCount findings={p.findings} previewKey={item.key} />
                    <Space>
                      {p.duplicate ? (
                        <Button type="primary" disabled={busy > 0} onClick={() => commit(item, true)}>
                          仅将 {p.cases.length} 个案例导入案例库
                        </Button>
                      ) : (
                        <Button type="primary" disabled={busy > 0} onClick={() => commit(item, false)}>
                          导入
                        </Button>
                      )}
                      <Button onClick={() => setPending((x) => x.filter((y) => y.key !== item.key))}>放弃</Button>
                    </Space>
                  </Space>
                </Card>
              );
            })}
            <List
              style={{ marginTop: 12 }}
              dataSource={reports}
              renderItem={(r) => (
                <List.Item>
                  <div style={{ width: '100%' }}>
                    <Space wrap>
                      <Typography.Text strong>{r.fileName}</Typography.Text>
                      {r.duplicateOf ? (
                        <a href={`#/batches/${r.duplicateOf}`}>已导入过，未重复导入</a>
                      ) : r.batchId ? (
                        <a href={`#/batches/${r.batchId}`}>
                          {r.batchTitle}：{r.caseCount} 个案例
                        </a>
                      ) : (
                        <span>已导入 {r.caseCount} 个案例</span>
                      )}
                    </Space>
                    {r.warnings.map((w, i) => (
                      <Alert key={i} type="warning" showIcon style={{ marginTop: 4 }} message={w.message} />
                    ))}
                    <FindingCount findings={r.findings} />
                    {r.batchId && r.findings.length > 0 && <Typography.Text type="secondary">可在批次的“规范检查”中修复。</Typography.Text>}
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title="规范检查（只检查，不导入）">
            <Input.TextArea aria-label="待检查文字" rows={8} value={text} placeholder="粘贴通知或案例的文字" onChange={(e) => setText(e.target.value)} />
            <Space style={{ margin: '8px 0' }}>
              <Button type="primary" disabled={!text.trim()} onClick={async () => setChecked(await api['proofread.text']({ text }))}>
                检查
              </Button>
              <Upload
                accept=".txt,.md"
                showUploadList={false}
                beforeUpload={async (f) => {
                  setText(await f.text());
                  return false;
                }}
              >
                <Button>打开文件…</Button>
              </Upload>
            </Space>
            {checked && <FindingsList findings={checked} canJump={(f) => f.place.slot === 'line' && f.place.index !== null} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
