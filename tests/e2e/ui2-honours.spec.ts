import { expect, test } from './fixtures';

// Issue 14, leftover of item 11's register: one place to record a level. The editor's 荣誉 are a read-only summary of
// the 级别沿革, and a later save of the case's text keeps them.

test('the 荣誉 follow the level history and survive a later save of the text', async ({ page, web }) => {
  await page.goto(`${web.url}#/cases/1`);
  await expect(page.getByText('级别沿革', { exact: true })).toBeVisible();
  const summary = page.getByTestId('honours-summary');
  await expect(summary).toContainText('无');
  await expect(page.locator('.ant-checkbox-group')).toHaveCount(0);
  await page.getByLabel('授予单位').fill('省自贸办');
  await page.getByRole('button', { name: /添加级别/u }).click();
  await expect(page.getByTestId('current-level')).toHaveText('省级优秀案例');
  await expect(summary).toContainText('省级优秀案例');
  // the clerk edits the text afterwards: the save must not take the honour away
  const title = page.getByLabel('案例名称');
  await title.fill(`${await title.inputValue()}（修订）`);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('已保存');
  await page.reload();
  await expect(page.getByTestId('honours-summary')).toContainText('省级优秀案例');
  const honours = await page.evaluate(async () => {
    const token = sessionStorage.getItem('casebook.token') ?? '';
    const res = await fetch('/api/cases.get', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Casebook-Token': token }, body: '{"id":1}' });
    return ((await res.json()) as { value: { honours: string[] } }).value.honours;
  });
  expect(honours).toEqual(['provincial_excellent']);
  expect(web.consoleErrors).toEqual([]);
});
