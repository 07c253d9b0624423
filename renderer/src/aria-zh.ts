// antd's icons carry their English names as aria-label («delete», «search»); beside Chinese text they are
// decoration, and a screen reader would read «delete 删除». Icons are hidden from assistive technology; the
// buttons that show only an icon carry their own Chinese aria-label.
const ICON = 'span.anticon[aria-label]';

/**
 * The labels antd's inner components write in English whatever the locale (the number input's steppers, the
 * clear buttons, the segmented control), said in Chinese (issue 14.9).
 */
const ENGLISH: Record<string, string> = {
  'Increase Value': '增加',
  'Decrease Value': '减少',
  Clear: '清除',
  clear: '清除',
  'segmented control': '分段选择',
  Close: '关闭',
  close: '关闭',
  'Select all': '全选',
  'Select row': '选择此行',
};
const NAMED = Object.keys(ENGLISH)
  .map((k) => `[aria-label="${k}"]`)
  .join(',');

function translate(el: Element): void {
  const zh = ENGLISH[el.getAttribute('aria-label') ?? ''];
  if (zh) el.setAttribute('aria-label', zh); // a Chinese value is not in the table: no loop with the observer
}

function quiet(root: ParentNode): void {
  for (const icon of root.querySelectorAll<HTMLElement>(ICON)) {
    icon.removeAttribute('aria-label');
    icon.setAttribute('aria-hidden', 'true');
  }
  if (root instanceof Element && root.matches(NAMED)) translate(root);
  for (const el of root.querySelectorAll(NAMED)) translate(el);
}

export function installChineseAria(root: HTMLElement = document.body): () => void {
  quiet(root);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') {
        if ((r.target as Element).matches?.(ICON)) quiet(r.target.parentNode ?? root);
        else if ((r.target as Element).matches?.(NAMED)) translate(r.target as Element);
        continue;
      }
      for (const node of r.addedNodes) if (node instanceof HTMLElement) node.matches(ICON) ? quiet(node.parentNode ?? node) : quiet(node);
    }
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
  return () => observer.disconnect();
}
