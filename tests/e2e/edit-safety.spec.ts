import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from './fixtures';

// Everyday editing never loses or duplicates work (issue 9, items 1–6 and 10.11), through the real renderer
// over the loopback transport, each test on its own database. Screenshots of the new dialogs go to .tmp/shots.

const SHOTS = path.resolve('.tmp/shots');
fs.mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

function query<T>(dbFile: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Calls the app's API from the page, with its token, as a second editor would. */
async function callApi(page: Page, name: string, input: unknown): Promise<{ ok: boolean; value?: any; error?: any }> {
  return page.evaluate(
    async ([n, i]) => {
      const res = await fetch(`/api/${n}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Casebook-Token': sessionStorage.getItem('casebook.token') ?? '' },
        body: JSON.stringify(i),
      });
      return res.json();
    },
    [name, input] as const,
  );
}

async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`, 'u') }).click();
}

test('double-clicking 保存 on a new case, then Ctrl+S, makes one case', async ({ page, web }) => {
  await page.goto(`${web.url}#/cases/new`);
  const title = '“双击保存”复制推广典型案例';
  await page.getByLabel('案例名称', { exact: true }).fill(title);
  await pick(page, '提供单位', '大庆市');
  await page.getByLabel('一、第1段', { exact: true }).fill('大庆市推行双击保存。');
  await page.getByRole('button', { name: /保\s*存/u }).dblclick();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toContainText('已保存');
  await page.waitForTimeout(2500); // past the autosave pause: it must not create another
  expect(query<{ n: number }>(web.dbFile, 'SELECT COUNT(*) AS n FROM cases WHERE title = ?', title)[0]!.n).toBe(1);
  expect(page.url()).toMatch(/#\/cases\/\d+$/u);
  await page.getByRole('link', { name: '案例库', exact: true }).click();
  await expect(page.getByText('共 29 个案例')).toBeVisible();
  expect(web.consoleErrors).toEqual([]);
});

test('leaving a new case that cannot be saved yet asks first, in Chinese; closing the window too', async ({ page, web }) => {
  await page.goto(`${web.url}#/cases/new`);
  const para = page.getByLabel('一、第1段', { exact: true });
  await para.click();
  await page.keyboard.type('还没有名称的案例正文。');
  await page.getByRole('link', { name: '案例库', exact: true }).click();
  const ask = page.locator('.ant-modal-confirm').filter({ hasText: '离开会丢弃还没保存的内容' });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('还没有填写案例名称和提供单位，无法保存');
  await shot(page, 'leave-unsaved');
  await ask.getByRole('button', { name: '留下继续编辑' }).click();
  await expect(ask).toBeHidden();
  await expect(para).toHaveValue('还没有名称的案例正文。');
  expect(page.url()).toMatch(/#\/cases\/new$/u);

  // Ctrl+N (another page of the same kind) asks as well; this time the clerk lets it go.
  await page.getByRole('link', { name: '批次', exact: true }).click();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: '放弃并离开' }).click();
  await expect(page.getByRole('button', { name: '新建批次' })).toBeVisible();
  expect(query<{ n: number }>(web.dbFile, 'SELECT COUNT(*) AS n FROM cases')[0]!.n).toBe(28);

  // Closing the tab with such text: the browser's own «leave?» dialog (Electron shows a Chinese one in main).
  await page.goto(`${web.url}#/cases/new`);
  await page.getByLabel('一、第1段', { exact: true }).click();
  await page.keyboard.type('又一段。');
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const d = await dialog;
  expect(d.type()).toBe('beforeunload');
  await d.dismiss();
});

test('deleting a part offers 撤销, and Ctrl+Z / Ctrl+Shift+Z undo and redo in the body', async ({ page, web }) => {
  await page.goto(`${web.url}#/cases/3`);
  const second = page.getByLabel('二、标题', { exact: true });
  await expect(second).toBeVisible();
  const heading = await second.inputValue();
  const parts = page.locator('[data-testid^="node-"].node-level-1');
  const before = await parts.count();
  await page.getByRole('button', { name: '删除二、', exact: true }).click();
  await expect(parts).toHaveCount(before - 1);
  const note = page.getByTestId('removed-message');
  await expect(note).toContainText(`已删除二、「${heading}」`);
  await shot(page, 'undo-message');
  await note.getByRole('button', { name: /撤\s*销/u }).click();
  await expect(parts).toHaveCount(before);
  await expect(page.getByLabel('二、标题', { exact: true })).toHaveValue(heading);

  await page.getByRole('button', { name: '删除二、', exact: true }).click();
  await expect(parts).toHaveCount(before - 1);
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('二、标题', { exact: true })).toHaveValue(heading);
  await page.keyboard.press('Control+Shift+z');
  await expect(parts).toHaveCount(before - 1);
  await page.keyboard.press('Control+z');
  await expect(parts).toHaveCount(before);
  await expect(page.getByTestId('save-state')).toContainText('已保存', { timeout: 20_000 });
  // the history kept the text before the deletion even though the autosaves merged
  const revisions = query<{ content: string }>(web.dbFile, 'SELECT content FROM case_revisions WHERE case_id = 3');
  expect(revisions.some((r) => r.content.includes(heading))).toBe(true);
  expect(web.consoleErrors).toEqual([]);
});

