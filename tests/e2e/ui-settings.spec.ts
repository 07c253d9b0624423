import { expect, test, type Page } from './fixtures';
import type { Locator } from '@playwright/test';

/** Drags the second handle above the first, with the mouse. */
async function dragSecondAboveFirst(page: Page, handles: Locator) {
  const from = (await handles.nth(1).boundingBox())!;
  const to = (await handles.nth(0).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, to.y + 2, { steps: 8 });
  await page.mouse.move(from.x + from.width / 2, to.y - 4, { steps: 4 });
  await page.mouse.up();
}

// Issue 14.11: sources by batch number, a sticky 保存设置, units and fields reordered by drag.

test('settings: sources by batch number, 保存设置 always in reach, units and fields reorder by drag', async ({ page, web }) => {
  await page.goto(web.url);
  await page.getByRole('link', { name: '设置', exact: true }).click();

  // units: drag the second above the first
  await page.getByRole('tab', { name: '提供单位' }).click();
  const unitNames = () => page.locator('.ant-table-row input.ant-input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  const before = await unitNames();
  await dragSecondAboveFirst(page, page.getByRole('button', { name: /^拖动 /u }));
  await expect.poll(unitNames).toEqual([before[1], before[0], ...before.slice(2)]);
  await page.reload();
  await page.getByRole('tab', { name: '提供单位' }).click();
  await expect.poll(unitNames).toEqual([before[1], before[0], ...before.slice(2)]); // saved, not only shown

  // fields: the same
  await page.getByRole('tab', { name: '领域与来源' }).click();
  const fieldCard = page.locator('.ant-card').filter({ hasText: '领域' }).first();
  const fieldNames = () => fieldCard.locator('.ant-table-row input.ant-input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  const fieldsBefore = await fieldNames();
  await dragSecondAboveFirst(page, fieldCard.getByRole('button', { name: /^拖动 /u }));
  await expect.poll(fieldNames).toEqual([fieldsBefore[1], fieldsBefore[0], ...fieldsBefore.slice(2)]);

  // sources: 第一、第二… in number order, whatever the pinyin says
  const sourceCard = page.locator('.ant-card').filter({ hasText: '复制推广来源' });
  for (const name of ['自贸试验区第十二批改革试点经验', '自贸试验区第二批改革试点经验', '自贸试验区第七批改革试点经验']) {
    await sourceCard.getByLabel('来源名称').fill(name);
    await sourceCard.getByRole('button', { name: /^添\s?加$/u }).click();
    await expect(sourceCard.getByText(name, { exact: true })).toBeVisible();
  }
  const order = await sourceCard.locator('.ant-table-row td:first-child').allTextContents();
  const numbered = order.filter((n) => /第.+批/u.test(n)).map((n) => /第(.+?)批/u.exec(n)![1]!);
  const value = (s: string) => ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'].indexOf(s) + 1;
  expect(numbered.map(value)).toEqual([...numbered.map(value)].sort((a, b) => a - b));

  // 保存设置 stays visible when the office tab is scrolled to its end
  await page.getByRole('tab', { name: '发文机关与模板' }).click();
  const save = page.getByRole('button', { name: '保存设置' });
  await expect(save).toBeInViewport();
  await page.locator('.shell-content').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(save).toBeInViewport();
  await page.locator('.shell-content').evaluate((el) => el.scrollTo(0, 0));
  await expect(save).toBeInViewport();
  await page.getByLabel('设置-机关代字').fill('黑自贸办函');
  await save.click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('settings.png') });
  expect(web.consoleErrors).toEqual([]);
});
