import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDUSTRIES } from '@/lib/icp/industries';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

function files(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

describe('project conventions', () => {
  it('docs/INDUSTRIES.md lists every industry id of the taxonomy', () => {
    const doc = read('docs/INDUSTRIES.md');
    for (const industry of INDUSTRIES) expect(doc).toContain(`\`${industry.id}\``);
  });

  it('the pure libraries do not touch extension APIs or storage', () => {
    for (const file of [
      ...files('lib/extract'),
      ...files('lib/icp'),
      ...files('lib/eval'),
      ...files('lib/techno'),
      ...files('lib/calibrate'),
    ]) {
      const source = read(file);
      expect(source, file).not.toMatch(
        /from ['"](?:wxt\/browser|wxt\/utils\/storage|dexie|webextension-polyfill)['"]/,
      );
      expect(source, file).not.toMatch(/\b(?:browser|chrome)\.(?:runtime|storage|tabs)\b/);
    }
  });

  it('the content scripts import only types from zod-based modules', () => {
    const scripts = files('entrypoints').filter((f) => /(?:^|\/)(?:[\w-]+\.)?content\.ts$/.test(f));
    expect(scripts.length).toBeGreaterThan(1);
    for (const file of [...scripts, 'lib/content-script.ts']) {
      const source = read(file);
      expect(source, file).not.toMatch(/from ['"](?:zod|react|dexie)['"]/);
      expect(source, file).not.toMatch(/^import \{[^}]*\} from '(?:@\/lib|\.)\/(?:messaging|settings|icp)/m);
    }
  });

  it('every lint suppression says why', () => {
    for (const file of [
      ...files('lib'),
      ...files('entrypoints'),
      ...files('components'),
      ...files('scripts'),
      ...files('test'),
    ]) {
      if (!/\.(ts|tsx)$/.test(file)) continue;
      for (const line of read(file).split('\n')) {
        if (line.includes('biome-ignore')) expect(line, file).toMatch(/biome-ignore \S+: \S+/);
      }
    }
  });
});
