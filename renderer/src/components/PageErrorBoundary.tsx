import { CloseCircleFilled } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { navigate } from '../router';

// A rendering error in one page shows this panel with a way back instead of a blank window. The library's data
// is not affected: every save went through the core, which checks its input.

// Its own panel rather than antd's Result: Result brings 33 KB of illustrations into the first window's scripts
// for a panel that is rarely shown (issue 13).
function PageError({ error, resetErrorBoundary }: FallbackProps) {
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div className="page-error" role="alert" data-testid="page-error">
      <CloseCircleFilled className="page-error-icon" aria-hidden />
      <Typography.Title level={4}>这个页面出错了</Typography.Title>
      <Typography.Paragraph type="secondary">已经保存的内容不受影响。可以重试，或返回案例库继续工作。</Typography.Paragraph>
      <Space>
        <Button onClick={resetErrorBoundary}>重试</Button>
        <Button
          type="primary"
          onClick={() => {
            navigate({ page: 'cases' });
            resetErrorBoundary();
          }}
        >
          返回案例库
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" className="page-error-detail" copyable={{ text: detail, tooltips: ['复制错误信息', '已复制'] }}>
        错误信息：{detail}
      </Typography.Paragraph>
    </div>
  );
}

/** One boundary per page; going to another page (a new `pageKey`) clears the error. */
export function PageErrorBoundary({ pageKey, children }: { pageKey: string; children: ReactNode }) {
  return (
    <ErrorBoundary FallbackComponent={PageError} resetKeys={[pageKey]} onError={(e) => console.warn('页面渲染出错', e)}>
      {children}
    </ErrorBoundary>
  );
}
