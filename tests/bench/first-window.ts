import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startWeb } from '../e2e/fixtures';
import type { Figure } from './run';
import { median, round } from './run';

// The first window (issue 13): from navigation to the library's first row, on the loopback transport in Chromium,
// a fresh browser profile each time (nothing cached) and then once more in the same one (the vendor chunks cached).
// The size a first window loads is what index.html names: the entry, the app's scripts it preloads (the entry
// imports them once the first calls are sent) and the styles; the pages load when opened.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The renderer before it was split and minified (one script), the baseline of the size figure. */
export const PREVIOUS_FIRST_WINDOW_BYTES = 4_619_284;

/** Bytes of JavaScript and CSS that loading index.html fetches before any page is opened. */
export function firstWindowBytes(dir = path.join(root, 'out/renderer')): number {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/gu)].map((m) => m[1]!);
  return refs.reduce((n, r) => n + fs.statSync(path.join(dir, r)).size, 0);
}

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

/**
 * When the first row's title was painted, in ms after `t0Epoch` (the bench's Date.now() before it navigated): the
 * Element Timing entry the library's titles mark (`elementtiming="case-list"`), whose renderTime counts from the
 * navigation's own start (performance.timeOrigin), so the figure covers the whole navigation.
 */
async function listShownAt(page: import('playwright-core').Page, t0Epoch: number): Promise<number> {
  const { origin, renderTime } = await page.evaluate(
    () =>
      new Promise<{ origin: number; renderTime: number }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no Element Timing entry for the case list')), 5000);
        new PerformanceObserver((list, observer) => {
          const first = (list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number; loadTime: number })[]).find((e) => e.identifier === 'case-list');
          if (!first) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve({ origin: performance.timeOrigin, renderTime: first.renderTime || first.loadTime });
        }).observe({ type: 'element', buffered: true });
      }),
  );
  return origin + renderTime - t0Epoch;
}

/**
 * With FIRST_WINDOW_BASELINE=<a built checkout of an earlier commit> that build's first window is timed too, in
 * alternating loads with this one, so that a change is judged side by side on a shared machine.
 */
export async function firstWindowBench(): Promise<Figure[]> {
  const baselineRoot = process.env.FIRST_WINDOW_BASELINE;
  const servers = [await startWeb(), ...(baselineRoot ? [await startWeb({ root: path.resolve(baselineRoot) })] : [])]; // each builds its renderer when its sources are newer
  const browser = await chromium.launch({ ...(systemChromium ? { executablePath: systemChromium } : {}), args: ['--no-sandbox', '--disable-gpu'] });
  type Runs = { cold: number[]; warm: number[]; coldSeen: number[]; busy: number[] };
  // cold: navigation → the first row painted (Element Timing); coldSeen: → Playwright finds the row visible, after
  // the work queued behind the paint too; busy: the renderer's main thread, cold.
  const runs: Runs[] = servers.map(() => ({ cold: [], warm: [], coldSeen: [], busy: [] }));
  try {
    for (let i = 0; i < 8; i++)
      for (const [k, { app }] of servers.entries()) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable');
        for (const into of [runs[k]!.cold, runs[k]!.warm]) {
          const t0Epoch = Date.now();
          const t0 = performance.now();
          await page.goto(app.url);
          await page.locator('[elementtiming="case-list"]').first().waitFor({ state: 'visible', timeout: 30_000 });
          const seen = performance.now() - t0;
          if (i === 0) continue; // the first run warms up the server and the disk cache
          into.push(await listShownAt(page, t0Epoch));
          if (into === runs[k]!.cold) {
            runs[k]!.coldSeen.push(seen);
            runs[k]!.busy.push(1000 * ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0));
          }
        }
        await context.close();
      }
  } finally {
    await browser.close();
    for (const { app, child } of servers) {
      child.kill('SIGTERM');
      fs.rmSync(app.dir, { recursive: true, force: true });
    }
  }
  const figures = ({ cold, warm, coldSeen, busy }: Runs, build: string, bytes: number): Figure[] => [
    { name: `first window${build}: navigation → library list painted, nothing cached (Chromium, loopback; Element Timing)`, value: round(median(cold)), unit: 'ms', target: 1000 },
    { name: `first window${build}: the same, scripts cached`, value: round(median(warm)), unit: 'ms', target: 1000 },
    { name: `first window${build}: navigation → the row found by Playwright, nothing cached (after the work queued behind the paint)`, value: round(median(coldSeen)), unit: 'ms' },
    { name: `first window${build}: the renderer main thread busy, nothing cached (CDP TaskDuration)`, value: round(median(busy)), unit: 'ms' },
    { name: `first window${build}: scripts and styles loaded (previous build: ${PREVIOUS_FIRST_WINDOW_BYTES.toLocaleString('en')} bytes)`, value: bytes, unit: 'bytes', target: PREVIOUS_FIRST_WINDOW_BYTES / 2 },
  ];
  return [
    ...figures(runs[0]!, '', firstWindowBytes()),
    ...(baselineRoot ? figures(runs[1]!, ` [previous build: ${path.basename(baselineRoot)}]`, firstWindowBytes(path.join(path.resolve(baselineRoot), 'out/renderer'))) : []),
  ];
}

