import Database from 'better-sqlite3';
import { expect, test, type Page } from './fixtures';

// The case library's own table (components/VirtualTable.tsx, issue 13: the first window without antd's Table):
// rows of a fixed height rendered only in view, selection with Shift ranges, sort and widths by mouse and keyboard,
// and the library's actions on what is selected, checked in the database.

function deletedTitles(dbFile: string): string[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT title FROM cases WHERE deleted_at IS NOT NULL ORDER BY id').all() as { title: string }[]).map((r) => r.title);
  } finally {
    db.close();
  }
}

const rows = (page: Page) => page.locator('.library-table .vt-row');
const titles = (page: Page) => rows(page).locator('td:nth-child(2) a').allTextContents();
const checkbox = (page: Page, i: number) => rows(page).nth(i).getByRole('checkbox');

async function copies(page: Page, n: number) {
  await page.evaluate(async (n) => {
    const token = sessionStorage.getItem('casebook.token') ?? '';
    for (let i = 0; i < n; i++) {
      const res = await fetch('/api/cases.duplicate', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Casebook-Token': token }, body: JSON.stringify({ id: 1 + (i % 28) }) });
      if (!((await res.json()) as { ok: boolean }).ok) throw new Error('duplicate refused');
    }
  }, n);
}

test('a long library renders only the rows in view, each as high as the table counts, and scrolls to its last case', async ({ page, web }) => {
  await page.goto(web.url);
  await expect(page.getByText('共 28 个案例')).toBeVisible();
  await copies(page, 472);
  await page.reload();
  await expect(page.getByText('共 500 个案例')).toBeVisible();
  await expect(page.locator('.library-table table')).toHaveAttribute('aria-rowcount', '501');
  expect(await rows(page).count()).toBeLessThan(40); // 500 cases, a window of rows
  const heights = await rows(page).evaluateAll((trs) => [...new Set(trs.map((tr) => tr.getBoundingClientRect().height))]);
  expect(heights).toEqual([32]);
  // the scroll height is exactly the rows' (so the rows drawn are the rows counted), and the end shows the last case
  const scroller = page.locator('.library-table .vt-scroll');
  const [scrollHeight, headerHeight] = await scroller.evaluate((el) => [el.scrollHeight, el.querySelector('thead')!.getBoundingClientRect().height]);
  expect(scrollHeight).toBe(Math.round(headerHeight + 500 * 32));
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(rows(page).last()).toHaveAttribute('aria-rowindex', '501');
  const last = await rows(page).last().boundingBox();
  const box = await scroller.boundingBox();
  expect(Math.round(last!.y + last!.height)).toBeLessThanOrEqual(Math.round(box!.y + box!.height));
  expect(Math.round(last!.y + last!.height)).toBeGreaterThanOrEqual(Math.round(box!.y + box!.height) - 20); // the last row at the bottom
  // a search: two-line rows of their own fixed height, the list back at its top
  await page.getByLabel('全文检索').fill('联办');
  await expect(page.getByText(/找到 \d+ 个/u)).toBeVisible();
  await expect(rows(page).first().locator('.snippet')).toBeVisible();
  expect(await rows(page).evaluateAll((trs) => [...new Set(trs.map((tr) => tr.getBoundingClientRect().height))])).toEqual([50]);
  await expect(rows(page).first()).toHaveAttribute('aria-rowindex', '2');
  expect(web.consoleErrors).toEqual([]);
});

test('selection: a click, a Shift range, the header box; delete and restore what is selected', async ({ page, web }) => {
  await page.goto(web.url);
  await expect(page.getByText('共 28 个案例')).toBeVisible();
  const shown = await titles(page);
  await checkbox(page, 1).check();
  await checkbox(page, 4).click({ modifiers: ['Shift'] });
  await expect(page.getByText('共 28 个案例，已选 4 个')).toBeVisible();
  for (const i of [1, 2, 3, 4]) await expect(rows(page).nth(i)).toHaveAttribute('aria-selected', 'true');
  await expect(rows(page).nth(0)).toHaveAttribute('aria-selected', 'false');
  expect(await page.getByRole('checkbox', { name: '全选' }).evaluate((el: HTMLInputElement) => el.indeterminate)).toBe(true);
  // a Shift range unchecks too
  await checkbox(page, 3).click();
  await checkbox(page, 2).click({ modifiers: ['Shift'] });
  await expect(page.getByText('共 28 个案例，已选 2 个')).toBeVisible();
  await expect(checkbox(page, 1)).toBeChecked();
  await expect(checkbox(page, 4)).toBeChecked();
  // screen readers hear the case's name
  await expect(page.getByRole('checkbox', { name: `选择“${shown[1]}”` })).toBeChecked();

  await page.getByRole('button', { name: /删\s?除/u }).click();
  await page.getByRole('dialog').getByRole('button', { name: /删\s?除/u }).click();
  await expect(page.getByText('共 26 个案例')).toBeVisible();
  expect(deletedTitles(web.dbFile).sort()).toEqual([shown[1], shown[4]].sort());

  await page.getByText('回收站', { exact: true }).click();
  await expect(page.getByText('共 2 个案例')).toBeVisible();
  await page.getByRole('checkbox', { name: '全选' }).check();
  await expect(page.getByText('共 2 个案例，已选 2 个')).toBeVisible();
  await page.getByRole('button', { name: /恢\s?复/u }).click();
  await expect(page.getByText('共 0 个案例')).toBeVisible();
  await expect(page.getByText('回收站是空的')).toBeVisible();
  expect(deletedTitles(web.dbFile)).toEqual([]);
  await page.getByText('全部案例', { exact: true }).click();
  await expect(page.getByText('共 28 个案例')).toBeVisible();
  await page.getByRole('checkbox', { name: '全选' }).check();
  await expect(page.getByText('共 28 个案例，已选 28 个')).toBeVisible();
  await page.getByRole('checkbox', { name: '全选' }).uncheck();
  await expect(page.getByText('共 28 个案例', { exact: true })).toBeVisible();
  expect(web.consoleErrors).toEqual([]);
});

test('sort by a click or the keyboard, widths by the keyboard, a double click opens the case', async ({ page, web }) => {
  await page.goto(web.url);
  await expect(page.getByText('共 28 个案例')).toBeVisible();
  const before = await titles(page);
  const title = page.locator('.library-table thead th', { hasText: '案例名称' });
  await title.click();
  await expect(title).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await titles(page);
  expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  expect(ascending).not.toEqual(before);
  await title.focus();
  await page.keyboard.press('Enter');
  await expect(title).toHaveAttribute('aria-sort', 'descending');
  const descending = await titles(page);
  expect(descending).toEqual([...descending].sort((a, b) => b.localeCompare(a, 'zh-CN')));
  expect(descending[0]).not.toBe(ascending[0]);
  await page.keyboard.press(' ');
  await expect(title).not.toHaveAttribute('aria-sort');
  expect(await titles(page)).toEqual(before);

  const unit = page.locator('.library-table thead th', { hasText: '提供单位' });
  const w0 = (await unit.boundingBox())!.width;
  await unit.getByRole('separator', { name: '调整“提供单位”列宽' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Math.round((await unit.boundingBox())!.width)).toBe(Math.round(w0) + 16);
  await expect(unit).not.toHaveAttribute('aria-sort'); // the grip's keys do not sort

  await rows(page).nth(2).locator('td').nth(5).dblclick();
  await expect(page.getByLabel('案例名称')).toHaveValue(before[2]!);
  expect(web.consoleErrors).toEqual([]);
});

test('the filters come after the list, in the boxes that stood for them, and filter', async ({ page, web }) => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/CaseFilters-[\w-]+\.js$/u, async (route) => (await held, route.continue()));
  await page.goto(web.url);
  // the list is shown while the filters' script is held back: boxes stand in their place, silent to screen readers
  await expect(page.getByText('共 28 个案例')).toBeVisible();
  const boxes = page.locator('.filter-placeholder');
  await expect(boxes).toHaveCount(6);
  await expect(page.getByRole('combobox')).toHaveCount(0);
  const before = await boxes.evaluateAll((els) => els.map((e) => (({ x, y, width, height }) => [x, y, width, height].map(Math.round))(e.getBoundingClientRect())));
  release();
  const unit = page.getByRole('combobox', { name: '提供单位' });
  await expect(unit).toBeVisible();
  await expect(boxes).toHaveCount(0);
  const after = await page.locator('.toolbar .ant-select').evaluateAll((els) => els.map((e) => (({ x, y, width, height }) => [x, y, width, height].map(Math.round))(e.getBoundingClientRect())));
  expect(after).toEqual(before); // nothing moves when the filters arrive
  await unit.click();
  await page.keyboard.type('黑河'); // the list of units is long and virtual: search it, as a clerk would
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^黑河片区$/u }).click();
  const db = new Database(web.dbFile, { readonly: true, fileMustExist: true });
  const { n } = db.prepare("SELECT COUNT(*) AS n FROM cases JOIN units ON units.id = cases.unit_id WHERE units.name = '黑河片区' AND deleted_at IS NULL").get() as { n: number };
  db.close();
  expect(n).toBeGreaterThan(1);
  await expect(page.getByText(`共 ${n} 个案例`)).toBeVisible();
  expect(await page.locator('.library-table .vt-row td:nth-child(3)').allTextContents()).toEqual(Array(n).fill('黑河片区'));
  expect(web.consoleErrors).toEqual([]);
});