test('an autosave that lost the race shows both texts and lets the clerk keep hers as a new version', async ({ page, web }) => {
  await page.goto(`${web.url}#/cases/3`);
  const para = page.getByLabel('一、第1段', { exact: true });
  await expect(para).toBeVisible();
  const original = await para.inputValue();
  // another editor saves first
  const theirs = (await callApi(page, 'cases.get', { id: 3 })).value;
  const { id, revision, createdAt, updatedAt, deletedAt, unitName, fieldName, sourceName, ...content } = theirs;
  content.lead = ['（另一处加的导语。）'];
  expect((await callApi(page, 'cases.update', { id: 3, content, expectedRevision: revision, autosave: true })).ok).toBe(true);

  await para.fill(`${original}（我加的一句）`);
  const dialog = page.locator('.ant-modal').filter({ hasText: '案例已在别处修改' });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(dialog.getByTestId('conflict-diff')).toContainText('（另一处加的导语。）');
  await expect(dialog.getByTestId('conflict-diff')).toContainText('（我加的一句）');
  await shot(page, 'conflict-dialog');
  await dialog.getByRole('button', { name: /保留我的修改/u }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('save-state')).toContainText('已保存');
  const [row] = query<{ body: string; lead: string; revision: number }>(web.dbFile, 'SELECT body, lead, revision FROM cases WHERE id = 3');
  expect(row!.body).toContain('（我加的一句）');
  expect(row!.lead).not.toContain('另一处');
  // theirs is in the history
  expect(query<{ content: string }>(web.dbFile, 'SELECT content FROM case_revisions WHERE case_id = 3').some((r) => r.content.includes('另一处加的导语'))).toBe(true);
});

