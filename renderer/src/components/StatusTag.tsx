import { Tag } from 'antd';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../../shared/domain-constants'; // no zod in the first window

const COLORS: Record<CaseStatus, string> = { draft: 'default', submitted: 'blue', reviewing: 'gold', selected: 'green', returned: 'red' };

export function StatusTag({ status }: { status: CaseStatus }) {
  return <Tag color={COLORS[status]}>{CASE_STATUS_LABELS[status]}</Tag>;
}
