/**
 * Runs the real signal readers over a page in jsdom: the content script's markup reader on the document, and
 * the main-world collector's source text in the page's window, as `scripting.executeScript` runs it.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { collectorArgs, collectPageGlobals, domSelectorsFor, readDomSignals } from '../../lib/techno/index';
import type { DomSignals, GlobalSignals, PageSignals } from '../../lib/techno/types';

/**
 * Parses `html` as the page at `url`, runs its inline scripts (so page globals exist), then reads its signals
 * with both readers. jsdom has no resource timing: `resources` stands in for it.
 */
export function collectFrom(
  html: string,
  url = 'https://www.acme.example/',
  options: { cookies?: string[]; resources?: string[]; globals?: string[]; selectors?: string[] } = {},
): PageSignals {
  const dom = new JSDOM(html, { url, runScripts: 'dangerously', virtualConsole: new VirtualConsole() });
  for (const cookie of options.cookies ?? []) dom.window.document.cookie = cookie;
  if (options.resources) {
    const entries = options.resources.map((name) => ({ name, entryType: 'resource' }));
    Object.assign(dom.window.performance, { getEntriesByType: () => entries });
  }
  const { globals } = runInWindow(dom.window, [options.globals ?? collectorArgs()[0]]);
  return { ...domSignalsOf(dom.window.document, options.selectors), globals };
}

/** The content script's reading of a document's markup, with the selectors the background sends for it. */
export function domSignalsOf(document: Document, selectors?: string[]): DomSignals {
  const asked = selectors ?? domSelectorsFor('https://www.acme.example/') ?? [];
  return JSON.parse(JSON.stringify(readDomSignals(document, asked))) as DomSignals;
}

/** Evaluates the main-world collector's source text (what executeScript sends) with JSON arguments in a window. */
export function runInWindow(window: { eval(code: string): unknown }, args: unknown[]): GlobalSignals {
  const call = `(${collectPageGlobals.toString()})(...${JSON.stringify(args)})`;
  return JSON.parse(JSON.stringify(window.eval(call))) as GlobalSignals;
}
