/**
 * The function the background runs in a page's main world (`scripting.executeScript({world: 'MAIN', func})`)
 * to read what only the main world can see: which of the fingerprints' window globals the page defines.
 * Everything else the markup shows is read by the content script (see dom-signals.ts). It reads names only,
 * through property descriptors (no getter of the page runs, no page code is evaluated), and its answer is
 * validated in the background, as a page could tamper with the built-ins it calls.
 *
 * It must be self-contained and small: `executeScript` sends its source text and compiles it in the page for
 * every detection (and Playwright's `evaluate` in the tools allows no named inner functions).
 */
import type { GlobalSignals } from './types';

/** Which of `names` the page's window defines as its own properties. */
export function collectPageGlobals(names: string[]): GlobalSignals {
  const started = performance.now();
  const own = Object.prototype.hasOwnProperty;
  const globals = names.filter((name) => {
    if (!own.call(window, name)) return false;
    const d = Object.getOwnPropertyDescriptor(window, name);
    return d !== undefined && (d.get !== undefined || d.value !== undefined);
  });
  return { url: location.href, globals, ms: performance.now() - started };
}
