/**
 * The store listing (docs/STORE.md) and the manifest (wxt.config.ts) say the same thing: the same name and
 * summary, within each store's limits, and a justification for exactly the permissions the manifest asks for.
 * The built manifest, as Chromium loads it, is checked against the same list in test/e2e/store-assets.spec.ts.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import {
  justifiedEntries,
  listingBlock,
  manifestEntries,
  parseStoreListing,
  readStoreListing,
} from '../helpers/store-listing';

type Browser = 'chrome' | 'firefox';

async function manifestFor(browser: Browser) {
  const { manifest } = config;
  const env = { browser, manifestVersion: 3 as const, mode: 'production', command: 'build' as const };
  const resolved = typeof manifest === 'function' ? await manifest(env) : await manifest;
  if (!resolved) throw new Error('wxt.config.ts has no manifest');
  // WXT adds what the entrypoints need: `sidePanel` for Chrome's side panel (Firefox gets a sidebar_action and
  // no permission). The e2e suite checks the manifest Chromium really loads.
  const sidePanel = existsSync(fileURLToPath(new URL('../../entrypoints/sidepanel', import.meta.url)));
  const permissions = [
    ...((resolved as { permissions?: string[] }).permissions ?? []),
    ...(browser === 'chrome' && sidePanel ? ['sidePanel'] : []),
  ];
  return { ...resolved, permissions };
}

/**
 * Whether match pattern `outer` matches every address `inner` does (what Chrome checks before dropping an
 * optional host): the scheme (`*` is http and https), the host (`*` any, `*.x` x and its subdomains) and the
 * path (`/*` any).
 */
function patternCovers(outer: string, inner: string): boolean {
  if (outer === '<all_urls>') return true;
  const parse = (p: string) => /^(\*|[a-z-]+):\/\/([^/]*)(\/.*)$/.exec(p);
  const [o, i] = [parse(outer), parse(inner)];
  if (!o || !i) return outer === inner;
  const [, oScheme, oHost, oPath] = o;
  const [, iScheme, iHost, iPath] = i;
  const scheme = oScheme === iScheme || (oScheme === '*' && ['http', 'https', '*'].includes(iScheme ?? ''));
  const host =
    oHost === '*' ||
    oHost === iHost ||
    (oHost?.startsWith('*.') === true &&
      (iHost === oHost.slice(2) || (iHost ?? '').endsWith(oHost.slice(1))));
  const path = oPath === '/*' || oPath === iPath;
  return scheme && host && path;
}

const listing = readStoreListing();

describe('the store listing agrees with the manifest', () => {
  for (const browser of ['chrome', 'firefox'] as const) {
    it(`has the ${browser} manifest's name and description as its name and summary`, async () => {
      const manifest = await manifestFor(browser);
      expect(listingBlock(listing, 'name')).toBe(manifest.name);
      expect(listingBlock(listing, 'summary')).toBe(manifest.description);
    });
  }

  it('keeps the name within AMO’s 50 characters and the summary within the manifest’s 132', () => {
    // Chrome allows 75 characters of name; AMO 50. The description's 132 is Chrome's and Firefox's manifest limit
    // (AMO's summary allows 250).
    expect(listingBlock(listing, 'name').length).toBeLessThanOrEqual(50);
    expect(listingBlock(listing, 'summary').length).toBeLessThanOrEqual(132);
    expect(listingBlock(listing, 'summary')).not.toContain('\n');
  });

  it('justifies exactly the permissions and hosts of the Chrome manifest', async () => {
    expect(justifiedEntries(listing)).toEqual(manifestEntries(await manifestFor('chrome')));
  });

  it('justifies every permission and host of the Firefox manifest', async () => {
    const justified = new Set(justifiedEntries(listing));
    const unjustified = manifestEntries(await manifestFor('firefox')).filter(
      (entry) => !justified.has(entry),
    );
    expect(unjustified).toEqual([]);
  });

  it('asks for no optional host that its required hosts already cover (Chrome drops it with a warning)', async () => {
    const manifest = (await manifestFor('chrome')) as {
      host_permissions?: string[];
      optional_host_permissions?: string[];
    };
    const covered = (manifest.optional_host_permissions ?? []).filter((optional) =>
      (manifest.host_permissions ?? []).some((required) => patternCovers(required, optional)),
    );
    expect(covered).toEqual([]);
  });

  it('has the texts a publisher pastes: description, single purpose, remote code, notes for AMO reviewers', () => {
    for (const id of ['description', 'single-purpose', 'remote-code', 'amo-reviewer-notes', 'tile-tagline'])
      expect(listingBlock(listing, id).trim().length, id).toBeGreaterThan(20);
  });

  it('gives AMO reviewers the build command package.json really has', async () => {
    const { readFile } = await import('node:fs/promises');
    const pkg = JSON.parse(
      await readFile(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'),
    ) as { scripts: Record<string, string> };
    expect(listingBlock(listing, 'amo-reviewer-notes')).toContain('npm run build-for-amo');
    expect(pkg.scripts['build-for-amo']).toBe('wxt build -b firefox --mv3');
  });
});

describe('reading the listing', () => {
  const table = (rows: string) =>
    `## Permission justifications\n\n| key | permission | justification |\n|---|---|---|\n${rows}\n## Next\n`;

  it('finds a permission added to the manifest without a justification', async () => {
    const manifest = await manifestFor('chrome');
    const withNew = { ...manifest, permissions: [...manifest.permissions, 'tabs'] };
    expect(justifiedEntries(listing)).not.toEqual(manifestEntries(withNew));
  });

  it('refuses a justification row it cannot read, naming it', () => {
    expect(() => parseStoreListing(table('| permissions | storage | no backticks |'))).toThrow(
      /cannot read the justification row "\| permissions \| storage/,
    );
    expect(() => parseStoreListing(table('| permision | `storage` | a typo in the key |'))).toThrow(
      /cannot read the justification row/,
    );
  });

  it('reads a row into its key, permission and text', () => {
    const parsed = parseStoreListing(table('| host_permissions | `https://*/*` | Reads the page. |'));
    expect(parsed.justifications).toEqual([
      { key: 'host_permissions', permission: 'https://*/*', text: 'Reads the page.' },
    ]);
  });
});
