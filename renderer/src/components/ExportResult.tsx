import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { SavedFile } from '../../../shared/contract';
import { api, transport, withToken } from '../api';
import { errorText } from '../format';

/**
 * Runs an export with a progress message, then offers the result: «打开文件» and «在文件夹中显示» in the
 * desktop app, a download link in a browser.
 */
export function useExport(): (run: () => Promise<SavedFile>, what: string) => Promise<SavedFile | null> {
  const { message, modal } = App.useApp();
  return useCallback(
    async (run, what) => {
      const key = `export-${what}`;
      message.loading({ content: `正在导出${what}…`, key, duration: 0 });
      try {
        const saved = await run();
        message.destroy(key);
        if (saved.canceled || !saved.path) return null;
        const name = saved.path.split(/[\\/]/u).pop();
        (saved.warnings?.length ? modal.warning : modal.success)({
          title: `已导出${what}`,
          width: 520,
          okText: '关闭',
          content: (
            <div data-testid="export-result">
              <Typography.Paragraph copyable={{ text: saved.path }} style={{ wordBreak: 'break-all' }}>
                <span data-testid="export-path">{saved.path}</span>
              </Typography.Paragraph>
              <Typography.Text type="secondary">
                {Math.max(1, Math.round(saved.bytes / 1024))} KB，用时 {saved.tookMs} 毫秒
              </Typography.Text>
              {saved.warnings?.length ? (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginTop: 12 }}
                  data-testid="export-warnings"
                  message="请注意"
                  description={
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {saved.warnings.map((w) => (
                        <li key={w}>{w}</li>
                      ))}
                    </ul>
                  }
                />
              ) : null}
              <div style={{ marginTop: 12 }}>
                {transport.kind === 'ipc' ? (
                  <Space>
                    <Button type="primary" onClick={() => api['files.open']({ path: saved.path! }).catch((e) => message.error(errorText(e)))}>
                      打开文件
                    </Button>
                    <Button onClick={() => api['files.showInFolder']({ path: saved.path! }).catch((e) => message.error(errorText(e)))}>在文件夹中显示</Button>
                  </Space>
                ) : (
                  saved.downloadUrl && (
                    <Button type="primary" href={withToken(saved.downloadUrl) ?? undefined} download={name}>
                      下载 {name}
                    </Button>
                  )
                )}
              </div>
            </div>
          ),
        });
        return saved;
      } catch (e) {
        message.destroy(key);
        message.error(errorText(e));
        return null;
      }
    },
    [message, modal],
  );
}

/** «导出 PDF»: enabled where LibreOffice is installed; otherwise it says what to install. */
export function PdfExportButton({ run, disabled }: { run: () => Promise<void>; disabled?: boolean }) {
  const [state, setState] = useState<{ available: boolean; message: string } | null>(null);
  useEffect(() => {
    let live = true;
    api['export.pdfAvailable']({}).then((s) => live && setState(s), () => live && setState({ available: false, message: '无法确认本机是否装有 LibreOffice' }));
    return () => {
      live = false;
    };
  }, []);
  const button = (
    <Button icon={<FilePdfOutlined />} disabled={disabled || !state?.available} onClick={() => void run()} data-testid="export-pdf">
      导出 PDF
    </Button>
  );
  if (state && !state.available) {
    return (
      <Space direction="vertical" size={2}>
        <Tooltip title={state.message}>{button}</Tooltip>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {state.message}
        </Typography.Text>
      </Space>
    );
  }
  return button;
}
