import { prefetch } from './transport';
import { parseRoute } from './route-parse'; // not ./router: it imports React

// Imported first by main.tsx: the library's rows, its levels and the vocabularies are asked for while React and
// antd are still being evaluated (issue 13: the first window), and taken by the pages' identical first calls, or
// by their first render when already answered (takeAnswered).
prefetch([
  ...(parseRoute(window.location.hash).page === 'cases' ? ([['cases.list', {}], ['register.currentLevels', {}]] as const) : []),
  ['units.list', {}],
  ['fields.list', {}],
  ['sources.list', {}],
  ['batches.list', {}],
  ['settings.get', {}],
]);
