import { expect, test } from './fixtures';

// Issue 14.2: the charts' labels are whole, inside their chart and never on top of one another.

test('统计: no label is cut or overlaps another; long batch names are short on the axis; 市（地） in full-width brackets', async ({ page, web }) => {
  await page.goto(web.url);
  // a second batch with a long custom title, so the 按批次 chart has a long name to show
  await page.evaluate(async () => {
    const token = sessionStorage.getItem('casebook.token') ?? '';
    await fetch('/api/batches.create', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Casebook-Token': token },
      body: JSON.stringify({ kind: 'innovation', ordinal: 1, title: '第一批自由贸易试验区制度创新实践成果典型案例（省级）汇编', caseIds: [1, 2, 3] }),
    });
  });
  await page.getByRole('link', { name: '统计', exact: true }).click();
  await expect(page.getByText('按单位类别')).toBeVisible();
  await page.waitForTimeout(1200); // the charts' entry animation
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll('.ant-card svg')) {
      const frame = svg.getBoundingClientRect();
      const boxes = [...svg.querySelectorAll('text')]
        .filter((t) => (t.textContent ?? '').trim() && getComputedStyle(t).opacity !== '0')
        .map((t) => ({ text: t.textContent!, r: t.getBoundingClientRect() }));
      for (const b of boxes) if (b.r.left < frame.left - 1 || b.r.right > frame.right + 1 || b.r.top < frame.top - 1 || b.r.bottom > frame.bottom + 1) out.push(`cut: ${b.text}`);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.r;
          const b = boxes[j]!.r;
          const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
          if (overlap) out.push(`overlap: ${boxes[i]!.text} / ${boxes[j]!.text}`);
        }
    }
    return out;
  });
  expect(problems).toEqual([]);
  // the long batch title is abbreviated on the axis (the whole name is in the table beside it and the tooltip)
  const byBatch = page.locator('.ant-card').filter({ hasText: '按批次' });
  await expect(byBatch.locator('svg text', { hasText: /^第一批$/u })).toHaveCount(1);
  await expect(byBatch.getByText('第一批自由贸易试验区制度创新实践成果典型案例（省级）汇编')).toBeVisible();
  await expect(page.locator('.ant-card').filter({ hasText: '按单位类别' }).getByText('市（地）', { exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('stats.png'), fullPage: true });
  expect(web.consoleErrors).toEqual([]);
});
