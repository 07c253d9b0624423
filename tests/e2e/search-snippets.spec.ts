import { expect, test } from './fixtures';

// A search with more hits than come with a snippet (SEARCH_SNIPPETS, 100): the library asks for the rest once the
// list is shown, so the last rows read like the first.

test('every hit of a search past the hundredth shows its snippet when the clerk scrolls down', async ({ page, web }) => {
  await page.goto(web.url);
  await expect(page.getByText('共 28 个案例')).toBeVisible();
  // 110 copies of case 1: more than a hundred hits for a term of its text
  await page.evaluate(async () => {
    const token = sessionStorage.getItem('casebook.token') ?? '';
    for (let i = 0; i < 110; i++) {
      const res = await fetch('/api/cases.duplicate', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Casebook-Token': token }, body: JSON.stringify({ id: 1 }) });
      if (!((await res.json()) as { ok: boolean }).ok) throw new Error('duplicate refused');
    }
  });
  await page.reload();
  await expect(page.getByText('共 138 个案例')).toBeVisible();

  const snippets: string[] = [];
  page.on('request', (r) => r.url().includes('/api/search.snippets') && snippets.push(r.postData() ?? ''));
  await page.getByRole('searchbox', { name: '全文检索' }).fill('联办');
  await expect(page.getByText(/找到 11\d 个/u)).toBeVisible(); // the copies, case 1 and the demo cases that say 联办 too
  await expect.poll(() => snippets.length).toBe(1); // the hits past the hundredth, in one call

  // scroll to the end of the list: the last row shows a snippet with the term marked
  const holder = page.locator('.library-table .vt-scroll');
  await holder.hover();
  await expect
    .poll(async () => {
      await page.mouse.wheel(0, 4000);
      return holder.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2);
    })
    .toBe(true);
  const last = page.locator('.library-table .vt-row').last();
  await expect(last.locator('.snippet mark, .snippet .hit').first()).toBeVisible();
  await expect(last.locator('.snippet')).toContainText('联办');
  expect(web.consoleErrors).toEqual([]);
});
