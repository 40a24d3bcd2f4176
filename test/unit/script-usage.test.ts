import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/** Runs a script as `npm run -s <name> -- …` does; each case here ends before a build or a browser starts. */
function run(script: string, ...args: string[]) {
  const done = spawnSync(TSX, [`scripts/${script}.ts`, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: done.status ?? 1, stdout: done.stdout, stderr: done.stderr };
}

describe('the command-line scripts’ arguments', { timeout: 30_000 }, () => {
  it('bench --help prints its usage, --out and the other options included, and succeeds', () => {
    const { code, stdout, stderr } = run('bench', '--help');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^Usage: npm run -s bench -- \[--corpus DIR\] \[--out FILE\] \[--skip-list\]/);
    for (const option of ['--corpus', '--out', '--skip-list']) expect(stdout).toContain(`\n  ${option} `);
  });

  it('bench names an unknown option above its usage, with exit code 2', () => {
    const { code, stdout, stderr } = run('bench', '--bogus');
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/Unknown option '--bogus'[\s\S]*Usage: npm run -s bench/);
  });

  it('demo --help prints its usage and succeeds, before building or starting Chromium', () => {
    const { code, stdout, stderr } = run('demo', '--help');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^Usage: npm run demo \[-- --headless\]\n {2}--headless /);
  });

  it('demo names an unknown option above its usage, with exit code 2', () => {
    const { code, stdout, stderr } = run('demo', '--bogus');
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/Unknown option '--bogus'[\s\S]*Usage: npm run demo/);
  });

  it('techno-doc --help prints its usage and leaves docs/TECHNOLOGIES.md alone', () => {
    const { code, stdout, stderr } = run('techno-doc', '--help');
    // "Wrote 399 technologies to docs/TECHNOLOGIES.md" on stderr would mean it rewrote the doc instead.
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^Usage: npm run -s techno-doc\n/);
  });

  it('eval --facts names a folder given for the facts file, not as a raw EISDIR', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eval-facts-'));
    const { code, stderr } = run('eval', '--facts', dir);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `--facts ${dir}: is a folder, not a file: give the facts file \`npm run -s extract -- --out FILE\` wrote\n`,
    );
  });
});
