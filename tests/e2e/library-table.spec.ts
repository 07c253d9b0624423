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

/** The library opened on the demo's 28 cases and copies of them, `total` in all. */
async function longLibrary(page: Page, url: string, total: number) {
  await page.goto(url);
  await expect(page.getByText('共 28 个案例')).toBeVisible();
  await copies(page, total - 28);
  await page.reload();
  await expect(page.getByText(`共 ${total} 个案例`)).toBeVisible();
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

test('a case a search hides is not selected: the count, 删除 and the next click act only on checked rows in view', async ({ page, web }) => {
  await page.goto(web.url);
  await expect(page.getByText('共 28 个案例')).toBeVisible();
  const hidden = (await titles(page))[0]!;
  expect(hidden).not.toContain('退税');
  await checkbox(page, 0).check();
  await expect(page.getByText('共 28 个案例，已选 1 个')).toBeVisible();
  await page.getByLabel('全文检索').fill('退税');
  await expect(page.getByText(/找到 \d+ 个/u)).toBeVisible();
  expect(await titles(page)).not.toContain(hidden);
  // nothing in view is checked: nothing is counted, and there is nothing to delete or copy
  await expect(page.getByText(/已选/u)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /删\s?除/u })).toBeDisabled();
  await expect(page.getByRole('button', { name: /复\s?制/u })).toBeDisabled();
  await checkbox(page, 0).check();
  const seen = (await titles(page))[0]!;
  await expect(page.getByText(/，已选 1 个/u)).toBeVisible();
  await page.getByRole('button', { name: /删\s?除/u }).click();
  await expect(page.getByRole('dialog')).toContainText('删除选中的 1 个案例');
  // the question names what it deletes, and only that
  await expect(page.getByRole('dialog').getByRole('listitem')).toHaveText([seen]);
  await page.getByRole('dialog').getByRole('button', { name: /删\s?除/u }).click();
  await expect(page.getByText(/已移到回收站：1 个/u)).toBeVisible();
  expect(deletedTitles(web.dbFile)).toEqual([seen]);
  // back to the whole list: the case the search hid was not deleted, and is not selected behind the clerk's back
  await page.getByLabel('全文检索').fill('');
  await expect(page.getByText('共 27 个案例')).toBeVisible();
  await expect(page.getByText(/已选/u)).toHaveCount(0);
  expect(web.consoleErrors).toEqual([]);
});

test('a Shift range starts at a row of the list in view: after a new sort a Shift click selects one row', async ({ page, web }) => {
  await page.goto(web.url);
  await expect(page.getByText('共 28 个案例')).toBeVisible();
  await checkbox(page, 1).check();
  await page.locator('.library-table thead th', { hasText: '案例名称' }).click();
  await expect(page.locator('.library-table thead th', { hasText: '案例名称' })).toHaveAttribute('aria-sort', 'ascending');
  // the first click's row moved: a range from its old place (or its new one) would check rows the clerk never chose
  await checkbox(page, 5).click({ modifiers: ['Shift'] });
  await expect(page.getByText(/，已选 2 个/u)).toBeVisible();
  await expect(rows(page).nth(5)).toHaveAttribute('aria-selected', 'true');
  // and from there a Shift range works as before
  await checkbox(page, 7).click({ modifiers: ['Shift'] });
  await expect(page.getByText(/，已选 4 个/u)).toBeVisible();
  for (const i of [5, 6, 7]) await expect(rows(page).nth(i)).toHaveAttribute('aria-selected', 'true');
  expect(web.consoleErrors).toEqual([]);
});

