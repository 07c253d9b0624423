import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// The UI tests drive Debian's Chromium where it is installed (Playwright's own browsers cannot be
// downloaded on machines without internet); elsewhere Playwright's bundled Chromium.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  // One retry: a test that fails twice fails; one that passes on the retry is listed as «flaky» in the report (and
  // counted as passed by scripts/test-all.mjs), so a timing flake under a loaded CI machine does not hide the rest.
  retries: 1,
  outputDir: '.tmp/playwright',
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
    },
  },
});
