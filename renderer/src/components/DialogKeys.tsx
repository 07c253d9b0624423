import { useEffect, useRef, type ReactNode } from 'react';

// Every dialog the same way (issue 14.9): on opening, the caret is in its first field, and Enter submits it as
// «确定» would. Enter stays a new line in a multi-line field (Ctrl+Enter submits there), picks an option in an open
// list, and does nothing while an input method is composing Chinese.

const FIELD = 'input:not([type="hidden"]):not([disabled]):not([readonly]), textarea:not([disabled]), [role="combobox"]:not([aria-disabled="true"])';

/** The first field of a dialog's body, skipping antd's hidden helpers and row checkboxes of a table. */
export function firstField(root: HTMLElement): HTMLElement | null {
  for (const el of root.querySelectorAll<HTMLElement>(FIELD)) {
    if (el.closest('.ant-table-selection-column, .ant-table-selection') || el.getAttribute('type') === 'checkbox' || el.getAttribute('type') === 'radio') continue;
    if (el.offsetParent !== null || el.getClientRects().length > 0) return el;
  }
  return null;
}

export function DialogKeys({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // after antd has moved focus to the dialog's frame on opening
    const t = window.setTimeout(() => ref.current && firstField(ref.current)?.focus(), 80);
    return () => window.clearTimeout(t);
  }, []);
  return (
    <div
      ref={ref}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
        const target = e.target as HTMLElement;
        if (target.getAttribute('aria-expanded') === 'true') return; // choosing in an open list
        if (target instanceof HTMLTextAreaElement && !(e.ctrlKey || e.metaKey)) return;
        if (target instanceof HTMLButtonElement || target.getAttribute('role') === 'button' || target instanceof HTMLAnchorElement) return;
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </div>
  );
}
