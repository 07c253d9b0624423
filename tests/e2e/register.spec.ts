import { expect, test } from './fixtures';

// The register through the real UI: statuses entered from the keyboard in the ledger grid, the rates read
// back; the catalogue and the cross-table pages open on the demo.

test('enter statuses in the ledger grid from the keyboard and read the unit and overall rates', async ({ page, web }) => {
  await page.goto(web.url);
  await page.getByRole('menuitem', { name: /复制推广台账/u }).click();
  await expect(page.getByRole('heading', { name: '复制推广台账' })).toBeVisible();
  const grid = page.getByRole('grid', { name: '复制推广台账' });
  // The demo's catalogue: the seven batches its cases name (one spelling each).
  const first = grid.locator('[data-cell="0:0"]');
  await expect(first).toHaveAccessibleName(/^哈尔滨片区·自贸试验区第/u);
  const n = await grid.locator('thead th').count() - 2;
  expect(n).toBeGreaterThanOrEqual(7);

  await first.focus();
  await page.keyboard.press('3'); // 已复制
  await expect(first).toHaveValue('copied');
  await page.keyboard.press('ArrowRight');
  await expect(grid.locator('[data-cell="0:1"]')).toBeFocused();
  await page.keyboard.press('4'); // 不适用
  await expect(grid.locator('[data-cell="0:1"]')).toHaveValue('not_applicable');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('2'); // 黑河片区: 推进中
  await expect(grid.locator('[data-cell="1:1"]')).toHaveValue('in_progress');

  // 哈尔滨片区: 1 copied of n − 1 applicable; 黑河片区: 0 of n; overall 1 of 2n − 1.
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)}%`;
  await expect(page.getByTestId('rate-哈尔滨片区')).toHaveText(`1/${n - 1} ${pct(1, n - 1)}`);
  await expect(page.getByTestId('rate-黑河片区')).toHaveText(`0/${n} 0.0%`);
  await expect(page.getByTestId('overall-rate')).toHaveText(pct(1, 2 * n - 1));
  await page.screenshot({ path: '.tmp/register-ledger.png' });

  // Enter opens the cell's detail: 联络员 and 佐证说明 are kept with the status.
  await grid.locator('[data-cell="1:1"]').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('联络员').fill('李四');
  await dialog.getByLabel('佐证说明').fill('已印发实施方案');
  await dialog.getByRole('button', { name: /保\s*存/u }).click();
  await expect(grid.locator('[data-cell="1:1"]')).toHaveAttribute('title', /已印发实施方案/u);

  // The entries are kept: a reload shows them.
  await page.reload();
  await expect(page.getByRole('grid', { name: '复制推广台账' }).locator('[data-cell="0:0"]')).toHaveValue('copied');

  // The reverse layout shows the same cells: experiences down, units across.
  await page.getByText('经验在左').click();
  const reversed = page.getByRole('grid', { name: '复制推广台账' });
  await expect(reversed.locator('[data-cell="0:0"]')).toHaveValue('copied');
  await expect(reversed.locator('[data-cell="1:0"]')).toHaveValue('not_applicable');
  await expect(reversed.locator('[data-cell="1:1"]')).toHaveValue('in_progress');

  await page.getByRole('menuitem', { name: /经验目录/u }).click();
  await expect(page.getByRole('cell', { name: '自贸试验区第六批改革试点经验' }).first()).toBeVisible();
  await page.screenshot({ path: '.tmp/register-catalogue.png' });
  await page.getByRole('menuitem', { name: /交叉统计/u }).click();
  await expect(page.getByTestId('cross-table').getByRole('columnheader', { name: '未定级' })).toBeVisible();
  await page.screenshot({ path: '.tmp/register-crosstab.png' });
  expect(web.consoleErrors).toEqual([]);
});

test('a level step on the case page shows as the current level there and in the library', async ({ page, web }) => {
  await page.goto(`${web.url}#/cases/1`);
  await expect(page.getByText('级别沿革')).toBeVisible();
  await expect(page.getByTestId('current-level')).toHaveText('未定级');
  await page.getByLabel('授予单位').fill('省自贸办');
  await page.getByLabel('文号').fill('黑自贸工办函〔2024〕12号');
  await page.getByRole('button', { name: /添加级别/u }).click();
  await expect(page.getByTestId('current-level')).toHaveText('省级优秀案例');
  await expect(page.getByRole('cell', { name: '黑自贸工办函〔2024〕12号' })).toBeVisible();
  await page.screenshot({ path: '.tmp/register-case-levels.png', fullPage: true });
  await page.getByRole('menuitem', { name: /案例库/u }).click();
  await expect(page.getByRole('columnheader', { name: '级别' })).toBeVisible();
  await expect(page.locator('.ant-tag', { hasText: '省级优秀' })).toHaveCount(1); // the library's short tag (full name in its tooltip)
  expect(web.consoleErrors).toEqual([]);
});
