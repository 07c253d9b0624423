import fs from 'node:fs';
import { expect, startWeb, test } from './fixtures';

// Issue 14, item 10: on a database without cases every page says what to do next, never a bare «无数据».

test('every page of an empty database says what to do next', async ({ page }) => {
  const { app, child } = await startWeb({ seed: false });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(app.url);
    const expected: [string, RegExp][] = [
      ['案例库', /新建|导入/u],
      ['批次', /新建批次/u],
      ['征集与评选', /新建征集/u],
      ['自贸动态', /新建一期|导入一期/u],
      ['统计', /导入与检查.*新建案例/u],
      ['经验目录', /导入 Excel\/CSV|添加经验/u],
      ['复制推广台账', /经验目录/u],
      ['交叉统计', /导入与检查.*新建案例/u],
    ];
    for (const [name, hint] of expected) {
      await page.getByRole('link', { name, exact: true }).click();
      const empty = page.locator('.shell-content .ant-empty-description, .shell-content .ant-table-placeholder').filter({ hasText: hint }).first();
      await expect(empty, name).toBeVisible();
      await expect(page.locator('.shell-content').getByText(/无数据/u).locator('visible=true'), name).toHaveCount(0);
      if (name === '统计' || name === '复制推广台账') await page.screenshot({ path: test.info().outputPath(`empty-${name}.png`) });
    }
    // the links lead on
    await page.getByRole('link', { name: '统计', exact: true }).click();
    await page.getByTestId('empty-hint').getByRole('link', { name: /导入与检查/u }).click();
    await expect(page.getByLabel('待检查文字')).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(app.dir, { recursive: true, force: true });
  }
});
