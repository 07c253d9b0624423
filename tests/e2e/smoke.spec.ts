import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const SEED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/seeds/001_687212a8bc2a322c.txt');

test('a fresh database shows the demo batch’s 28 cases with no script errors', async ({ page, web }) => {
  const calls: string[] = [];
  page.on('request', (r) => r.method() === 'POST' && calls.push(new URL(r.url()).pathname));
  await page.goto(web.url);
  await expect(page.getByText('共 28 个案例')).toBeVisible();
  // The first window's calls went together in one request, and the library took their answers (issue 13).
  expect(calls.filter((c) => c === '/batch')).toHaveLength(1);
  expect(calls.filter((c) => /^\/api\/(cases\.list|units\.list|fields\.list|sources\.list|batches\.list|settings\.get)$/u.test(c))).toEqual([]);
  await expect(page.getByText('“建设项目水、电、气、暖现场一次联办模式”复制推广典型案例')).toBeVisible();
  // The table is virtual: scroll it with the wheel, as a clerk would, until the 28th case shows.
  const last = page.getByText('“优化涉税事项办理程序，压缩办理时限”复制推广典型案例');
  await page.locator('.library-table .vt-scroll').hover();
  await expect
    .poll(async () => {
      await page.mouse.wheel(0, 1500);
      return last.isVisible();
    })
    .toBe(true);
  expect(new URL(page.url()).searchParams.get('token')).toBeNull(); // the token left the address bar

  // The batch lists all 28 in the order of the circular's 汇总表.
  await page.getByRole('link', { name: '批次', exact: true }).click();
  await page.getByRole('link', { name: '第三批复制推广自贸试验区制度创新成果典型案例' }).click();
  const rows = page.locator('.items-table .ant-table-row');
  await expect(rows).toHaveCount(28);
  const seed = fs.readFileSync(SEED, 'utf8');
  const table = [...seed.matchAll(/^(\d+)\t(.+?)\t(.+)$/gmu)].slice(0, 28).map((m) => m[3]!.trim());
  expect(await rows.locator('td:last-child').allTextContents()).toEqual(table);
  expect(web.consoleErrors).toEqual([]);
});
