/**
 * Time for chromium to show the first page of findings with 100,000 findings in the host's store: from navigation
 * start to the first row of the findings table in the DOM, measured inside the page (a MutationObserver installed
 * before any script runs). Each load uses a fresh browser context, so nothing is cached: the page script is
 * downloaded and parsed every time. Target: under 1 s.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startHost } from '../../plugin/host';
import { openHostStore } from '../../plugin/host/store';
import { launchBrowser, VIEWPORT } from '../e2e/browser';
import { fillFindings } from './list_route';

const FIRST_ROW = '[data-test-subj="findingsTable"] tbody tr[data-test-subj^="findingsRow-"]';

/** Runs in the page before its scripts: notes when the first findings row appears. */
function watchFirstRow(selector: string): void {
  const w = window as unknown as { __firstRowMs?: number };
  const observer = new MutationObserver(() => {
    if (w.__firstRowMs === undefined && document.querySelector(selector)) {
      w.__firstRowMs = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

export async function measureFirstRender(opts: { findings?: number; loads?: number } = {}): Promise<{ findings: number; first_render_ms: number; first_render_max_ms: number }> {
  const total = opts.findings ?? 100_000;
  const loads = opts.loads ?? 5;
  const root = mkdtempSync(path.join(tmpdir(), 'caa-bench-render-'));
  try {
    const db = path.join(root, 'findings.sqlite');
    const store = openHostStore(db);
    try {
      await fillFindings(store, root, total, Date.now());
    } finally {
      store.close();
    }
    const logs = path.join(root, 'no-logs');
    mkdirSync(logs);
    const host = await startHost({ db, data: logs, sample: false, port: 0, quiet: true });
    const browser = await launchBrowser();
    try {
      const times: number[] = [];
      for (let i = 0; i < loads; i++) {
        const context = await browser.newContext({ viewport: VIEWPORT });
        const page = await context.newPage();
        await page.addInitScript(watchFirstRow, FIRST_ROW);
        await page.goto(`${host.url}/app/findings`);
        await page.waitForSelector(FIRST_ROW, { timeout: 30_000 });
        await page.waitForFunction(() => (window as unknown as { __firstRowMs?: number }).__firstRowMs !== undefined);
        times.push(await page.evaluate(() => (window as unknown as { __firstRowMs: number }).__firstRowMs));
        await context.close();
      }
      times.sort((a, b) => a - b);
      return { findings: total, first_render_ms: Math.round(times[Math.floor(times.length / 2)]), first_render_max_ms: Math.round(times[times.length - 1]) };
    } finally {
      await browser.close();
      await host.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  measureFirstRender({ findings: Number(process.env.BENCH_FINDINGS ?? 100_000) }).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
