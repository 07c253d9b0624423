// antd labels its row checkboxes «Select row 1» and «Select all»; a clerk's screen reader hears Chinese, and
// the row's name rather than its number.
export function chineseSelection<T>(nameOf: (row: T) => string) {
  return {
    getCheckboxProps: (row: T) => ({ 'aria-label': `选择“${nameOf(row)}”` }) as Record<string, string>,
    getTitleCheckboxProps: () => ({ 'aria-label': '全选' }) as Record<string, string>,
  };
}
