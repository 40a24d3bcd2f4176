/**
 * Headless Chromium with the built extension loaded, pages served from files at their real addresses and
 * no network at all. Shared by the end-to-end tests, `npm run demo`, `npm run extract` and `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

/** The few extension APIs the harness calls inside the service worker (typed here: Node has no `chrome`). */
export interface ExtensionGlobals {
  chrome: {
    storage: {
      session: { get(keys: null): Promise<Record<string, unknown>>; remove(key: string): Promise<void> };
    };
    action: { getBadgeText(details: { tabId: number }): Promise<string> };
    tabs: {
      get(tabId: number): Promise<{ id: number; windowId: number; active: boolean }>;
      query(query: object): Promise<Array<{ id?: number }>>;
    };
    sidePanel: { getPanelBehavior(): Promise<{ openPanelOnActionClick?: boolean }> };
  };
}

/** The project's root folder. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
/** Where `wxt build` puts the Chrome build. */
export const CHROME_BUILD = path.join(ROOT, '.output/chrome-mv3');

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium binary to use, if one is installed. */
export function findChromium(): string | undefined {
  return CANDIDATES.find((p): p is string => Boolean(p) && existsSync(p as string));
}

/**
 * Finds Chromium, installing Debian's package when running as root; otherwise explains how to get it.
 * Branded Chrome 137+ ignores `--load-extension`, and Ubuntu's `chromium` is a snap that cannot see our files.
 */
export function ensureChromium(log: (line: string) => void = console.error): string {
  const found = findChromium();
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    log('Chromium is missing: installing Debian’s chromium package (about a minute)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    [
      'ICP Lens needs Chromium to run its browser steps, and none was found.',
      '  Debian:  sudo apt-get install chromium',
      '  Fedora:  sudo dnf install chromium',
      '  Other:   set CHROMIUM_PATH to a Chromium (not branded Chrome 137+, which ignores --load-extension;',
      '           not Ubuntu’s snap chromium, which cannot read the extension folder).',
    ].join('\n'),
  );
}

/** A browser with the extension loaded. */
export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's service worker (evaluate in it to read background state). */
  worker: Worker;
  extensionId: string;
  /** `chrome-extension://<id>/<page>` */
  pageUrl(page: string): string;
  close(): Promise<void>;
}

/** Launches Chromium with the built extension; headless unless `headless: false`. */
export async function launchWithExtension(
  options: { headless?: boolean; extensionDir?: string } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'icp-lens-chromium-'));
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: ensureChromium(),
    // Playwright's own headless flag would start the old headless shell, which cannot load extensions.
    headless: false,
    viewport: { width: 1280, height: 900 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    pageUrl: (page) => `chrome-extension://${extensionId}/${page}`,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Strips the fragment so that served addresses and requested ones compare equal. */
export function withoutFragment(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

/**
 * The Content-Type to serve a saved page with. Without a charset, Chromium reads a page that declares none as
 * Windows-1252 ("world’s" shown as "worldâ€™s"), though saved pages are mostly UTF-8: one whose bytes are valid
 * UTF-8 and that declares no charset in its first 1024 bytes (where a browser looks for a `<meta charset>` or
 * its `http-equiv` form) is served as UTF-8. Any other is left to its own declaration, as its server would.
 */
export function htmlContentType(body: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(body.subarray(0, 1024));
  if (/<meta[^>]*charset/i.test(head)) return 'text/html';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return 'text/html';
  }
  return 'text/html; charset=utf-8';
}

/**
 * Serves each file at its address, with no network: any other http(s) request (images, scripts of the saved
 * page, trackers) is answered with an empty 404, so pages load fast and nothing leaves the machine.
 */
export async function servePages(
  context: BrowserContext,
  pages: Array<{ url: string; file: string }>,
  options: { isolated?: boolean } = {},
): Promise<void> {
  const byUrl = new Map<string, string>();
  for (const page of pages) {
    const address = withoutFragment(page.url);
    const other = byUrl.get(address);
    // One would be served for both, and each page's report found by the address would be the other's.
    if (other !== undefined && other !== page.file)
      throw new Error(
        `${other} and ${page.file} are both to be served at ${address}: give each its own address`,
      );
    byUrl.set(address, page.file);
  }
  // Cross-origin isolated pages get a fine clock (5 µs instead of 100 µs) for timing what runs in them.
  const headers: Record<string, string> = options.isolated
    ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'credentialless' }
    : {};
  await context.route(/^https?:\/\//, async (route) => {
    const request = route.request();
    const file = request.isNavigationRequest() ? byUrl.get(withoutFragment(request.url())) : undefined;
    let body: Buffer | null = null;
    try {
      body = file ? readFileSync(file) : null;
    } catch {
      // Gone since it was listed: served as not found, and that page's reading fails on its own.
    }
    if (body) {
      await route.fulfill({ status: 200, contentType: htmlContentType(body), headers, body });
    } else {
      await route.fulfill({ status: 404, contentType: 'text/plain', body: '' });
    }
  });
}

/** The page report the background holds for a URL, once its content script has sent it. */
export async function waitForReport(
  worker: Worker,
  url: string,
  timeoutMs = 15_000,
): Promise<{ tabId: number; extract: { url: string; ms: number; pageRole: string; candidates: unknown[] } }> {
  const wanted = withoutFragment(url);
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const found = await worker.evaluate(async (target) => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      const all = (await chrome.storage.session.get(null)) as Record<
        string,
        { tabId: number; extract: { url: string } }
      >;
      return Object.values(all).find((v) => v?.extract?.url.split('#')[0] === target) ?? null;
    }, wanted);
    if (found) return found as never;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`No page report for ${url} within ${timeoutMs} ms`);
}
