/**
 * `npm run -s extract`, the batch extraction others script against: its output format on real saved pages, its
 * exit code, and arguments checked before the browser starts. Runs the command as a user would (the built
 * extension in its own headless Chromium).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../../scripts/lib/browser';

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const PAGES = path.join(ROOT, 'test/fixtures/corpus');

function extract(...args: string[]) {
  const run = spawnSync(TSX, ['scripts/extract.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('writes one line of facts per page in the manifest order, with an error and exit code 1 for a missing page', () => {
  test.setTimeout(150_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'extract-'));
  const manifest = path.join(dir, 'pages.jsonl');
  writeFileSync(
    manifest,
    [
      JSON.stringify({
        file: 'metascraper__chowhanandsons-home.html',
        url: 'https://www.chowhanandsons.com/',
      }),
      '',
      JSON.stringify({ file: 'not-saved.html', url: 'https://not-saved.example/' }),
      JSON.stringify({
        file: 'readability__wikipedia-mozilla.html',
        url: 'https://en.wikipedia.org/wiki/Mozilla',
      }),
    ].join('\n'),
  );
  const out = path.join(dir, 'facts.jsonl');
  const { code, stdout, stderr } = extract('--manifest', manifest, '--pages', PAGES, '--out', out);
  expect(stdout).toBe('');
  expect(stderr).toContain('Extracted 2 of 3 pages');
  expect(stderr).toContain('not-saved.html: no such file');
  expect(code).toBe(1);
  const lines = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines.map((l) => l.file)).toEqual([
    'metascraper__chowhanandsons-home.html',
    'not-saved.html',
    'readability__wikipedia-mozilla.html',
  ]);
  expect(lines[0]).toMatchObject({
    url: 'https://www.chowhanandsons.com/',
    facts: { domain: 'chowhanandsons.com' },
  });
  expect(lines[0].ms).toBeGreaterThan(0);
  expect(lines[1]).toMatchObject({
    facts: { name: null },
    ms: null,
    error: expect.stringContaining('no such file'),
  });
  // Wikipedia's article about Mozilla is read by its adapter: the organisation it describes.
  expect(lines[2].facts).toMatchObject({ name: 'Mozilla' });
});

test('checks its arguments before starting a browser, naming what is wrong', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'extract-'));
  const manifest = path.join(dir, 'pages.jsonl');
  writeFileSync(manifest, `${JSON.stringify({ file: 'a.html', url: 'https://a.example/' })}\n`);
  const help = extract('--help');
  expect(help).toMatchObject({ code: 0, stderr: '' });
  expect(help.stdout).toContain('--manifest  one JSON line per page');

  expect(extract('--manifest', manifest)).toMatchObject({
    code: 2,
    stderr: expect.stringContaining('Missing --pages, --out.'),
  });
  expect(
    extract('--manifest', manifest, '--pages', PAGES, '--out', 'x.jsonl', '--concurrency', 'many'),
  ).toMatchObject({
    code: 2,
    stderr: expect.stringContaining('--concurrency: "many" is not a whole number from 1 to 16.'),
  });
  expect(extract('--manifest', dir, '--pages', PAGES, '--out', 'x.jsonl')).toMatchObject({
    code: 1,
    stderr: expect.stringContaining('is a folder, not a file'),
  });
  expect(extract('--manifest', manifest, '--pages', manifest, '--out', 'x.jsonl')).toMatchObject({
    code: 1,
    stderr: expect.stringContaining('is a file, not a folder'),
  });
  expect(
    extract('--manifest', manifest, '--pages', PAGES, '--out', path.join(dir, 'nowhere/facts.jsonl')),
  ).toMatchObject({
    code: 1,
    stderr: expect.stringContaining(`no folder ${path.join(dir, 'nowhere')} to write it in`),
  });
  // The line of a bad entry as an editor numbers it, blank lines included.
  const bad = path.join(dir, 'bad.jsonl');
  mkdirSync(path.join(dir, 'pages'));
  writeFileSync(
    bad,
    `${JSON.stringify({ file: 'a.html', url: 'https://a.example/' })}\n\n\n{"file": "b.html", "url": "b.example"}\n`,
  );
  expect(
    extract('--manifest', bad, '--pages', path.join(dir, 'pages'), '--out', path.join(dir, 'o.jsonl')),
  ).toMatchObject({
    code: 1,
    stderr: `${bad}:4: "url" is not a web address: "b.example"\n`,
  });
});
