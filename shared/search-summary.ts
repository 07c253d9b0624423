import type { SearchResult } from './domain';

/**
 * The line beside the search box: how many cases match (a lower bound said as one, when the search stopped
 * reading, see SEARCH_CANDIDATES) and, when the list shows fewer, how many it shows.
 */
export function searchSummary(r: Pick<SearchResult, 'total' | 'totalApprox' | 'results' | 'tookMs'>): string {
  const found = r.totalApprox ? `找到 ${r.total} 个以上` : `找到 ${r.total} 个`;
  const shown = r.results.length < r.total ? `，列出最相关的 ${r.results.length} 个` : '';
  return `${found}${shown}（${r.tookMs} 毫秒）`;
}
