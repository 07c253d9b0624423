import { expect, test } from './fixtures';

// Issue 10 on the page: the fonts this machine has (设置 and beside the export), the export result's warnings
// (the demo circular has no 成文日期), and the PDF option.

test('shows installed fonts in 设置 and the export’s warnings', async ({ page, web }) => {
  await page.goto(`${web.url}#/settings`);
  await page.getByRole('tab', { name: '发文机关与模板' }).click();
  const fonts = page.getByTestId('font-check');
  await expect(fonts).toBeVisible();
  await expect(fonts).toContainText('国标字体');
  await expect(fonts).toContainText('方正小标宋简体');
  await page.screenshot({ path: test.info().outputPath('settings-fonts.png'), fullPage: true });

  await page.goto(`${web.url}#/batches/1`);
  await page.getByRole('tab', { name: '导出' }).click();
  await expect(page.getByTestId('font-check')).toBeVisible();
  await expect(page.getByTestId('export-pdf')).toBeVisible();
  await page.getByRole('button', { name: '导出 Word' }).click();
  const warnings = page.getByTestId('export-warnings');
  await expect(warnings).toContainText('未填写成文日期');
  await page.screenshot({ path: test.info().outputPath('export-warnings.png') });
  expect(web.consoleErrors).toEqual([]);
});
