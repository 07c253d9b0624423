// antd's icons carry their English names as aria-label («delete», «search»); beside Chinese text they are
// decoration, and a screen reader would read «delete 删除». Icons are hidden from assistive technology; the
// buttons that show only an icon carry their own Chinese aria-label.
const ICON = 'span.anticon[aria-label]';

function quiet(root: ParentNode): void {
  for (const icon of root.querySelectorAll<HTMLElement>(ICON)) {
    icon.removeAttribute('aria-label');
    icon.setAttribute('aria-hidden', 'true');
  }
}

export function installChineseAria(root: HTMLElement = document.body): () => void {
  quiet(root);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') {
        if ((r.target as Element).matches?.(ICON)) quiet(r.target.parentNode ?? root);
        continue;
      }
      for (const node of r.addedNodes) if (node instanceof HTMLElement) node.matches(ICON) ? quiet(node.parentNode ?? node) : quiet(node);
    }
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
  return () => observer.disconnect();
}
