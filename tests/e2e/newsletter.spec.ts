import fs from 'node:fs';
import path from 'node:path';
import { paragraphs, readDocx } from '../helpers/docx';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from './fixtures';

// 《自贸动态》 through the real UI: compose a new issue from two library cases and a pasted article, reorder,
// preview, export to Word; import the seed issue and find it in the list.

const SEED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/seeds/004_cd0724b20db28bbc.txt');

async function exported(page: Page): Promise<string> {
  const dialog = page.getByTestId('export-result');
  await expect(dialog).toBeVisible();
  const file = (await page.getByTestId('export-path').textContent())!;
  await page.getByRole('button', { name: /^关\s*闭$/u }).click();
  expect(fs.existsSync(file)).toBe(true);
  return file;
}

test('compose a new issue from two library cases, reorder, preview and export it', async ({ page, web }) => {
  test.setTimeout(150_000);
  await page.goto(web.url);
  await page.getByRole('menuitem', { name: /自贸动态/u }).click();
  await expect(page.getByText('还没有《自贸动态》')).toBeVisible();
  await page.getByRole('button', { name: /新建一期/u }).click();
  await expect(page).toHaveURL(/#\/newsletters\/\d+/u);
  await expect(page.getByRole('heading', { name: '《自贸动态》第1期' })).toBeVisible();

  // Two cases of the library into 一、龙江板块.
  await page.getByRole('button', { name: /从案例添加/u }).click();
  const picker = page.getByRole('dialog', { name: '从案例库添加' });
  const rows = picker.locator('tr.ant-table-row');
  const firstTitle = (await rows.nth(0).locator('td').nth(1).textContent())!;
  const secondTitle = (await rows.nth(1).locator('td').nth(1).textContent())!;
  await rows.nth(0).locator('input[type=checkbox]').check();
  await rows.nth(1).locator('input[type=checkbox]').check();
  await picker.getByRole('button', { name: /添加（2）/u }).click();
  const items = page.getByTestId('newsletter-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('（一）');
  await expect(items.nth(1)).toContainText('（二）');

  // A pasted article into 二、制度创新, its wire credit recognised.
  await page.getByLabel('添加到栏目', { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '二、制度创新' }).click();
  await page.getByRole('button', { name: /粘贴文章/u }).click();
  await page.getByLabel('粘贴的文章').fill('（五）湖北省推出创新科技券 助力中小企业创新发展\n新华社武汉10月9日电 湖北省科技厅与财政厅近日联合发布了管理办法。\n\n创新券的支持对象主要是省内企业。');
  await page.getByRole('button', { name: /^添\s*加$/u }).click();
  await expect(items).toHaveCount(3);
  await expect(items.nth(2)).toContainText('（三）湖北省推出创新科技券');
  await expect(items.nth(2)).toContainText('新华社武汉10月9日电');
  // Edit it: a shorter title, and a link to the case it reports on.
  await items.nth(2).getByRole('button', { name: /^编辑/u }).click();
  const editor = page.getByRole('dialog', { name: '编辑文章' });
  await editor.getByLabel('文章标题').fill('湖北省推出创新科技券');
  await editor.getByLabel('报道的案例').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await editor.getByRole('button', { name: /^确\s*定$/u }).click();
  await expect(editor).toBeHidden(); // the keyboard drag below needs the page, not the closing dialog
  await expect(items.nth(2)).toContainText('（三）湖北省推出创新科技券');
  await expect(items.nth(2).getByText(/^案例 \d+$/u)).toBeVisible();

  // Move the second case above the first with the keyboard on its handle: the numbers follow.
  await items.nth(1).getByRole('button', { name: '拖动排序' }).focus();
  for (const key of ['Space', 'ArrowUp', 'Space']) {
    await page.keyboard.press(key);
    await page.waitForTimeout(300); // dnd-kit measures and animates between steps
  }
  await expect(items.nth(0)).toContainText(`（一）`);
  const renamed = (t: string) => t.replace(/^“(.+)”(复制推广典型案例|典型案例|创新实践案例)$/u, '$1');
  await expect(items.nth(0)).toContainText(renamed(secondTitle));
  await expect(items.nth(1)).toContainText(renamed(firstTitle));

  await page.getByRole('button', { name: /保存（Ctrl\+S）/u }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.getByRole('tab', { name: '预览' }).click();
  const preview = page.getByTestId('newsletter-preview');
  await expect(preview).toContainText('自贸动态');
  await expect(preview).toContainText('（三）湖北省推出创新科技券');
  await page.screenshot({ path: '.tmp/newsletter-preview.png', fullPage: true });
  await page.getByRole('tab', { name: /编排/u }).click();
  await page.screenshot({ path: '.tmp/newsletter-compose.png', fullPage: true });

  await page.getByRole('button', { name: /导出 Word/u }).click();
  const file = await exported(page);
  const ps = paragraphs(readDocx(fs.readFileSync(file)).document).map((p) => p.text);
  expect(ps).toContain('自贸动态');
  expect(ps).toContain('第1期');
  expect(ps.some((t) => t === `（一）${renamed(secondTitle)}`)).toBe(true);
  expect(ps.some((t) => t === `（二）${renamed(firstTitle)}`)).toBe(true);
  expect(ps.some((t) => t.startsWith('（三）湖北省推出创新科技券'))).toBe(true);
  expect(ps.some((t) => t.startsWith('新华社武汉10月9日电'))).toBe(true);

  // A section dragged above another takes its items with it; the numbers follow the new order.
  await page.getByRole('button', { name: '拖动排序' }).nth(3).focus(); // 二、制度创新's handle (after 一、 and its two items)
  for (const key of ['Space', 'ArrowUp', 'Space']) {
    await page.keyboard.press(key);
    await page.waitForTimeout(300);
  }
  await expect(page.getByLabel('栏目1名称')).toHaveValue('制度创新');
  await expect(items.nth(0)).toContainText('（一）湖北省推出创新科技券');
  await expect(items.nth(1)).toContainText(`（二）${renamed(secondTitle)}`);
  expect(web.consoleErrors).toEqual([]);
});

test('import the seed issue, refuse it twice, find it by an item title and see its figures', async ({ page, web }) => {
  test.setTimeout(120_000);
  await page.goto(`${web.url}#/newsletters`);
  const seed = fs.readFileSync(SEED);
  await page.locator('input[type=file]').setInputFiles({ name: '自贸动态245.txt', mimeType: 'text/plain', buffer: seed });
  await expect(page.getByRole('heading', { name: '《自贸动态》第245期' })).toBeVisible();
  await expect(page.getByTestId('newsletter-item')).toHaveCount(10);
  await expect(page.getByTestId('newsletter-item').nth(9)).toContainText('（十）《求是》杂志');
  await expect(page.getByTestId('figure-check').first()).toContainText('累计复制推广经验：文中 254');
  await page.screenshot({ path: '.tmp/newsletter-imported.png', fullPage: true });

  await page.getByRole('button', { name: '返回列表' }).click();
  await page.locator('input[type=file]').setInputFiles({ name: '自贸动态245.txt', mimeType: 'text/plain', buffer: seed });
  await expect(page.getByText(/已经导入过/u)).toBeVisible();
  await page.getByLabel('搜索各期').fill('保税物流通道');
  await expect(page.getByRole('link', { name: '第245期' })).toBeVisible();
  await page.getByLabel('搜索各期').fill('没有这个词');
  await expect(page.getByText('没有符合的期')).toBeVisible();
  expect(web.consoleErrors.filter((e) => !/400|Bad Request/u.test(e))).toEqual([]);
});
