import './first-calls';

// The entry is only the first calls (issue 13: the first window): they leave at once, and the app (React, antd,
// the pages) is loaded and evaluated while the answers come; a static import would evaluate it all first.
import('./boot').catch(() => {
  document.getElementById('root')!.textContent = '界面未能载入，请关闭后重新打开。';
});