/** Percentile `q` (0–1) of `xs`, 0 when empty. */
const percentile = (xs: number[], q: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : 0);

/**
 * Types `keys` × 2 characters into the focused box and measures every key: the Event Timing API's entries (it
 * reports only events whose handling up to the next paint took 16 ms or more, rounded to 8 ms, with the script's
 * share as processingEnd − processingStart) and, for every input event, the time from the event to the frame after
 * it (requestAnimationFrame, then a task), which covers the events under 16 ms too.
 */
async function typeAndTime(page: import('playwright-core').Page, keys: number) {
  await page.evaluate(() => {
    const w = window as unknown as { slow: number[]; script: number[]; toFrame: number[]; timing?: true };
    (w.slow = []), (w.script = []), (w.toFrame = []);
    if (w.timing) return; // observed since the first round
    w.timing = true;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceEventTiming[])
        if (/^key|^input|^beforeinput/u.test(e.name)) (w.slow.push(e.duration), w.script.push(e.processingEnd - e.processingStart));
    }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
    addEventListener('input', (e) => requestAnimationFrame(() => setTimeout(() => w.toFrame.push(performance.now() - e.timeStamp))), true);
  });
  await page.bringToFront();
  for (let i = 0; i < keys; i++) await page.keyboard.type('创新', { delay: 30 });
  await page.waitForTimeout(500);
  return page.evaluate(() => {
    const w = window as unknown as { slow: number[]; script: number[]; toFrame: number[] };
    return { slow: w.slow, script: w.script, toFrame: w.toFrame };
  });
}

type Timed = Awaited<ReturnType<typeof typeAndTime>>;

/** Opens the longest demo case of the app at `url` and puts the caret at the end of its first body text box. */
async function openLongest(page: import('playwright-core').Page, url: string, id: number) {
  await page.goto(url);
  await page.locator('[elementtiming="case-list"]').first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.evaluate((id) => (location.hash = `#/cases/${id}`), id); // the editor's chunk loads here
  const box = page.locator('[data-testid^="node-"] textarea, .para-row textarea').first();
  await box.waitFor({ state: 'visible', timeout: 30_000 }).catch(async (e) => {
    await page.screenshot({ path: '.tmp/typing-failed.png' });
    throw e;
  });
  await page.waitForTimeout(1000); // the side panel's first check and the 级别沿革 card have answered
  await box.click();
  await page.keyboard.press('End');
}

/**
 * Chromium's frame pacing for the typing rounds. At 60 Hz a frame waits for the display's next refresh, up to
 * 16.7 ms for any page (a bare textarea's p95 is 16 ms there), so key → next frame mostly measures where in the
 * refresh the key fell; unthrottled, a frame begins as soon as there is something to draw, so the same figure is
 * the work a key costs the page: what «under 16 ms a keystroke» asks (issue 13.5).
 */
const FRAME_PACING = { unthrottled: ['--disable-frame-rate-limit', '--disable-gpu-vsync'], '60 Hz': [] as string[] };

/**
 * Typing in the body editor of the longest demo case, beside the same typing in a bare textarea in the same
 * browser (the floor the machine's load sets), once with frames unthrottled (the figures with a target) and once
 * at 60 Hz (what a display adds). With TYPING_BASELINE=<a built checkout of an earlier commit> the earlier build
 * types too, in alternating rounds with this one and the bare textarea, so that a change is judged side by side.
 */
