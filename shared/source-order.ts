import { fromChineseNumeral } from './numerals';

// 复制推广来源 in the order clerks think of them: by the batch number in the name («第三批», «第12批»), the
// earlier batch first; names without a number after, in Chinese collation. Pinyin order put 第七 before 第三.
export function batchNumberIn(name: string): number | null {
  const m = /第([一二三四五六七八九十百千零]+|\d+)批/u.exec(name);
  if (!m) return null;
  return /^\d+$/u.test(m[1]!) ? Number(m[1]) : fromChineseNumeral(m[1]!);
}

export function byBatchNumber<T extends { name: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => {
    const na = batchNumberIn(a.name);
    const nb = batchNumberIn(b.name);
    if (na !== null && nb !== null && na !== nb) return na - nb;
    if ((na === null) !== (nb === null)) return na === null ? 1 : -1;
    return a.name.localeCompare(b.name, 'zh-CN');
  });
}