test('Shift+Tab up the rows: the focused row is scrolled into view below the header, not under it', async ({ page, web }) => {
  await page.goto(web.url);
  await expect(page.getByText('共 28 个案例')).toBeVisible();
  await page.locator('.library-table .vt-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await rows(page).last().getByRole('checkbox').focus();
  const hiddenUnderHeader: string[] = [];
  for (let i = 0; i < 3 * 27; i++) {
    await page.keyboard.press('Shift+Tab');
    const r = await page.evaluate(() => {
      const focused = document.activeElement!;
      const head = document.querySelector('.library-table thead th')!.getBoundingClientRect();
      return { row: focused.closest('tr')?.getAttribute('aria-rowindex'), top: focused.getBoundingClientRect().top, headBottom: head.bottom };
    });
    if (r.row === '1' || !r.row) break;
    if (r.top < r.headBottom - 1) hiddenUnderHeader.push(r.row);
  }
  expect(hiddenUnderHeader).toEqual([]);
  expect(web.consoleErrors).toEqual([]);
});

test('a jump of the scroll bar paints rows, not a blank body: the rows in view are rendered before the next frame', async ({ page, web }) => {
  await longLibrary(page, web.url, 200);
  // a drag of the scroll bar's thumb or End moves the list by more rows than are rendered beyond the view
  const blank = await page.locator('.library-table .vt-scroll').evaluate(async (el) => {
    const box = el.getBoundingClientRect();
    const misses: number[] = [];
    for (const to of [0.5, 1, 0.2, 0.8, 0]) {
      el.scrollTop = Math.round(to * (el.scrollHeight - el.clientHeight));
      await new Promise((r) => requestAnimationFrame(r)); // the frame about to be painted
      let miss = 0;
      for (let y = box.top + 45; y < box.bottom - 5; y += 16) if (!document.elementFromPoint(box.left + 300, y)?.closest('.vt-row')) miss++;
      misses.push(miss);
    }
    return misses;
  });
  expect(blank).toEqual([0, 0, 0, 0, 0]);
  expect(web.consoleErrors).toEqual([]);
});

test('a title column made narrower leaves no empty band: the table still fills its width, as antd’s did', async ({ page, web }) => {
  await page.goto(web.url);
  await expect(page.getByText('共 28 个案例')).toBeVisible();
  await page.getByRole('separator', { name: '调整“案例名称”列宽' }).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft'); // from about 313 pixels, not under its least (260)
  await expect.poll(() => page.evaluate(() => localStorage.getItem('casebook.library.table'))).toContain('"title"');
  // each press narrows the column's own width by 8 pixels, however wide the table draws it
  const stored = () => page.evaluate(() => (JSON.parse(localStorage.getItem('casebook.library.table')!) as { widths: Record<string, number> }).widths.title);
  const w = await stored();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(stored).toBe(w! - 8);
  const [table, room] = await page.locator('.library-table .vt-scroll').evaluate((el) => [el.querySelector('table')!.getBoundingClientRect().width, el.clientWidth]);
  expect(Math.round(table)).toBe(room);
  expect(web.consoleErrors).toEqual([]);
});

test('loading an empty list: «加载中…» has a body to sit in, not the header’s cells, and the empty state follows in its place', async ({ page, web }) => {
  let answer = () => {};
  const held = new Promise<void>((r) => (answer = r));
  // the first window's calls (one /batch request) and the list's own call answer late: when the test has looked
  await page.route(/\/(batch|api\/cases\.list)\b/u, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(web.url);
  const status = page.locator('.library-table').getByRole('status');
  await expect(status).toHaveText('加载中…');
  const header = (await page.locator('.library-table thead th').first().boundingBox())!;
  const text = (await status.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  }))!;
  expect(text.top).toBeGreaterThanOrEqual(header.y + header.height);
  answer();
  await expect(page.getByText('共 28 个案例')).toBeVisible();
  expect(web.consoleErrors).toEqual([]);
});

test('a screen reader names each column header by its title alone, not with its grip’s «调整…列宽»', async ({ page, web }) => {
  await page.goto(web.url);
  await expect(page.getByText('共 28 个案例')).toBeVisible();
  for (const name of ['案例名称', '提供单位', '领域', '类型', '状态', '级别', '年度', '批次', '修改时间']) {
    await expect(page.getByRole('columnheader', { name, exact: true })).toHaveCount(1);
  }
  await expect(page.getByRole('separator', { name: '调整“领域”列宽' })).toHaveCount(1); // the grip keeps its own name
  expect(web.consoleErrors).toEqual([]);
});

test('the sorted column is shaded as in antd’s table; a selected row keeps its colour across it', async ({ page, web }) => {
  await page.goto(web.url);
  await expect(page.getByText('共 28 个案例')).toBeVisible();
  const bg = (i: number, col: number) => rows(page).nth(i).locator('td').nth(col).evaluate((el) => getComputedStyle(el).backgroundColor);
  await page.locator('.library-table thead th', { hasText: '年度' }).click();
  await checkbox(page, 1).check();
  await page.mouse.move(0, 0);
  await expect.poll(() => bg(0, 7)).toBe('rgb(250, 250, 250)'); // 年度: the select column, then 案例名称 … 年度
  await expect.poll(() => bg(0, 6)).toBe('rgb(255, 255, 255)');
  await expect.poll(() => bg(1, 7)).toBe(await bg(1, 6)); // selected: one colour along the row
  expect(await bg(1, 6)).not.toBe('rgb(255, 255, 255)');
  expect(web.consoleErrors).toEqual([]);
});