export async function typingBench(): Promise<Figure[]> {
  const baselineRoot = process.env.TYPING_BASELINE;
  const servers = [await startWeb(), ...(baselineRoot ? [await startWeb({ root: path.resolve(baselineRoot) })] : [])];
  try {
    const { openCasebook } = await import('../../electron/core/casebook');
    const { getCase, listCases } = await import('../../electron/core/repos/cases');
    const { flattenCaseText } = await import('../../shared/body');
    const book = openCasebook(servers[0]!.app.dbFile);
    const longest = listCases(book.db)
      .map((r) => getCase(book.db, r.id))
      .sort((a, b) => flattenCaseText(b.lead, b.body).length - flattenCaseText(a.lead, a.body).length)[0]!;
    const chars = flattenCaseText(longest.lead, longest.body).length;
    book.close();
    const KEYS = 40; // × 2 characters
    const ROUNDS = 4;
    const out: Figure[] = [];
    for (const [pacing, flags] of Object.entries(FRAME_PACING)) {
      const browser = await chromium.launch({ ...(systemChromium ? { executablePath: systemChromium } : {}), args: ['--no-sandbox', '--disable-gpu', ...flags] });
      try {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        const pages = [];
        for (const { app } of servers) {
          const page = await context.newPage();
          await openLongest(page, app.url, longest.id);
          pages.push(page);
        }
        const bare = await context.newPage();
        await bare.setContent('<textarea style="width:600px;height:200px"></textarea>');
        await bare.locator('textarea').click();
        pages.push(bare);
        // Rounds that alternate the builds and the bare textarea, so that the machine's load falls on each alike.
        const timed: Timed[] = pages.map(() => ({ slow: [], script: [], toFrame: [] }));
        for (let r = 0; r < ROUNDS; r++)
          for (const [i, page] of pages.entries()) {
            const t = await typeAndTime(page, KEYS / ROUNDS);
            for (const k of ['slow', 'script', 'toFrame'] as const) timed[i]![k].push(...t[k]);
          }
        const floor = timed[timed.length - 1]!;
        const bareName = 'bare textarea';
        const figures = (t: Timed, build: string): Figure[] =>
          pacing === 'unthrottled'
            ? [
                { name: `typing in the body editor of the longest demo case (${chars.toLocaleString('en')} characters)${build}, frames unthrottled: key → next frame, p95 (every key)`, value: round(percentile(t.toFrame, 0.95)), unit: 'ms', target: 16, baseline: round(percentile(floor.toFrame, 0.95)), baselineName: bareName },
                { name: `typing${build}, frames unthrottled: key → next frame, median`, value: round(percentile(t.toFrame, 0.5)), unit: 'ms', baseline: round(percentile(floor.toFrame, 0.5)), baselineName: bareName },
                { name: `typing${build}, frames unthrottled: key → next frame, max (${t.toFrame.filter((x) => x >= 16).length} of ${t.toFrame.length} keys ≥ 16 ms; bare textarea: ${floor.toFrame.filter((x) => x >= 16).length})`, value: round(Math.max(0, ...t.toFrame)), unit: 'ms', baseline: round(Math.max(0, ...floor.toFrame)), baselineName: bareName },
                { name: `typing${build}: script time of the slowest key event (Event Timing: processingEnd − processingStart)`, value: round(Math.max(0, ...t.script)), unit: 'ms', target: 16 },
                { name: `typing${build}, frames unthrottled: slowest key event to its paint (Event Timing, rounded to 8 ms; ${t.slow.length} of ${KEYS * 2 * 3} events ≥ 16 ms, bare textarea: ${floor.slow.length})`, value: Math.max(0, ...t.slow), unit: 'ms', baseline: Math.max(0, ...floor.slow), baselineName: bareName },
              ]
            : [
                { name: `typing${build}, frames at 60 Hz: key → next frame, p95 (with the wait for the display)`, value: round(percentile(t.toFrame, 0.95)), unit: 'ms', baseline: round(percentile(floor.toFrame, 0.95)), baselineName: bareName },
                { name: `typing${build}, frames at 60 Hz: key → next frame, median`, value: round(percentile(t.toFrame, 0.5)), unit: 'ms', baseline: round(percentile(floor.toFrame, 0.5)), baselineName: bareName },
              ];
        out.push(...figures(timed[0]!, ''), ...(baselineRoot ? figures(timed[1]!, ` [previous build: ${path.basename(baselineRoot)}]`) : []));
      } finally {
        await browser.close();
      }
    }
    return out;
  } finally {
    for (const { app, child } of servers) {
      child.kill('SIGTERM');
      fs.rmSync(app.dir, { recursive: true, force: true });
    }
  }
}
