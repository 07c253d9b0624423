// Hash routes: the app is one page, and the address says which screen and record it shows.
export type Route =
  | { page: 'cases' }
  | { page: 'case'; id: number | 'new' }
  | { page: 'batches' }
  | { page: 'batch'; id: number }
  | { page: 'import' }
  | { page: 'stats' }
  | { page: 'settings' }
  | { page: 'calls' }
  | { page: 'call'; id: number }
  | { page: 'newsletters' }
  | { page: 'newsletter'; id: number }
  | { page: 'experiences' | 'ledger' | 'crosstab' } // the register (issue 11)
  | { page: 'help' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/u, '').split('/').filter(Boolean);
  const id = (s: string | undefined) => (s && /^\d+$/u.test(s) ? Number(s) : null);
  switch (parts[0]) {
    case 'cases':
      if (parts[1] === 'new') return { page: 'case', id: 'new' };
      return id(parts[1]) ? { page: 'case', id: id(parts[1])! } : { page: 'cases' };
    case 'batches':
      return id(parts[1]) ? { page: 'batch', id: id(parts[1])! } : { page: 'batches' };
    case 'import':
      return { page: 'import' };
    case 'stats':
      return { page: 'stats' };
    case 'settings':
      return { page: 'settings' };
    case 'calls':
      return id(parts[1]) ? { page: 'call', id: id(parts[1])! } : { page: 'calls' };
    case 'newsletters':
      return id(parts[1]) ? { page: 'newsletter', id: id(parts[1])! } : { page: 'newsletters' };
    case 'experiences':
    case 'ledger':
    case 'crosstab':
      return { page: parts[0] };
    case 'help':
      return { page: 'help' };
    default:
      return { page: 'cases' };
  }
}
