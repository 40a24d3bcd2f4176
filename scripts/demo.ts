/**
 * `npm run demo`: builds the extension and shows it at work with the built-in default ICP on the bundled
 * sample pages (fictional companies). Prints page → company → tier → score; headless (no display, or
 * `--headless`) it saves a screenshot of the side panel per page under demo-output/; with a display it leaves
 * Chromium open to click around.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureChromium, launchWithExtension, ROOT, servePages, waitForReport } from './lib/browser';
import { buildIfNeeded, optionsOrUsage } from './lib/cli';

const SAMPLES_DIR = path.join(ROOT, 'test/fixtures/samples');
const OUTPUT = path.join(ROOT, 'demo-output');

const USAGE = `Usage: npm run demo [-- --headless]
  --headless  no window even with a display (without one, the demo always runs headless)
Builds the extension if needed, opens the bundled sample company pages in Chromium with the built-in default
ICP and prints page, company, tier and score, then why. Headless, it saves a screenshot of the side panel per
page in demo-output/; with a display it leaves Chromium open.`;

/** The options, or the usage (see `optionsOrUsage`). */
const options = () =>
  optionsOrUsage(
    {
      headless: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );

async function main() {
  const values = options();
  const headless = values.headless || !process.env.DISPLAY;
  buildIfNeeded(console.log);
  ensureChromium(console.log);
  const samples: Array<{ file: string; url: string }> = (
    await import(path.join(SAMPLES_DIR, 'index.json'), { with: { type: 'json' } })
  ).default;

  console.log(
    `Starting Chromium ${headless ? 'headless ' : ''}with ICP Lens loaded (built-in default ICP)…\n`,
  );
  const ext = await launchWithExtension({ headless });
  await servePages(
    ext.context,
    samples.map((s) => ({ url: s.url, file: path.join(SAMPLES_DIR, s.file) })),
  );
  mkdirSync(OUTPUT, { recursive: true });

  const rows: string[][] = [];
  // Why each page got its verdict (the side panel's summary), printed under the table.
  const reasons: string[] = [];
  for (const [i, sample] of samples.entries()) {
    const page = await ext.context.newPage();
    await page.goto(sample.url);
    const { tabId } = await waitForReport(ext.worker, sample.url);
    const panel = await ext.context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(ext.pageUrl(`sidepanel.html?tabId=${tabId}`));
    await panel.locator('[data-testid="tier"], [data-testid="not-a-profile"]').first().waitFor();
    const read = async (id: string) =>
      (await panel.getByTestId(id).count()) ? ((await panel.getByTestId(id).textContent()) ?? '').trim() : '';
    const profile = (await panel.getByTestId('not-a-profile').count()) === 0;
    rows.push([
      sample.url,
      profile ? await read('company-name') : '(not a company profile)',
      profile ? await read('tier') : '—',
      // As the panel shows it: a disqualified company's score is set aside, not a fit's measure.
      profile
        ? `${await read('score')}${(await panel.getByTestId('score-set-aside').count()) ? ' (set aside)' : ''}`
        : '—',
      profile ? await read('coverage') : '—',
    ]);
    reasons.push(profile ? await read('verdict-summary') : await read('page-role-reason'));
    if (headless) {
      const shot = path.join(
        OUTPUT,
        `${String(i + 1).padStart(2, '0')}-${sample.file.replace(/\.html$/, '')}.png`,
      );
      await panel.screenshot({ path: shot, fullPage: true });
    }
    if (headless) await panel.close();
  }

  const header = ['Page', 'Company', 'Tier', 'Score', 'Coverage'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log('\nWhy:');
  rows.forEach((row, i) => {
    console.log(`  ${row[1]} (${row[2]}): ${(reasons[i] ?? '').replace(/\s+/g, ' ')}`);
  });

  if (headless) {
    console.log(`\nSide panel screenshots: ${path.relative(process.cwd(), OUTPUT) || OUTPUT}/`);
    await ext.close();
  } else {
    console.log(
      '\nChromium stays open: switch tabs and open the side panel from the toolbar icon. Ctrl+C to quit.',
    );
    await new Promise<void>((resolve) => ext.context.on('close', () => resolve()));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
