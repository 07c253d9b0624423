import { App, Button, Space, Typography } from 'antd';
import { useCallback } from 'react';
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
        modal.success({
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
