import { expect, test, type Page } from './fixtures';

// Issue 14, item 6: a finding leads to its place — the case opened, the field focused and marked, its words selected.

async function call<T>(page: Page, name: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([n, body]) => {
      const token = sessionStorage.getItem('casebook.token') ?? '';
      const res = await fetch(`/api/${n}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Casebook-Token': token }, body: JSON.stringify(body) });
      const json = (await res.json()) as { value: unknown };
      return json.value;
    },
    [name, input] as const,
  ) as Promise<T>;
}

const core = (excerpt: string) => excerpt.replace(/^…/u, '').replace(/…$/u, '');

test('a finding in the batch check opens its case and focuses the paragraph that holds the excerpt', async ({ page, web }) => {
  await page.goto(web.url);
  await expect(page.getByRole('link', { name: '批次', exact: true })).toBeVisible();
  // a draft batch whose first case has an error deep in its body (half-width comma in 二、 第1段)
  const cases = await call<{ id: number; title: string }[]>(page, 'cases.list', {}).catch(() => []);
  expect(Array.isArray(cases)).toBe(true);
  const one = await call<{ id: number; revision: number; body: { heading: string; paragraphs: string[]; items: unknown[] }[] } & Record<string, unknown>>(page, 'cases.get', { id: (cases as { id: number }[])[0]!.id });
  const body = structuredClone(one.body);
  body[1]!.paragraphs = ['这一段写得很好,但是用了半角逗号，需要改正。', ...body[1]!.paragraphs];
  const { id: _id, revision, createdAt: _c, updatedAt: _u, ...rest } = one as Record<string, unknown>;
  void _id, void _c, void _u;
  const content = Object.fromEntries(Object.entries(rest).filter(([k]) => ['title', 'type', 'unitId', 'fieldId', 'sourceId', 'year', 'contactName', 'contactPhone', 'honours', 'status', 'returnReason', 'lead', 'body'].includes(k)));
  await call(page, 'cases.update', { id: one.id, content: { ...content, body }, expectedRevision: revision });
  const batch = await call<{ id: number }>(page, 'batches.create', { kind: 'replication', caseIds: [one.id] });

  await page.goto(`${web.url.split('#')[0]}#/batches/${batch.id}`);
  await page.getByRole('tab', { name: /规范检查/u }).click();
  const place = page.getByRole('button', { name: '定位到案例1 二、第1段' }).or(page.locator('.finding-place', { hasText: '二、第1段' })).first();
  const item = page.locator('.ant-list-item').filter({ has: place }).filter({ hasText: '很好,' }).first();
  const excerpt = core((await item.locator('.finding-excerpt').textContent()) ?? '');
  expect(excerpt).toContain(',');
  await item.locator('.finding-place').click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${one.id}$`, 'u'));
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('aria-label', '二、第1段');
  expect(await focused.inputValue()).toContain(excerpt);
  await expect(page.locator('.jump-target')).toContainText('', { timeout: 2000 });
  // the faulty words are selected
  expect(await focused.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe(',');
  await page.screenshot({ path: test.info().outputPath('jumped.png') });
  expect(web.consoleErrors).toEqual([]);
});

test('in the case editor a finding focuses and marks its field and selects its words', async ({ page, web }) => {
  await page.goto(`${web.url.split('#')[0]}#/cases/new`);
  await page.getByLabel('案例名称').fill('测试案例,标题');
  await page.getByLabel('一、第1段', { exact: true }).fill('第一段文字。');
  await page.getByRole('tab', { name: /规范检查/u }).click();
  const place = page.locator('.ant-list-item').filter({ hasText: '半角“,”' }).locator('.finding-place', { hasText: '标题' }).first();
  await expect(place).toBeVisible();
  await page.getByLabel('一、第1段', { exact: true }).focus();
  await place.click();
  await expect(page.getByLabel('案例名称')).toBeFocused();
  await expect(page.locator('.jump-target')).toHaveCount(1);
  expect(await page.getByLabel('案例名称').evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0))).toBe(',');
});

test('on the import page a finding of the pasted text selects its line', async ({ page, web }) => {
  await page.goto(`${web.url.split('#')[0]}#/import`);
  await page.getByLabel('待检查文字').fill('第一行没有问题。\n第二行用了半角,逗号。');
  await page.getByRole('button', { name: /^检\s*查$/u }).click();
  await page.locator('.finding-place', { hasText: '第2行' }).first().click();
  await expect(page.getByLabel('待检查文字')).toBeFocused();
  expect(await page.getByLabel('待检查文字').evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('第二行用了半角,逗号。');
});
