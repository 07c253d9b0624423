import { navigate } from './router';

// Ctrl+F from any page: the page's own search box when it has one (its input has the class find-box), else the case
// library's, once the library has opened.
const SELECTOR = 'input.find-box';
const WAIT_MS = 3000;

function focusBox(): boolean {
  const box = document.querySelector<HTMLInputElement>(SELECTOR);
  if (!box || box.offsetParent === null) return false;
  box.focus();
  box.select();
  return true;
}

export function focusFindBox(): void {
  if (focusBox()) return;
  navigate({ page: 'cases' });
  const until = Date.now() + WAIT_MS;
  const retry = () => {
    if (!focusBox() && Date.now() < until) requestAnimationFrame(retry);
  };
  requestAnimationFrame(retry);
}
