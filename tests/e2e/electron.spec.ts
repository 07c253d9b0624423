import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';

// The real desktop app, where the Electron binary is installed. Machines that install with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1 (no internet) report this test skipped, with the reason.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));

function electronBinary(): string | null {
  try {
    const bin = require('electron') as unknown;
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test('the desktop app starts with the demo batch, locked down', async () => {
  test.skip(!binary, 'the Electron binary is not installed on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); the same UI is tested in Chromium over the loopback transport');
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-electron-'));
  const env = { ...process.env, CASEBOOK_DB: path.join(dir, 'app.db') } as Record<string, string>;
  delete env.ELECTRON_RUN_AS_NODE; // IDE terminals leak it, and Electron would then start as Node
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, [path.join(root, 'scripts/electron-native.mjs')], { stdio: 'inherit' });
  const app = await electron.launch({ executablePath: binary!, args: [root, `--user-data-dir=${dir}`], env });
  try {
    const page = await app.firstWindow();
    await expect(page.getByText('“建设项目水、电、气、暖现场一次联办模式”复制推广典型案例')).toBeVisible();
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys((window as unknown as { casebook: { methods: object } }).casebook.methods).length)).toBeGreaterThan(30);
    expect(page.url()).toMatch(/^app:\/\/casebook\//u); // served by the app:// handler, not file://
    const before = page.url();
    await page.evaluate(() => (window.location.href = 'https://example.com/'));
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    // The page has no Node: not even through the preload, which exposes only the contract's methods.
    expect(await page.evaluate(() => typeof (globalThis as unknown as { process?: unknown }).process)).toBe('undefined');
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