test('全部修复 shows the plan, asks first, and never changes an issued batch\'s archive', async ({ page, web }) => {
  test.setTimeout(150_000);
  const issuedId = query<{ id: number }>(web.dbFile, `SELECT id FROM batches WHERE status = 'issued'`)[0]!.id;
  // the issued batch's archived copies, as a digest (a difference in a byte changes it)
  const archive = () =>
    createHash('sha256').update(JSON.stringify(query(web.dbFile, 'SELECT case_id, seq, snapshot FROM batch_items WHERE batch_id = ? ORDER BY seq', issuedId))).digest('hex');
  const revisions = () => JSON.stringify(query(web.dbFile, 'SELECT id, revision FROM cases ORDER BY id'));
  const frozen = archive();
  const revs0 = revisions();

  // A draft batch with two cases that are also in the issued batch: nothing changes without confirming.
  await page.goto(web.url);
  const draft = await callApi(page, 'batches.create', { kind: 'replication', caseIds: [2, 3] });
  expect(draft.ok).toBe(true);
  await page.goto(`${web.url}#/batches/${draft.value.id}`);
  await page.getByRole('tab', { name: /规范检查/u }).click();
  await page.getByRole('button', { name: /全部修复/u }).click();
  const dialog = page.locator('.ant-modal').filter({ hasText: '全部修复：先看将要修改的内容' });
  await expect(dialog.getByTestId('fix-summary')).toContainText(/将修改 2 个案例中的 \d+ 处/u);
  await expect(dialog.locator('.ant-table-row').first()).toContainText(/多余空格|中文标点应为全角|日期写法|文号格式/u); // count per rule
  await expect(dialog.getByText(/已在「第三批.*」印发/u).first()).toBeVisible();
  await shot(page, 'batch-fix-draft');
  await dialog.getByRole('button', { name: /取\s*消/u }).click();
  expect(revisions()).toBe(revs0);
  await page.getByRole('button', { name: /全部修复/u }).click();
  await dialog.getByTestId('fix-apply').click(); // without the confirmation: both are skipped
  const skipped = page.getByTestId('fix-skipped');
  await expect(skipped).toContainText('未确认修改');
  await page.getByRole('button', { name: '知道了' }).click();
  expect(revisions()).toBe(revs0);
  expect(archive()).toBe(frozen);

  // The issued batch: the plan is made on the live cases; «修复» waits for the confirmation.
  await page.goto(`${web.url}#/batches/${issuedId}`);
  await page.getByRole('tab', { name: /规范检查/u }).click();
  await page.getByRole('button', { name: /全部修复/u }).click();
  await expect(dialog.getByText('这个批次已印发')).toBeVisible();
  await expect(dialog.getByTestId('fix-apply')).toBeDisabled();
  await dialog.getByRole('button', { name: /^案例2「/u }).click(); // the changes of one case, before → after
  // the two spaces around a number are one change, shown as the text reads before and after
  await expect(dialog.getByRole('row', { name: /案例2 二、（一）第1段 多余空格 …前，平台累计归集信息 2104\.69 万条，企业基础信息 16\.28 万条。制发了《伊春市… …前，平台累计归集信息2104\.69万条，企业基础信息16\.28万条。制发了《伊春市…/u })).toBeVisible();
  await shot(page, 'batch-fix-issued');
  await dialog.getByTestId('confirm-issued').click();
  await dialog.getByTestId('fix-apply').click();
  await expect(page.getByText(/已修复 \d+ 个案例中的 \d+ 处/u).first()).toBeVisible();
  expect(archive()).toBe(frozen); // byte-identical snapshots
  expect(revisions()).not.toBe(revs0); // the live cases got new revisions
  const notes = query<{ note: string }>(web.dbFile, `SELECT note FROM case_revisions WHERE case_id = 2 ORDER BY revision DESC LIMIT 1`);
  expect(notes[0]!.note).toMatch(/规范检查批量修复 \d+ 处（已印发的「.+」存档不变）/u);
});

test('a page that fails to render shows an error panel with a way back, never a blank window', async ({ page, web }) => {
  await page.route('**/api/cases.get', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value: { id: 3, title: '坏数据' } }) }));
  await page.goto(`${web.url}#/cases/3`);
  const panel = page.getByText('这个页面出错了');
  await expect(panel).toBeVisible();
  await shot(page, 'page-error');
  await page.unroute('**/api/cases.get');
  await page.getByRole('button', { name: '返回案例库' }).click();
  await expect(page.getByText('共 28 个案例')).toBeVisible();
});

test('form fields show their limits before saving', async ({ page, web }) => {
  await page.goto(`${web.url}#/cases/new`);
  const title = page.getByLabel('案例名称', { exact: true });
  await title.fill('字'.repeat(201));
  await pick(page, '提供单位', '大庆市');
  await expect(page.locator('.ant-input-affix-wrapper').filter({ has: title })).toContainText('201 / 200');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('案例名称最多 200 字，现有 201 字').first()).toBeVisible();
  await shot(page, 'limits');
  expect(query<{ n: number }>(web.dbFile, 'SELECT COUNT(*) AS n FROM cases')[0]!.n).toBe(28);
});
