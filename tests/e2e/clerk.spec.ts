import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { readDocx, paragraphs } from '../helpers/docx';
import { expect, test, type Page } from './fixtures';

// A clerk's whole task through the real UI, over the loopback transport, on a fresh database.

const TITLE = '“冰雪旅游一码通”复制推广典型案例';

async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`, 'u') }).click();
}

async function exported(page: Page): Promise<string> {
  const dialog = page.getByTestId('export-result');
  await expect(dialog).toBeVisible();
  const file = (await page.getByTestId('export-path').textContent())!;
  await page.getByRole('button', { name: /^关\s*闭$/u }).click();
  await expect(dialog).toBeHidden();
  expect(fs.existsSync(file)).toBe(true);
  return file;
}

test('create a case, find it, batch it with two demo cases, reorder, fill the circular, export, issue, edit and re-export', async ({ page, web }) => {
  test.setTimeout(180_000);
  await page.goto(web.url);
  await expect(page.getByText('案例库').first()).toBeVisible();

  // 1. A new case with two sections, the second with two sub-items (Ctrl+N opens the editor).
  await page.keyboard.press('Control+n');
  await expect(page.getByLabel('案例名称', { exact: true })).toBeVisible();
  await page.getByLabel('案例名称', { exact: true }).fill(TITLE);
  await pick(page, '提供单位', '伊春市');
  await page.getByRole('button', { name: '删除四、', exact: true }).click();
  await page.getByRole('button', { name: '删除三、', exact: true }).click();
  await expect(page.getByLabel('三、标题', { exact: true })).toHaveCount(0);
  await page.getByLabel('一、第1段', { exact: true }).fill('伊春市复制推广自贸试验区第六批改革试点经验，推行冰雪旅游一码通。');
  await page.getByLabel('二、第1段', { exact: true }).fill('伊春市从三个方面推进。');
  await page.getByRole('button', { name: '二、添加条目' }).click();
  await page.getByLabel('二、（一）标题', { exact: true }).fill('统一入口');
  await page.getByLabel('二、（一）第1段', { exact: true }).fill('整合景区、交通、住宿预订入口。');
  await page.getByRole('button', { name: '二、添加条目' }).click();
  await page.getByLabel('二、（二）标题', { exact: true }).fill('一码通行');
  await page.getByLabel('二、（二）第1段', { exact: true }).fill('游客凭一个二维码游览各景区。');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('已保存');
  await page.getByRole('tab', { name: '预览' }).click();
  const preview = page.getByTestId('case-preview').first();
  await expect(preview).toContainText('（伊春市提供）');
  await expect(preview).toContainText('二、主要做法');
  await expect(preview).toContainText('（二）一码通行');
  const caseUrl = page.url();
  expect(caseUrl).toMatch(/#\/cases\/\d+$/u);

  // 2. Find it by search.
  await page.getByRole('link', { name: '案例库', exact: true }).click();
  await page.getByLabel('全文检索', { exact: true }).fill('一码通');
  await expect(page.getByText('找到 1 个')).toBeVisible();
  await expect(page.locator('mark.hit').first()).toHaveText('一码通');

  // 3. A new batch with it and two demo cases.
  await page.getByRole('link', { name: '批次', exact: true }).click();
  await page.getByRole('button', { name: '新建批次' }).click();
  await page.getByRole('button', { name: '创 建' }).click();
  await expect(page.getByText('挑选案例')).toBeVisible();
  const picker = page.locator('.ant-card').filter({ hasText: '挑选案例' });
  for (const q of ['一码通', '出口退税无纸化', '建设项目水、电、气、暖']) {
    await picker.getByLabel('检索案例', { exact: true }).fill(q);
    await expect(picker.locator('.ant-table-row')).toHaveCount(1);
    await picker.locator('.ant-table-row').first().locator('input[type=checkbox]').check();
    await picker.getByRole('button', { name: /加入批次/u }).click();
    // the demo's cases sit in the issued 第三批: the picker asks first (issue 14.7)
    if (q !== '一码通') await page.getByRole('button', { name: '仍然加入' }).click();
  }
  const items = page.locator('.items-table .ant-table-row');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText(TITLE);

  // 4. Reorder: drag the third item to the top with the keyboard on its handle; 序号 follow.
  await items.nth(2).getByRole('button', { name: /^拖动/u }).focus();
  for (const key of ['Space', 'ArrowUp', 'ArrowUp', 'Space']) {
    await page.keyboard.press(key);
    await page.waitForTimeout(300); // dnd-kit measures and animates between steps
  }
  await expect(items.nth(0)).toContainText('建设项目水、电、气、暖现场一次联办模式');
  await expect(items.nth(0).locator('td').nth(1)).toHaveText('1');
  await expect(items.nth(1)).toContainText(TITLE);
  // «按单位排序» puts 大庆 (a city before 伊春 in the official order) first and the 片区 last.
  await page.getByRole('button', { name: '按单位排序' }).click();
  await expect(items.nth(2)).toContainText('出口退税无纸化');

  // 5. The circular: its body is drafted on opening (issue 14.3); date it, save.
  await page.getByRole('tab', { name: /^通知/u }).click();
  await expect(page.getByRole('button', { name: '重新起草' })).toBeVisible();
  await expect(page.getByLabel('正文第2段', { exact: true })).toHaveValue(/大庆、伊春等市（地）及我省自贸试验区黑河片区/u);
  await page.getByLabel('成文日期', { exact: true }).click();
  await page.getByLabel('成文日期', { exact: true }).fill('2024-05-08');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /保存通知/u }).click();
  await expect(page.getByText('通知已保存')).toBeVisible();

  // 6. Export Word and Excel; the files open with the project's readers.
  await page.getByRole('tab', { name: '导出' }).click();
  await page.getByRole('button', { name: '导出 Word' }).click();
  const draftDocx = await exported(page);
  const docText = paragraphs(readDocx(fs.readFileSync(draftDocx)).document).map((p) => p.text);
  expect(docText).toContain(TITLE);
  expect(docText).toContain('（伊春市提供）');
  expect(docText).toContain('（二）一码通行');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const xlsx = await exported(page);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const sheet = wb.getWorksheet('汇总表')!;
  expect([2, 3, 4].map((r) => sheet.getRow(r + 1).getCell(2).value)).toContain(TITLE);

  // 7. Issue the batch: it freezes.
  await page.locator('.page-head').getByRole('button', { name: /印\s*发/u }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: /印\s*发/u }).click();
  await expect(page.getByText('已印发，批次已冻结')).toBeVisible();
  await expect(page.getByText('内容已冻结')).toBeVisible();
  await page.getByRole('tab', { name: '导出' }).click();
  await page.getByRole('button', { name: '导出 Word' }).click();
  const issued = fs.readFileSync(await exported(page));

  // 8. Edit the case afterwards, re-export: the issued document does not change.
  await page.goto(caseUrl);
  const saveState = page.getByTestId('save-state');
  await expect(saveState).toContainText('已保存');
  const revision = async () => Number(/第 (\d+) 版/u.exec((await saveState.textContent()) ?? '')?.[1] ?? 0);
  const before = await revision();
  await page.getByLabel('二、（二）第1段', { exact: true }).fill('游客凭一个二维码游览全市各景区。（修改后）');
  await page.keyboard.press('Control+s');
  await expect.poll(revision).toBeGreaterThan(before);
  await page.goBack();
  await page.goto(web.url.replace(/\/\?token=.*$/u, '/#/batches'));
  await page.getByRole('link', { name: /第四批/u }).click();
  await page.getByRole('tab', { name: '导出' }).click();
  await page.getByRole('button', { name: '导出 Word' }).click();
  const again = fs.readFileSync(await exported(page));
  expect(again.equals(issued)).toBe(true);
  expect(paragraphs(readDocx(again).document).some((p) => p.text.includes('（修改后）'))).toBe(false);

  expect(web.consoleErrors).toEqual([]);
});