test('keyboard focus survives scrolling: PageDown from a row’s check box keeps it focused, and Tab goes on in view', async ({ page, web }) => {
  await longLibrary(page, web.url, 200);
  const name = await checkbox(page, 1).getAttribute('aria-label');
  await checkbox(page, 1).focus();
  const scroller = page.locator('.library-table .vt-scroll');
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(32 * 30); // the rows of the first page are long gone
  // the focused check box is still in the page (not lost to the document's body, which would send Tab to the menu)
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(name);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const el = document.activeElement!;
    const box = el.getBoundingClientRect();
    const view = document.querySelector('.library-table .vt-scroll')!.getBoundingClientRect();
    return { row: Number(el.closest('tr')?.getAttribute('aria-rowindex')), inView: box.top >= view.top && box.bottom <= view.bottom };
  });
  expect(focused.row).toBeGreaterThan(3);
  expect(focused.inView).toBe(true);
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

test('the table is named; the title column keeps its least width; a double click on a check box opens nothing', async ({ page, web }) => {
  await page.goto(web.url);
  await expect(page.getByRole('table', { name: '案例列表' })).toBeVisible();
  await expect(page.getByText('共 28 个案例')).toBeVisible();
  const title = page.locator('.library-table thead th', { hasText: '案例名称' });
  await title.getByRole('separator').focus();
  for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowLeft'); // 480 pixels narrower, if it let itself
  const stored = () => page.evaluate(() => (JSON.parse(localStorage.getItem('casebook.library.table')!) as { widths: Record<string, number> }).widths.title);
  await expect.poll(stored).toBe(260);
  expect(Math.round((await title.boundingBox())!.width)).toBeGreaterThanOrEqual(260); // the table may draw it wider, filling its room
  const hash = await page.evaluate(() => location.hash);
  await checkbox(page, 2).dblclick();
  await expect(checkbox(page, 2)).not.toBeChecked(); // checked and unchecked again
  expect(await page.evaluate(() => location.hash)).toBe(hash);
  await expect(page.getByRole('textbox', { name: '案例名称' })).toHaveCount(0); // the editor's title box: not opened
  await page.getByText('回收站', { exact: true }).click();
  await expect(page.getByRole('table', { name: '回收站中的案例' })).toBeVisible();
  expect(web.consoleErrors).toEqual([]);
});

test('提供单位 sorts in the office’s order of units; a double click on a grip gives the column its width back', async ({ page, web }) => {
  await page.goto(web.url);
  await expect(page.getByText('共 28 个案例')).toBeVisible();
  // 黑河片区 moved to the head of the units (设置 does this by drag), through the same API
  await page.evaluate(async () => {
    const token = sessionStorage.getItem('casebook.token') ?? '';
    const call = async (name: string, input: unknown) => {
      const res = await fetch(`/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Casebook-Token': token }, body: JSON.stringify(input) });
      const body = (await res.json()) as { ok: boolean; value: unknown };
      if (!body.ok) throw new Error(`${name} refused`);
      return body.value;
    };
    const units = (await call('units.list', {})) as { id: number; name: string }[];
    const first = units.find((u) => u.name === '黑河片区')!;
    await call('units.reorder', { ids: [first.id, ...units.filter((u) => u !== first).map((u) => u.id)] });
  });
  await page.reload();
  await expect(page.getByText('共 28 个案例')).toBeVisible();
  const unit = page.locator('.library-table thead th', { hasText: '提供单位' });
  await unit.click();
  await expect(unit).toHaveAttribute('aria-sort', 'ascending');
  const units = await rows(page).locator('td:nth-child(3)').allTextContents();
  expect(units.slice(0, 4)).toEqual(Array(4).fill('黑河片区')); // the demo's four cases of 黑河片区 first (its id is not the least)
  expect(units[4]).not.toBe('黑河片区');

  const w0 = Math.round((await unit.boundingBox())!.width);
  const grip = unit.getByRole('separator');
  await grip.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Math.round((await unit.boundingBox())!.width)).toBe(w0 + 24);
  await grip.dblclick();
  await expect.poll(async () => Math.round((await unit.boundingBox())!.width)).toBe(w0);
  expect(await page.evaluate(() => (JSON.parse(localStorage.getItem('casebook.library.table')!) as { widths: Record<string, number> }).widths)).toEqual({});
  await expect(unit).toHaveAttribute('aria-sort', 'ascending'); // the double click did not sort
  expect(web.consoleErrors).toEqual([]);
});
