import { Empty } from 'antd';
import type { ReactNode } from 'react';

// An empty page says what to do next and links to where it is done (issue 14.10), rather than «无数据».

export function EmptyHint({ children, testId }: { children: ReactNode; testId?: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span data-testid={testId ?? 'empty-hint'}>{children}</span>} />;
}

/** «导入与检查» and «案例库» as links: where a case library without cases starts. */
export const START_WITH_CASES = (
  <>
    先在<a href="#/import">“导入与检查”</a>导入往年的通知或案例文件，或在<a href="#/cases/new">案例库新建案例</a>
  </>
);
