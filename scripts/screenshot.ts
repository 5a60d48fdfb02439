/**
 * `npm run screenshot` (with `npm run dev` running): drives the Microsoft 365 Agents Playground in Debian's
 * Chromium (headless, via playwright-core) through a real conversation and saves docs/screenshot.png.
 * Set CHROMIUM_PATH if Chromium is not at /usr/bin/chromium.
 */
import * as path from 'path';
import { chromium, type Page } from 'playwright-core';
import { projectRoot } from '../src/paths';

const URL = process.env.PLAYGROUND_URL ?? 'http://localhost:56150';

async function send(page: Page, text: string): Promise<void> {
  const box = page.locator('[data-lexical-editor="true"]');
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function clickButton(page: Page, name: string | RegExp): Promise<void> {
  const button = page.getByRole('button', { name }).last();
  await button.waitFor({ state: 'visible', timeout: 15000 });
  await button.click();
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1150 } });
    await page.goto(URL, { waitUntil: 'domcontentloaded' });
    await page.locator('[data-lexical-editor="true"]').waitFor({ timeout: 30000 });
    await send(page, 'start over');
    await page.waitForTimeout(800);
    await send(page, 'sign out');
    await page.waitForTimeout(800);
    await send(page, "my group 'Salg Oslo' won't update");
    await clickButton(page, /Check my tenant/);
    await clickButton(page, /^Sign in as /);
    const headline = page.getByText(/synced from your on-premises|source of authority/i).first();
    await headline.waitFor({ timeout: 15000 });
    // Hide the log panel and bring the verdict's headline to the top of the chat.
    await page.locator('button[aria-label*="lose" i]').last().click({ timeout: 2000 }).catch(() => undefined);
    await headline.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.mouse.wheel(0, -260);
    await page.waitForTimeout(700);
    const out = path.join(projectRoot, 'docs', 'screenshot.png');
    await page.screenshot({ path: out });
    process.stdout.write(`saved ${out}\n`);
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`screenshot failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
