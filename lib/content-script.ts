/**
 * What every content script does, whichever readers it carries: ask whether the site is paused, gather the
 * page's raw inputs, send them, and gather again after in-page navigation and late rendering. Glue around
 * `readPageInputs` (the background reads the facts out of the inputs); it imports only types from the zod-based
 * modules, so no zod reaches the page.
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readPageInputs } from './extract/page';
import type { Readers } from './extract/readers';
import type { Envelope } from './messaging';
import { readDomSignals } from './techno/dom-signals';

/** How long after a load or an in-page navigation late-rendered content is still awaited. */
const SETTLE_WINDOW_MS = 8000;
/** Quiet time after the last DOM change before re-reading. */
const SETTLE_QUIET_MS = 700;
/** Least time between two readings started by the page's moves: a page that moves in a loop is read once a second. */
const START_GAP_MS = 1000;

/** The markup's technology signals; none where the page defeats the reader, so its facts are still sent. */
function readTechSignals(selectors: string[]) {
  try {
    return readDomSignals(document, selectors);
  } catch {
    return undefined;
  }
}

/** Runs the page reader in this tab with the given readers. */
export function runPageReader(ctx: ContentScriptContext, readers: Readers): void {
  // WXT stops a content script when a newer copy of it announces itself with a DOM event, which any page can
  // fire too (its name is made of the extension's public id). Chrome never injects a second copy into a page,
  // and a copy left behind by an update stops by itself (`ctx.isInvalid` once the extension is gone), so the
  // event is kept from reaching WXT's listener: a page cannot switch the reader off.
  // (The event's name is private to WXT's class: read from it, so that it follows WXT.)
  const restart = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE?: unknown })
    .SCRIPT_STARTED_MESSAGE_TYPE;
  if (typeof restart === 'string')
    window.addEventListener(restart, (event) => event.stopImmediatePropagation(), { capture: true });
  // Nothing is read until the background says this site is not paused.
  let reading = false;
  let lastSent = '';
  let watchUntil = 0;
  let timer: number | undefined;
  // The selectors the background asks to test for technologies (none: technologies are not read here).
  let techSelectors: string[] | null = null;

  /** Sends a message; false when it could not be sent (thrown at once, as for a message too large, or later). */
  const send = (envelope: Envelope) =>
    Promise.resolve()
      .then(() => browser.runtime.sendMessage(envelope))
      .then(
        (answer: unknown) => ({ sent: true, answer }),
        // The extension was reloaded or updated (this page's script is orphaned), or the message was refused.
        () => ({ sent: false, answer: undefined }),
      );

  const report = () => {
    if (!reading || ctx.isInvalid) return;
    let inputs: ReturnType<typeof readPageInputs>;
    try {
      inputs = readPageInputs(document, location.href, readers, () => performance.now());
    } catch {
      // A page that defeats the reader gets no report, but the next change of it is read again.
      return;
    }
    // Unchanged inputs are not sent again: single-page sites re-render often. A change in the visible text alone
    // does not count, as before (a ticking counter or a carousel is no reason to read the page again).
    const { ownSiteText: _text, ...body } = inputs.body ?? {};
    const key = JSON.stringify([inputs.url, inputs.title, inputs.profile, inputs.jsonLd, inputs.meta, body]);
    if (key === lastSent) return;
    lastSent = key;
    // Technology signals of the markup, on a page that is not already known to be nobody's profile (the
    // background reads them only where the page turns out to be a company's own site).
    const techSignals =
      techSelectors && inputs.body !== undefined ? readTechSignals(techSelectors) : undefined;
    void send({
      type: 'reportPage',
      payload: { ...inputs, techSignals },
    } satisfies Envelope<'reportPage'>).then(({ sent }) => {
      // Not sent: the same inputs are tried again at the page's next change.
      if (!sent && lastSent === key) lastSent = '';
    });
  };

  // Single-page sites (LinkedIn among them) render after load and navigate without reloading:
  // re-read once the DOM has been quiet for a moment, for a few seconds after each navigation.
  const observer = new MutationObserver(() => {
    if (!reading || performance.now() > watchUntil) return;
    clearTimeout(timer);
    timer = ctx.setTimeout(report, SETTLE_QUIET_MS);
  });
  ctx.onInvalidated(() => observer.disconnect());

  // The address the page was last read for: a location change that is none (a page can fire the event itself)
  // starts nothing.
  let startedFor: string | null = null;
  const start = async (again = false) => {
    // Out of sight, a prerendered page's moves are read once it is shown (see below).
    if ((document as Document & { prerendering?: boolean }).prerendering === true) return;
    if (!again && location.href === startedFor) return;
    startedFor = location.href;
    const opened: Envelope<'pageOpened'> = { type: 'pageOpened', payload: { url: location.href } };
    const { sent, answer: answered } = await send(opened);
    // Unanswered, the address is asked about again at the next chance.
    if ((!sent || answered === undefined) && startedFor === location.href) startedFor = null;
    const answer = answered as { read?: boolean; techSelectors?: unknown } | undefined;
    reading = answer?.read === true;
    techSelectors = Array.isArray(answer?.techSelectors)
      ? answer.techSelectors.filter((s): s is string => typeof s === 'string')
      : null;
    if (!reading) return;
    observer.observe(document.documentElement, { childList: true, subtree: true });
    watchUntil = performance.now() + SETTLE_WINDOW_MS;
    lastSent = '';
    report();
  };

  // Told of by the Navigation API's `navigate` event, before the address has changed: read once it has (the
  // page's own `pushState`, `replaceState` or a link to `#pricing`). Moves in quick succession are read once.
  let lastStart = Number.NEGATIVE_INFINITY;
  let pendingStart: number | undefined;
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    clearTimeout(pendingStart);
    pendingStart = ctx.setTimeout(
      () => {
        lastStart = performance.now();
        void start();
      },
      Math.max(0, lastStart + START_GAP_MS - performance.now()),
    );
  });
  // A page restored from the back/forward cache runs no script again, but the background forgot it. Only the
  // browser's own event counts: a page can fire a `pageshow` of its own.
  ctx.addEventListener(window, 'pageshow', (event) => {
    if (event.isTrusted && event.persisted) void start(true);
  });
  // A page the browser prerenders out of sight is read once it is shown: until then the background refuses
  // its messages, which would replace the facts of the page the rep is reading in that tab.
  if ((document as Document & { prerendering?: boolean }).prerendering === true)
    ctx.addEventListener(document, 'prerenderingchange', (event: Event) => {
      if (event.isTrusted) void start();
    });
  else void start();
}
