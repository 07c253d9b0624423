import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Input, List, Row, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { Finding, ImportReport } from '../../../shared/domain';
import { api } from '../api';
import { FindingsList } from '../components/FindingsList';
import { errorText, fileToBase64 } from '../format';
import { useVocab } from '../vocab';

// Importing circulars and submitted case files (text or markdown), and checking a text without importing it.
export function ImportPage() {
  const { message } = App.useApp();
  const { reload } = useVocab();
  const [reports, setReports] = useState<ImportReport[]>([]);
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<Finding[] | null>(null);

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const report = await api['import.file']({ fileName: file.name, base64: await fileToBase64(file) });
      setReports((r) => [report, ...r]);
      await reload();
      message.success(report.duplicateOf ? `${file.name} 已导入过，未重复导入` : `已导入 ${report.caseCount} 个案例`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
    return false;
  };

  return (
    <>
      <div className="page-head">
        <Typography.Title level={4}>导入与检查</Typography.Title>
      </div>
      <Row gutter={16}>
        <Col span={12}>
          <Card size="small" title="导入通知或案例文件">
            <Upload.Dragger accept=".txt,.md,.markdown,.docx,text/plain" multiple showUploadList={false} beforeUpload={importFile} disabled={busy}>
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>把文件拖到这里，或点击选择（Word .docx，或 UTF-8 编码的 .txt / .md）</p>
              <p className="ant-upload-hint">一份通知导入为一个批次及其全部案例；单个案例文件导入为“已报送”的案例。同一份通知不会重复导入。</p>
            </Upload.Dragger>
            <List
              style={{ marginTop: 12 }}
              dataSource={reports}
              renderItem={(r) => (
                <List.Item>
                  <div style={{ width: '100%' }}>
                    <Space wrap>
                      <Typography.Text strong>{r.fileName}</Typography.Text>
                      {r.duplicateOf ? (
                        <a href={`#/batches/${r.duplicateOf}`}>已导入过（批次 {r.duplicateOf}）</a>
                      ) : r.batchId ? (
                        <a href={`#/batches/${r.batchId}`}>
                          {r.batchTitle}：{r.caseCount} 个案例
                        </a>
                      ) : (
                        <span>{r.caseCount} 个案例</span>
                      )}
                    </Space>
                    {r.warnings.map((w, i) => (
                      <Alert key={i} type="warning" showIcon style={{ marginTop: 4 }} message={w.message} />
                    ))}
                    {r.findings.length > 0 && (
                      <Typography.Text type="secondary">
                        规范检查：{r.findings.length} 处（错误 {r.findings.filter((f) => f.severity === 'error').length}），可在批次的“规范检查”中修复。
                      </Typography.Text>
                    )}
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
            {checked && <FindingsList findings={checked} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
