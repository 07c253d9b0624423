import { DatePicker, Form } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { parseClerkDate } from '../../../shared/dates';

// A date field with a picker that also reads dates typed the way clerks write them («2026/2/3», «2026年2月3日»).
// What it cannot read stays visible with the reason under the field: it is never dropped without a word.
export function DateItem({ label, value, onChange, error }: { label: string; value: string | null; onChange: (iso: string | null) => void; error?: string }) {
  const [typed, setTyped] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const commit = (text: string) => {
    const parsed = parseClerkDate(text);
    if (parsed === null) return setProblem(null);
    if (!parsed.ok) return setProblem(parsed.message);
    setProblem(null);
    setTyped(null);
    if (parsed.iso !== value) onChange(parsed.iso);
  };
  const message = problem ?? error;
  return (
    <Form.Item label={label} style={{ marginBottom: 8 }} {...(message ? { validateStatus: 'error' as const, help: message } : {})}>
      <DatePicker
        aria-label={label}
        style={{ width: '100%' }}
        placeholder="如 2026-02-03"
        value={value ? dayjs(value) : null}
        onChange={(d) => (setProblem(null), setTyped(null), onChange(d ? d.format('YYYY-MM-DD') : null))}
        onKeyDown={(e) => {
          const input = e.target as HTMLInputElement;
          setTyped(input.value);
          if (e.key === 'Enter') commit(input.value);
        }}
        onBlur={(e) => {
          const text = (e.target as HTMLInputElement).value;
          if (typed !== null || text) commit(text);
        }}
      />
    </Form.Item>
  );
}
