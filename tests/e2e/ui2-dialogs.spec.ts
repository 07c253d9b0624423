import { expect, test, type Page } from './fixtures';

// Issue 14, item 9: each dialog focuses its first field and submits on Enter; no aria text on any page or dialog
// is in English (proper names of formats and programs may stand in Chinese sentences).

const ALLOWED = new Set(['docx', 'xlsx', 'WPS', 'PDF', 'Excel', 'Word', 'Ctrl', 'Shift', 'Enter', 'FTZ', 'Casebook']);

/** Every aria label, title and aria text on the page that holds an English word. */
async function englishAria(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of ['aria-label', 'title', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder']) {
        const v = el.getAttribute(attr);
        if (v) out.push(`${el.tagName.toLowerCase()}[${attr}]=${v}`);
      }
    }
    return out;
  });
  return texts.filter((t) => (t.split('=').slice(1).join('=').match(/[A-Za-z]{3,}/gu) ?? []).some((w) => !ALLOWED.has(w)));
}

test('dialogs focus their first field and submit on Enter', async ({ page, web }) => {
  await page.goto(web.url);
  await page.getByRole('link', { name: '批次', exact: true }).click();
  await page.getByRole('button', { name: '新建批次' }).click();
  await expect(page.getByLabel('批次类型')).toBeFocused();
  expect(await englishAria(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.getByText('挑选案例', { exact: true })).toBeVisible();
  expect(await englishAria(page)).toEqual([]);

  await page.getByRole('link', { name: '征集与评选', exact: true }).click();
  await page.getByRole('button', { name: /新建征集/u }).click();
  await expect(page.getByLabel('征集名称')).toBeFocused();
  expect(await englishAria(page)).toEqual([]);
  // the dialog comes filled in: Enter creates the call
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /^报送情况/u })).toBeVisible();

  await page.getByRole('link', { name: '经验目录', exact: true }).click();
  await page.getByRole('button', { name: /添加经验/u }).click();
  await expect(page.locator('.ant-modal input').first()).toBeFocused();
  expect(await englishAria(page)).toEqual([]);
  await page.keyboard.press('Escape');
  expect(web.consoleErrors).toEqual([]);
});

test('no aria label or title on any page is in English', async ({ page, web }) => {
  await page.goto(web.url);
  const pages = ['案例库', '批次', '征集与评选', '自贸动态', '导入与检查', '统计', '经验目录', '复制推广台账', '交叉统计', '设置', '帮助'];
  const found: Record<string, string[]> = {};
  for (const name of pages) {
    await page.getByRole('link', { name, exact: true }).click();
    await page.waitForTimeout(1200);
    const bad = await englishAria(page);
    if (bad.length) found[name] = bad;
  }
  // a case, a batch with its tabs, a newsletter
  await page.getByRole('link', { name: '案例库', exact: true }).click();
  await page.locator('.library-table .vt-row a').first().click();
  await expect(page.getByLabel('案例名称')).toBeVisible();
  await page.waitForTimeout(1000);
  found['案例'] = await englishAria(page);
  await page.getByRole('link', { name: '批次', exact: true }).click();
  await page.locator('.ant-table-row a').first().click();
  for (const tab of [/^案例/u, /^通知/u, /规范检查/u, /^导出/u]) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForTimeout(500);
    found[`批次 ${tab.source}`] = await englishAria(page);
  }
  for (const [k, v] of Object.entries(found)) if (!v.length) delete found[k];
  expect(found).toEqual({});
  expect(web.consoleErrors).toEqual([]);
});
