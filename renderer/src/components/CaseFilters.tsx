import { Select } from 'antd';
import type { CaseFilter } from '../../../shared/domain';
import { CASE_STATUS_LABELS, CASE_STATUSES, CASE_TYPE_LABELS, CASE_TYPES } from '../../../shared/domain-constants'; // no zod in the first window
import { useVocab } from '../vocab';
import { CASE_FILTER_SLOTS } from './case-filter-slots';

type Option = { value: string | number; label: string };

// The library's filters, shared by the case library and the batch composer. The library loads them after its list
// (antd's Select is a good part of the first window's scripts and render: issue 13).
export function CaseFilters({ value, onChange, years }: { value: CaseFilter; onChange: (f: CaseFilter) => void; years: number[] }) {
  const { units, fields, batches } = useVocab();
  const options: Partial<Record<keyof CaseFilter, Option[]>> = {
    unitId: units.map((u) => ({ value: u.id, label: u.name })),
    fieldId: fields.map((f) => ({ value: f.id, label: f.name })),
    type: CASE_TYPES.map((t) => ({ value: t, label: CASE_TYPE_LABELS[t] })),
    status: CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] })),
    year: years.map((y) => ({ value: y, label: `${y}` })),
    batchId: batches.map((b) => ({ value: b.id, label: b.title })),
  };
  return (
    <>
      {CASE_FILTER_SLOTS.map(({ key, label, width }) => (
        <Select<string | number, Option>
          key={key}
          allowClear
          size="middle"
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={label}
          placeholder={label}
          style={{ width }}
          value={value[key] as string | number | undefined}
          onChange={(v) => onChange({ ...value, [key]: v })}
          options={options[key]}
        />
      ))}
    </>
  );
}

export default CaseFilters; // for React.lazy
