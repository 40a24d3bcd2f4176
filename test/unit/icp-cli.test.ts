import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { icpJsonSchema } from '@/lib/icp';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function icp(...args: string[]): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(TSX, ['scripts/icp.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each case starts a TypeScript runner in a process of its own: generous time on a busy machine.
describe('npm run -s icp', { timeout: 30_000 }, () => {
  it('validate prints the name and version of a valid ICP', () => {
    expect(icp('validate', 'docs/examples/icp-default.json')).toEqual({
      code: 0,
      stdout: 'Mid-market B2B SaaS (built-in) v1\n',
      stderr: '',
    });
  });

  it('validate lists every problem with its path, without a stack trace', () => {
    const { code, stderr } = icp('validate', 'test/fixtures/icp/broken.json');
    expect(code).toBe(1);
    expect(stderr).toContain('test/fixtures/icp/broken.json: version: ');
    expect(stderr).toContain('criteria[0].weight: ');
    expect(stderr).toContain('criteria[0].ideal.min: min must be ≤ max');
    expect(stderr).toContain('criteria[1].countries[0]: must be an ISO 3166-1 alpha-2 code');
    expect(stderr).toMatch(/colour/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('validate explains a missing file and invalid JSON', () => {
    expect(icp('validate', 'nope.json')).toMatchObject({ code: 1, stderr: 'nope.json: no such file\n' });
    expect(icp('validate', 'test/fixtures/icp/facts.jsonl').stderr).toMatch(/not valid JSON/);
  });

  it('score prints one JSON line per company in the facts file', () => {
    const { code, stdout } = icp(
      'score',
      '--icp',
      'docs/examples/icp-default.json',
      '--facts',
      'test/fixtures/icp/facts.jsonl',
    );
    expect(code).toBe(0);
    const [lumenfold, news] = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lumenfold).toMatchObject({ file: 'lumenfold.html', tier: 'tier_1', score: 100 });
    expect(lumenfold.criteria).toContainEqual({ id: 'revenue', status: 'unknown', contribution: 0 });
    expect(news).toMatchObject({ file: 'news.html', tier: 'not_a_fit', score: 0, coverage: 0 });
  });

  it('docs/icp.schema.json is the schema the code generates', () => {
    expect(JSON.parse(readFileSync(path.join(ROOT, 'docs/icp.schema.json'), 'utf8'))).toEqual(
      icpJsonSchema(),
    );
  });
});
