import type { CaseFilter } from '../../../shared/domain';

/**
 * The library's filters, in order, with their widths: the filters themselves (CaseFilters.tsx) and the boxes that
 * stand in for them while their script loads (CaseFiltersPlaceholder.tsx) take them from here, so that the row does
 * not move when the real ones arrive.
 */
export const CASE_FILTER_SLOTS: readonly { key: keyof CaseFilter; label: string; width: number }[] = [
  { key: 'unitId', label: '提供单位', width: 130 },
  { key: 'fieldId', label: '领域', width: 120 },
  { key: 'type', label: '类型', width: 150 },
  { key: 'status', label: '状态', width: 100 },
  { key: 'year', label: '年度', width: 90 },
  { key: 'batchId', label: '批次', width: 200 },
];
