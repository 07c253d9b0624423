import { expect, test } from './fixtures';

test('leaving the editor right after typing keeps the text, and revisions compare and restore', async ({ page, web }) => {
  await page.goto(`${web.url}#/cases/3`);
  const para = page.getByLabel('一、第1段', { exact: true });
  await expect(para).toBeVisible();
  const original = await para.inputValue();
  await para.fill(`${original}（补充一句）`);
  await page.getByRole('link', { name: '案例库', exact: true }).click(); // before the autosave pause ends
  await expect(page.getByText('共 28 个案例')).toBeVisible();
  await page.evaluate(() => (window.location.hash = '#/cases/3'));
  await expect(page.getByLabel('一、第1段', { exact: true })).toHaveValue(`${original}（补充一句）`);

  // The version before the edit is there to compare and restore.
  await page.getByRole('button', { name: /版\s*本/u }).click();
  await expect(page.getByTestId('revision-diff')).toContainText('（补充一句）');
  await page.getByRole('button', { name: '恢复此版本' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: /恢\s*复/u }).click();
  await expect(page.getByLabel('一、第1段', { exact: true })).toHaveValue(original);
  expect(web.consoleErrors).toEqual([]);
});
