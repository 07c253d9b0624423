import type { Unit } from '../../../shared/domain';

// Which unit sent a file: from the «（XX提供）» line when the text has one, otherwise from the file name.
// A match must be certain; anything else returns the candidates so the clerk chooses (never a guess).

export interface UnitMatch {
  unit: Unit | null;
  candidates: Unit[];
}

const SUFFIX = /(市|地区|片区|区|县|省|厅|局|委|办|公司)$/u;

/** A unit's name without its administrative suffix: 大庆市 → 大庆, 哈尔滨片区 → 哈尔滨. */
export function shortName(name: string): string {
  const s = name.replace(SUFFIX, '');
  return s.length >= 2 ? s : name;
}

const compact = (s: string) => s.replace(/[\s（）()【】[\]_\-—·.、，,]/gu, '');

function unique(units: Unit[]): UnitMatch {
  const byId = new Map(units.map((u) => [u.id, u]));
  const list = [...byId.values()];
  return list.length === 1 ? { unit: list[0]!, candidates: list } : { unit: null, candidates: list };
}

/**
 * The unit a «（XX提供）» line names: its exact name, else the one unit whose name the line contains
 * («大庆市商务局» → 大庆市). Units asked by the call are preferred when several would fit.
 */
export function unitFromText(named: string, units: Unit[], asked: ReadonlySet<number> = new Set()): UnitMatch {
  const text = compact(named);
  if (!text) return { unit: null, candidates: [] };
  const exact = units.filter((u) => compact(u.name) === text);
  if (exact.length) return unique(exact);
  return narrow(units.filter((u) => text.includes(compact(u.name))), asked);
}

/** The unit a file name names («哈尔滨片区-跨境电商.docx», «大庆 案例.docx»), by full name first, then short name. */
export function unitFromFileName(fileName: string, units: Unit[], asked: ReadonlySet<number> = new Set()): UnitMatch {
  const stem = compact(fileName.replace(/\.[^.]+$/u, ''));
  if (!stem) return { unit: null, candidates: [] };
  const full = units.filter((u) => stem.includes(compact(u.name)));
  if (full.length) return narrow(full, asked);
  const short = units.filter((u) => stem.includes(compact(shortName(u.name))));
  return narrow(short, asked);
}

function narrow(hits: Unit[], asked: ReadonlySet<number>): UnitMatch {
  if (hits.length <= 1) return unique(hits);
  // «哈尔滨片区» contains «哈尔滨»: keep the longest names when one contains another.
  const longest = hits.filter((u) => !hits.some((v) => v !== u && compact(v.name).includes(compact(u.name))));
  if (longest.length === 1) return unique(longest);
  const inCall = longest.filter((u) => asked.has(u.id));
  if (inCall.length === 1) return unique(inCall);
  return { unit: null, candidates: longest };
}
