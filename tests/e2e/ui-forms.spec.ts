import { expect, test, type Page } from './fixtures';

// Issue 14, items 3, 4, 7, 9 and 10: the 通知 form, errors at their fields, the batch page, focus and help.

const DEMO_BATCH = '第三批复制推广自贸试验区制度创新成果典型案例';

/** The form item (label, control and its message) that holds the control labelled `label`. */
const item = (page: Page, label: string) => page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) }).last();

async function newDraftBatch(page: Page, web: { url: string }) {
  await page.goto(web.url);
  await page.getByRole('link', { name: '批次', exact: true }).click();
  await page.getByRole('button', { name: '新建批次' }).click();
  // the dialog focuses its field and submits on Enter
  await expect(page.getByLabel('批次类型')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('挑选案例', { exact: true })).toBeVisible();
}

test('the 通知 form: drafted 正文, whole values, next 文号 without a skip, dates typed or refused, 机关代字 checked', async ({ page, web }) => {
  await newDraftBatch(page, web);
  await page.locator('.ant-table-row .ant-checkbox-input').first().check();
  await page.getByRole('button', { name: /加入批次/u }).click();
  await page.getByRole('button', { name: '仍然加入' }).click();
  await expect(page.getByRole('tab', { name: '案例（1）' })).toBeVisible();
  await page.getByRole('tab', { name: /^通知/u }).click();
  // the 正文 is drafted from the batch on opening, with «重新起草» to do it again
  await expect(page.getByLabel('正文第1段')).toHaveValue(/建设自由贸易试验区/u);
  await expect(page.getByLabel('正文第2段')).toHaveValue(/第四批1项/u);
  await expect(page.getByRole('button', { name: '重新起草' })).toBeVisible();
  // 署名 and 印发机关 show the organ's whole name
  for (const label of ['署名', '印发机关', '发文机关']) {
    const [scroll, client] = await page.getByLabel(label, { exact: true }).evaluate((el: HTMLInputElement) => [el.scrollWidth, el.clientWidth]);
    expect(scroll, label).toBeLessThanOrEqual(client);
  }
  // a draft holding 〔year〕N号 is offered N again, not N+1
  const seq = await page.getByLabel('序号', { exact: true }).inputValue();
  await page.getByRole('button', { name: '下一个可用文号' }).click();
  await page.waitForTimeout(500);
  await expect(page.getByLabel('序号', { exact: true })).toHaveValue(seq);
  // dates: typed in the clerk's forms, or refused with a message at the field
  const date = page.getByLabel('成文日期');
  await date.click();
  await date.fill('2026/2/3');
  await date.press('Enter');
  await expect(date).toHaveValue('2026-02-03');
  await page.getByLabel('印发日期').click();
  await page.getByLabel('印发日期').fill('2026年2月5日');
  await page.getByLabel('印发日期').press('Tab');
  await expect(page.getByLabel('印发日期')).toHaveValue('2026-02-05');
  await date.click();
  await date.fill('2026年2月30日');
  await date.press('Tab');
  await expect(item(page, '成文日期')).toContainText('2026年2月没有30日');
  await date.click();
  await date.fill('20266/1/1');
  await date.press('Enter');
  await expect(item(page, '成文日期')).toContainText('年份应在 1990—2100 之间');
  // an impossible year of the 文号 is said, not clamped away
  await page.getByLabel('年份', { exact: true }).fill('20266');
  await expect(item(page, '年份')).toContainText('年份应在 1990—2100 之间');
  await page.getByLabel('年份', { exact: true }).fill('2026');
  // the 机关代字 is checked as it is typed
  await page.getByLabel('机关代字').fill('ABC函');
  await expect(item(page, '机关代字')).toContainText('机关代字只能由汉字组成');
  await page.getByLabel('机关代字').fill('黑自贸工办函');
  await expect(item(page, '机关代字')).not.toContainText('只能由汉字');
  await page.screenshot({ path: test.info().outputPath('circular.png') });
  expect(web.consoleErrors).toEqual([]);
});

test('refused values are marked at their fields: duplicate 文号, too long a title, duplicate 第N批', async ({ page, web }) => {
  await newDraftBatch(page, web);
  // the demo's issued batch holds a 文号: take it
  const taken = await page.evaluate(async () => {
    const token = sessionStorage.getItem('casebook.token') ?? '';
    const res = await fetch('/api/batches.list', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Casebook-Token': token }, body: '{}' });
    const list = ((await res.json()) as { value: { status: string; circular: { docCode: string; docYear: number; docSeq: number } }[] }).value;
    return list.find((b) => b.status === 'issued')!.circular;
  });
  await page.getByRole('tab', { name: /^通知/u }).click();
  await page.getByLabel('机关代字').fill(taken.docCode);
  await page.getByLabel('年份', { exact: true }).fill(String(taken.docYear));
  await page.getByLabel('序号', { exact: true }).fill(String(taken.docSeq));
  await page.keyboard.press('Control+s');
  await expect(item(page, '序号')).toHaveClass(/ant-form-item-has-error/u);
  await expect(item(page, '序号')).toContainText('已被「');
  // editing the number takes the mark away
  await page.getByLabel('序号', { exact: true }).fill(String(taken.docSeq + 50));
  await expect(item(page, '序号')).not.toHaveClass(/ant-form-item-has-error/u);
  // too long a title
  await page.getByLabel('通知标题').fill('长'.repeat(501));
  await page.keyboard.press('Control+s');
  await expect(item(page, '通知标题')).toHaveClass(/ant-form-item-has-error/u);
  await expect(item(page, '通知标题')).toContainText('不能超过 500 个字');
  await page.getByLabel('通知标题').fill('关于印发测试案例的通知');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('通知已保存')).toBeVisible();
  // Ctrl+S with nothing changed says so
  await page.keyboard.press('Control+s');
  await expect(page.getByText('没有修改')).toBeVisible();
  // a duplicate 第N批, at the dialog's field
  await page.getByRole('button', { name: '返回批次' }).click();
  await page.getByRole('button', { name: '新建批次' }).click();
  await page.getByLabel('第几批').fill('3');
  await page.keyboard.press('Enter');
  await expect(item(page, '第几批')).toHaveClass(/ant-form-item-has-error/u);
  await expect(item(page, '第几批')).toContainText(`${DEMO_BATCH}已存在`);
  expect(web.consoleErrors.filter((e) => !/Failed to load resource/u.test(e))).toEqual([]);
});

test('an issued batch does not offer drag sorting; a new case focuses 案例名称; help is reachable in the browser', async ({ page, web }) => {
  await page.goto(web.url);
  await page.getByRole('link', { name: '批次', exact: true }).click();
  await page.getByRole('link', { name: DEMO_BATCH }).click();
  await expect(page.getByText('批次案例（已印发，顺序已冻结）')).toBeVisible();
  await expect(page.getByText(/拖动排序/u)).toHaveCount(0);

  await page.keyboard.press('Control+n');
  await expect(page.getByLabel('案例名称')).toBeFocused();

  await page.getByRole('link', { name: '帮助', exact: true }).click();
  await expect(page).toHaveURL(/#\/help$/u);
  for (const heading of ['工作流程', '快捷键', '数据在哪里', '关于']) await expect(page.getByText(heading, { exact: true })).toBeVisible();
  await expect(page.getByText(web.dbFile)).toBeVisible();
  await expect(page.getByText('Ctrl+F', { exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('help.png') });
  expect(web.consoleErrors).toEqual([]);
});
