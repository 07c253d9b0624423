import { CASE_FILTER_SLOTS } from './case-filter-slots';

/**
 * Empty boxes where the library's filters go, drawn like antd's closed Select, while the filters' script loads
 * after the list is shown (a fraction of a second). Hidden from screen readers: the filters announce themselves.
 */
export function CaseFiltersPlaceholder() {
  return (
    <>
      {CASE_FILTER_SLOTS.map(({ key, label, width }) => (
        <span key={key} className="filter-placeholder" style={{ width }} aria-hidden>
          {label}
        </span>
      ))}
    </>
  );
}
