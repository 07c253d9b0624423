import { Tooltip } from 'antd';
import type { CaseRow } from '../../../shared/domain';

// The batches a case sits in, short («第三批·5»: batch and 序号) with the full title on hover.
export function BatchMembership({ batches }: { batches: CaseRow['batches'] }) {
  return (
    <>
      {batches.map((b) => (
        <Tooltip key={b.id} title={`${b.title}，第 ${b.seq} 号`}>
          <a href={`#/batches/${b.id}`} className="batch-tag">
            {b.title.replace(/^(第.+?批).*/u, '$1')}·{b.seq}
          </a>{' '}
        </Tooltip>
      ))}
    </>
  );
}
