/** Runs the real main-world collector over a page in jsdom, as `scripting.executeScript` runs it in Chromium. */
import { JSDOM, VirtualConsole } from 'jsdom';
import { collectorArgs, collectPageSignals } from '../../lib/techno/index';
import type { PageSignals } from '../../lib/techno/types';

/**
 * Parses `html` as the page at `url`, runs its inline scripts (so page globals exist), then runs the
 * collector's source text in that window. jsdom has no resource timing: `resources` stands in for it.
 */
export function collectFrom(
  html: string,
  url = 'https://www.acme.example/',
  options: { cookies?: string[]; resources?: string[]; args?: unknown[] } = {},
): PageSignals {
  const dom = new JSDOM(html, { url, runScripts: 'dangerously', virtualConsole: new VirtualConsole() });
  for (const cookie of options.cookies ?? []) dom.window.document.cookie = cookie;
  if (options.resources) {
    const entries = options.resources.map((name) => ({ name, entryType: 'resource' }));
    Object.assign(dom.window.performance, { getEntriesByType: () => entries });
  }
  const args = options.args ?? collectorArgs();
  return runInWindow(dom.window, args);
}

/** Evaluates the collector's source text (what executeScript sends) with JSON arguments in a window. */
export function runInWindow(window: { eval(code: string): unknown }, args: unknown[]): PageSignals {
  const call = `(${collectPageSignals.toString()})(...${JSON.stringify(args)})`;
  return JSON.parse(JSON.stringify(window.eval(call))) as PageSignals;
}
