/**
 * An analyst's first session on the standalone host, in a real browser: the findings of the generated day, narrowed
 * to critical, one chain opened (timeline, lineage), acknowledged with a note, still acknowledged after a reload; then
 * the coverage and identities pages. Screenshots at 1440x900 go to test-results/screenshots.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildHostUi } from '../../plugin/build/host_ui';
import { startHost } from '../../plugin/host';
import { launchBrowser, newPage, screenshot } from './browser';

const severityOf = (page: Page) => page.locator('[data-test-subj="findingsTable"] tbody tr').allInnerTexts();

describe('the panel in a browser, on the standalone host', () => {
  let dir: string;
  let host: { url: string; close(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'caa-e2e-'));
    // The page from the sources under test, not a build left from earlier.
    await buildHostUi();
    host = await startHost({ data: path.join(dir, 'logs'), db: path.join(dir, 'findings.sqlite'), port: 0, quiet: true, waitForFirstRun: true, sampleEvents: 50_000 });
    browser = await launchBrowser();
  }, 170_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the findings, narrows to critical, opens a chain, keeps its new status across a reload, and shows coverage', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${host.url}/app/findings`);
    const rows = page.locator('[data-test-subj="findingsTable"] tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    await page.locator('[data-test-subj="findingsOverTimeChart"]').waitFor();
    await screenshot(page, '01-findings');
    const all = await rows.count();
    expect(all).toBeGreaterThan(3);

    // Narrow to critical.
    await page.locator('[data-test-subj="severityFilter"]').click();
    await page.getByRole('option', { name: /Critical/ }).click();
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => {
        const trs = [...document.querySelectorAll('[data-test-subj="findingsTable"] tbody tr')];
        return trs.length > 0 && trs.every((tr) => /critical/i.test(tr.textContent ?? ''));
      },
      undefined,
      { timeout: 15_000 },
    );
    const critical = await severityOf(page);
    expect(critical.length).toBeGreaterThan(0);
    expect(critical.length).toBeLessThanOrEqual(all);
    await screenshot(page, '02-findings-critical');

    // Open the first critical chain: its timeline and its credential lineage.
    await rows.first().locator('td').nth(2).click();
    const flyout = page.locator('[data-test-subj="findingFlyout"]');
    await flyout.waitFor();
    await flyout.locator('[data-test-subj="chainTimeline"]').waitFor();
    const lineage = flyout.locator('[data-test-subj="lineageGraph"]');
    await lineage.waitFor();
    expect(await lineage.locator('svg').count()).toBeGreaterThan(0);
    await screenshot(page, '03-flyout-timeline');
    await lineage.scrollIntoViewIfNeeded();
    await screenshot(page, '04-flyout-lineage');
    const title = (await flyout.locator('h2').first().innerText()).trim();

    // Acknowledge it with a note.
    await flyout.locator('[data-test-subj="flyoutStatusSelect"]').selectOption('acknowledged');
    await flyout.locator('[data-test-subj="flyoutStatusNote"]').fill('Checked with the account owner');
    await flyout.locator('[data-test-subj="flyoutStatusSave"]').click();
    await page.getByText('acknowledged', { exact: false }).first().waitFor();

    // Reload: the status is kept.
    await page.reload();
    await rows.first().waitFor({ timeout: 30_000 });
    await page.locator('[data-test-subj="findingsSearch"]').waitFor();
    const row = rows.filter({ hasText: title.slice(0, 40) }).first();
    await row.waitFor();
    expect((await row.innerText()).toLowerCase()).toContain('acknowledged');

    // Coverage.
    await page.locator('[data-test-subj="tab-coverage"]').click();
    await page.locator('[data-test-subj="coveragePage"]').waitFor();
    await page.locator('[data-test-subj="coverageScopes"]').waitFor({ timeout: 30_000 });
    await screenshot(page, '05-coverage');
    await screenshot(page, '06-coverage-full', { fullPage: true });

    // The dashboard's panels, the same views as the Kibana dashboard.
    await page.locator('[data-test-subj="tab-dashboard"]').click();
    await page.locator('[data-test-subj="dashboardPage"]').waitFor();
    await page.locator('[data-test-subj="topIdentities-item"]').first().waitFor({ timeout: 30_000 });
    await page.locator('[data-test-subj="topPrivilegedActions-item"]').first().waitFor();
    await page.locator('[data-test-subj="providerAccountsTable"]').waitFor();
    await screenshot(page, '08-dashboard');
    await screenshot(page, '09-dashboard-full', { fullPage: true });

    // Identities and automation.
    await page.locator('[data-test-subj="tab-identities"]').click();
    await page.locator('[data-test-subj="identitiesPage"]').waitFor();
    await screenshot(page, '07-identities');

    expect(errors).toEqual([]);
  });
});
