import { Select } from 'antd';
import type { CaseFilter } from '../../../shared/domain';
import { CASE_STATUS_LABELS, CASE_STATUSES, CASE_TYPE_LABELS, CASE_TYPES } from '../../../shared/domain-constants'; // no zod in the first window
import { useVocab } from '../vocab';

// The library's filters, shared by the case library and the batch composer.
export function CaseFilters({ value, onChange, years }: { value: CaseFilter; onChange: (f: CaseFilter) => void; years: number[] }) {
  const { units, fields, batches } = useVocab();
  const set = (patch: Partial<CaseFilter>) => onChange({ ...value, ...patch });
  const common = { allowClear: true, size: 'middle' as const, showSearch: { optionFilterProp: 'label' as const } };
  return (
    <>
      <Select {...common} aria-label="提供单位" placeholder="提供单位" style={{ width: 130 }} value={value.unitId} onChange={(v) => set({ unitId: v })} options={units.map((u) => ({ value: u.id, label: u.name }))} />
      <Select {...common} aria-label="领域" placeholder="领域" style={{ width: 120 }} value={value.fieldId} onChange={(v) => set({ fieldId: v })} options={fields.map((f) => ({ value: f.id, label: f.name }))} />
      <Select {...common} aria-label="类型" placeholder="类型" style={{ width: 150 }} value={value.type} onChange={(v) => set({ type: v })} options={CASE_TYPES.map((t) => ({ value: t, label: CASE_TYPE_LABELS[t] }))} />
      <Select {...common} aria-label="状态" placeholder="状态" style={{ width: 100 }} value={value.status} onChange={(v) => set({ status: v })} options={CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))} />
      <Select {...common} aria-label="年度" placeholder="年度" style={{ width: 90 }} value={value.year} onChange={(v) => set({ year: v })} options={years.map((y) => ({ value: y, label: `${y}` }))} />
      <Select {...common} aria-label="批次" placeholder="批次" style={{ width: 200 }} value={value.batchId} onChange={(v) => set({ batchId: v })} options={batches.map((b) => ({ value: b.id, label: b.title }))} />
    </>
  );
}
