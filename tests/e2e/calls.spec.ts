import { CASE_LINES, PNG_BYTES, caseDocx } from '../helpers/submissions';
import { expect, test } from './fixtures';

// 征集 through the real UI: start a call, drop the units' files onto it, read the tracker, score and rank.

test('start a call, drop two case files and a bad file onto it, see the tracker, score and make the batch', async ({ page, web }) => {
  test.setTimeout(120_000);
  await page.goto(web.url);
  await page.getByRole('menuitem', { name: /征集与评选/u }).click();
  await expect(page.getByText('还没有征集')).toBeVisible();
  await page.getByRole('button', { name: /新建征集/u }).click();
  const title = page.getByLabel('征集名称', { exact: true });
  await expect(title).toBeFocused();
  await title.fill('2026年复制推广典型案例征集');
  await page.getByRole('button', { name: /^创\s*建$/u }).click();
  await expect(page.getByRole('heading', { name: '2026年复制推广典型案例征集' })).toBeVisible();

  // The default units are every city and 片区: drop one file per way of naming the unit, and a picture.
  await page.getByRole('tab', { name: /收件与初审/u }).click();
  const a = await caseDocx('“跨境电商监管新模式”复制推广典型案例', '（大庆市提供）', CASE_LINES('跨境电商监管新模式'));
  const b = await caseDocx('“企业开办一网通办”复制推广典型案例', null, CASE_LINES('企业开办一网通办'));
  const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  await page.locator('input[type=file]').first().setInputFiles([
    { name: '报送材料.docx', mimeType: docx, buffer: a },
    { name: '哈尔滨片区-企业开办.docx', mimeType: docx, buffer: b },
    { name: '照片.png', mimeType: 'image/png', buffer: PNG_BYTES },
  ]);
  const results = page.getByTestId('receive-results');
  await expect(results.getByText('已收到', { exact: true })).toHaveCount(2);
  await expect(results.getByText('未接收', { exact: true })).toHaveCount(1);
  await expect(results.getByText(/不是案例文件/u)).toBeVisible();
  await expect(page.getByRole('link', { name: '“企业开办一网通办”复制推广典型案例' })).toBeVisible();

  await page.getByRole('tab', { name: /报送情况/u }).click();
  await expect(page.getByTestId('total-received')).toHaveText('2');
  await expect(page.getByTestId('chase-list')).not.toContainText('大庆');
  await expect(page.getByTestId('chase-list')).toContainText('伊春');
  await page.screenshot({ path: '.tmp/calls-tracker.png' });

  // 评选: one reviewer, one criterion; the higher score ranks first.
  await page.getByRole('tab', { name: '评选' }).click();
  await page.getByRole('button', { name: /添加评审人/u }).click();
  await page.getByRole('button', { name: /添加评分项/u }).click();
  await page.getByRole('button', { name: /保存评审设置/u }).click();
  await expect(page.getByText('已保存评审人和评分项')).toBeVisible();
  const scoreOf = (t: string) => page.getByLabel(`评审1对“${t}”的评分项1评分`, { exact: true });
  await scoreOf('“跨境电商监管新模式”复制推广典型案例').fill('80');
  await scoreOf('“跨境电商监管新模式”复制推广典型案例').press('Enter');
  await expect(page.getByTestId('total').first()).toHaveText('80');
  await scoreOf('“企业开办一网通办”复制推广典型案例').fill('92');
  await scoreOf('“企业开办一网通办”复制推广典型案例').press('Enter');
  await expect(page.getByTestId('ranking').locator('tr.ant-table-row').first()).toContainText('企业开办一网通办');
  await expect(page.getByTestId('total').first()).toHaveText('92');
  await page.screenshot({ path: '.tmp/calls-score.png', fullPage: true });

  await page.getByRole('button', { name: /按名次生成批次/u }).click();
  await page.getByRole('button', { name: /^生\s*成$/u }).click();
  await expect(page).toHaveURL(/#\/batches\/\d+/u);
  await expect(page.getByText('企业开办一网通办').first()).toBeVisible();
  expect(web.consoleErrors).toEqual([]);
});
