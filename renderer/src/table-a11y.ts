// antd labels its row checkboxes «Select row 1» and «Select all»; a clerk's screen reader hears Chinese, and
// the row's name rather than its number. The same words for antd's tables and our own (components/VirtualTable.tsx).
export const selectRowLabel = (name: string) => `选择“${name}”`;
export const SELECT_ALL_LABEL = '全选';

export function chineseSelection<T>(nameOf: (row: T) => string) {
  return {
    getCheckboxProps: (row: T) => ({ 'aria-label': selectRowLabel(nameOf(row)) }) as Record<string, string>,
    getTitleCheckboxProps: () => ({ 'aria-label': SELECT_ALL_LABEL }) as Record<string, string>,
  };
}
