// npm run screenshots: every screen at 1366×768 on a fresh demo database, into docs/images/ui-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startWeb } from '../tests/e2e/fixtures';

const out = path.resolve(process.argv[2] ?? 'docs/images');
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

async function main() {
  const { app, child } = await startWeb();
  const browser = await chromium.launch({ ...(systemChromium ? { executablePath: systemChromium } : {}), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(app.url);
  const shot = async (name: string, hash: string, wait: string) => {
    await page.evaluate((h) => (window.location.hash = h), hash);
    await page.getByText(wait).first().waitFor();
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(out, `ui-${name}.png`) });
  };
  fs.mkdirSync(out, { recursive: true });
  await shot('library', '#/cases', '“建设项目水、电、气、暖现场一次联办模式”复制推广典型案例');
  await page.getByLabel('全文检索').fill('退税');
  await page.waitForTimeout(900);
  await page.screenshot({ path: path.join(out, 'ui-search.png') });
  await page.getByLabel('全文检索').fill('');
  await shot('editor', '#/cases/20', '规范检查');
  // A draft batch to compose, made through the same API the page uses.
  const draftId = await page.evaluate(async () => {
    const token = sessionStorage.getItem('casebook.token') ?? '';
    const res = await fetch('/api/batches.create', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Casebook-Token': token }, body: JSON.stringify({ kind: 'replication', caseIds: [1, 13, 6] }) });
    return ((await res.json()) as { value: { id: number } }).value.id;
  });
  await shot('batches', '#/batches', '第三批复制推广自贸试验区制度创新成果典型案例');
  await shot('batch', `#/batches/${draftId}`, '挑选案例');
  await page.getByRole('tab', { name: '通知' }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, 'ui-circular.png') });
  await page.getByRole('tab', { name: /规范检查/u }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, 'ui-check.png') });
  await page.getByRole('tab', { name: '导出' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, 'ui-export.png') });
  await shot('import', '#/import', '导入通知或案例文件');
  await shot('stats', '#/stats', '按单位类别');
  await shot('settings', '#/settings', '提供单位');
  await shot('help', '#/help', '工作流程');
  await shot('calls', '#/calls', '新建征集');
  await shot('newsletters', '#/newsletters', '新建一期');
  await shot('experiences', '#/experiences', '添加经验');
  await shot('ledger', '#/ledger', '不适用');
  await shot('crosstab', '#/crosstab', '今年以来');
  await browser.close();
  child.kill('SIGTERM');
  if (errors.length) {
    console.error(errors.join('\n'));
    process.exitCode = 1;
  }
  console.log(`screenshots in ${out}`);
}
void main();
