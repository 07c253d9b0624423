import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_CASES, wordFile } from '../helpers/word-samples';
import { expect, test } from './fixtures';

// Issue 14.5 and 17.9 through the real UI: every file is previewed before anything is saved; a circular imported
// before names its batch by title, gives no advice about a batch that was not imported, and can still bring its
// cases into the library; a refused file is named and the others go on; the count of findings opens them.

const SEED_CIRCULAR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/seeds/001_687212a8bc2a322c.txt');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

test('preview, then import: a Word file with automatic numbering, a refused .doc, and the demo circular again', async ({ page, web }) => {
  test.setTimeout(120_000);
  await page.goto(web.url);
  await page.getByRole('menuitem', { name: /导入与检查/u }).click();

  await page.locator('input[type=file]').first().setInputFiles([
    { name: '两个案例.docx', mimeType: DOCX, buffer: await wordFile('numbering') },
    { name: 'OA导出.doc', mimeType: 'application/msword', buffer: Buffer.from('{\\rtf1\\ansi 案例}') },
  ]);
  await expect(page.getByText('OA导出.doc：未导入')).toBeVisible();
  await expect(page.getByText(/OA导出.doc其实是 RTF 文件/u)).toBeVisible();
  const word = page.getByTestId('import-preview').filter({ hasText: '两个案例.docx' });
  await expect(word).toContainText('案例文件，2 个案例');
  await expect(word).toContainText(SAMPLE_CASES[0]!.title);
  await word.getByRole('button', { name: /^导\s*入$/u }).click();
  await expect(page.getByText('已导入 2 个案例').first()).toBeVisible();
  await expect(word).toHaveCount(0);

  // the demo's 第三批 is in the library already
  await page.locator('input[type=file]').first().setInputFiles([{ name: '第三批.txt', mimeType: 'text/plain', buffer: fs.readFileSync(SEED_CIRCULAR) }]);
  const again = page.getByTestId('import-preview').filter({ hasText: '第三批.txt' });
  await expect(again.getByText(/该通知已导入过，即批次/u)).toBeVisible();
  await expect(again.getByRole('link', { name: '“第三批复制推广自贸试验区制度创新成果典型案例”' })).toBeVisible();
  await expect(again).not.toContainText('可在批次的规范检查中修复');
  // the count of findings opens them in place
  const count = again.getByText(/规范检查：\d+ 处（错误 \d+），查看/u);
  await count.click();
  await expect(again.getByTestId('findings-summary')).toBeVisible();
  await page.screenshot({ path: '.tmp/import-preview.png', fullPage: true });
  await again.getByRole('button', { name: '仅将 28 个案例导入案例库' }).click();
  await expect(page.getByText('已导入 28 个案例').first()).toBeVisible();
  await expect(page.getByText('可在批次的“规范检查”中修复。')).toHaveCount(0);
  expect(web.consoleErrors).toEqual([]);
});
