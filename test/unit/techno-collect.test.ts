import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { COLLECT_LIMITS, collectorArgs, domSelectorsFor } from '@/lib/techno/index';
import { collectFrom, runInWindow } from '../helpers/techno';

describe('the technology signal readers (content script and main world)', () => {
  it('reads script, stylesheet and iframe addresses as absolute URLs', () => {
    const signals = collectFrom(
      `<link rel="stylesheet" href="/wp-content/themes/x/style.css">
       <script src="//js.hs-scripts.com/4242.js"></script>
       <iframe src="https://player.vimeo.com/video/1"></iframe>`,
    );
    expect(signals.scripts).toEqual(['https://js.hs-scripts.com/4242.js']);
    expect(signals.stylesheets).toEqual(['https://www.acme.example/wp-content/themes/x/style.css']);
    expect(signals.iframes).toEqual(['https://player.vimeo.com/video/1']);
  });

  it('finds the addresses an inline tag snippet loads, JSON-escaped ones too', () => {
    const signals = collectFrom(`<script>
      (function(w,d,s,l,i){var f=d.getElementsByTagName(s)[0],j=d.createElement(s);
      j.src='https://www.googletagmanager.com/gtm.js?id='+i;})(window,document,'script','dataLayer','GTM-ABC1');
      var cfg = {"loader":"https:\\/\\/static.hotjar.com\\/c\\/hotjar-1.js"};
    </script>`);
    expect(signals.inline).toContain('https://www.googletagmanager.com/gtm.js?id=');
    expect(signals.inline).toContain('https://static.hotjar.com/c/hotjar-1.js');
  });

  it('skips JSON data blocks when looking for addresses in inline scripts', () => {
    const signals = collectFrom(
      '<script type="application/ld+json">{"sameAs":"https://js.hs-scripts.com/1.js"}</script>',
    );
    expect(signals.inline).toEqual([]);
  });

  it('keeps only off-site links, and meta names lower-cased with their content', () => {
    const signals = collectFrom(
      `<meta name="Generator" content="WordPress 6.5"><a href="/about">About</a>
       <a href="https://boards.greenhouse.io/acme">Jobs</a>`,
    );
    expect(signals.links).toEqual(['https://boards.greenhouse.io/acme']);
    expect(signals.meta).toContainEqual(['generator', 'WordPress 6.5']);
  });

  it('returns cookie names without their values', () => {
    const signals = collectFrom('<p>x</p>', undefined, { cookies: ['_ga=GA1.2.secret', 'hubspotutk=abc'] });
    expect(signals.cookies.sort()).toEqual(['_ga', 'hubspotutk']);
    expect(JSON.stringify(signals)).not.toContain('secret');
  });

  it('reports which asked-for globals an inline script defined', () => {
    const signals = collectFrom(
      '<script>var _hsq = window._hsq || []; window.Shopify = {shop: "x"};</script>',
      undefined,
      { globals: ['_hsq', 'Shopify', 'Drupal'] },
    );
    expect(signals.globals).toEqual(['_hsq', 'Shopify']);
  });

  it('never runs a getter the page defined on a global', () => {
    const dom = new JSDOM(
      `<script>window.reads = 0;
        Object.defineProperty(window, 'jQuery', { get() { window.reads++; return {}; } });</script>`,
      { url: 'https://www.acme.example/', runScripts: 'dangerously', virtualConsole: new VirtualConsole() },
    );
    const signals = runInWindow(dom.window as never, [['jQuery']]);
    expect(signals.globals).toEqual(['jQuery']);
    expect((dom.window as unknown as { reads: number }).reads).toBe(0);
  });

  it('tests every fingerprint selector without throwing and reports the ones present', () => {
    const signals = collectFrom('<div id="___gatsby"><div class="vc_row"></div></div>');
    expect(signals.dom).toEqual(expect.arrayContaining(['#___gatsby', '.vc_row']));
    expect(signals.dom).toHaveLength(2);
  });

  it('reads the first HTML comments, trimmed and bounded', () => {
    const many = Array.from({ length: 60 }, (_, i) => `<!-- note ${i} -->`).join('');
    const signals = collectFrom(
      `<head><!--  Performance optimized by W3 Total Cache  --></head><body>${many}</body>`,
    );
    expect(signals.comments[0]).toBe('Performance optimized by W3 Total Cache');
    expect(signals.comments).toHaveLength(COLLECT_LIMITS.comments);
  });

  it('bounds every list on a huge page', () => {
    const many = Array.from(
      { length: 450 },
      (_, i) => `<script src="https://cdn${i}.example/x.js"></script>`,
    );
    const links = Array.from({ length: 350 }, (_, i) => `<a href="https://site${i}.example/">x</a>`);
    const signals = collectFrom(many.join('') + links.join(''));
    expect(signals.scripts).toHaveLength(COLLECT_LIMITS.urls);
    expect(signals.links).toHaveLength(COLLECT_LIMITS.links);
  });

  it('asks for every global and selector the fingerprints name', () => {
    const [globals] = collectorArgs();
    expect(globals).toContain('_hsq');
    expect(domSelectorsFor('https://www.acme.example/')).toContain('script#__NEXT_DATA__');
  });

  it('gives the content script no selectors on platforms, whose technology is not a company’s', () => {
    expect(domSelectorsFor('https://www.linkedin.com/company/acme')).toBeNull();
    expect(domSelectorsFor('https://en.wikipedia.org/wiki/Acme')).toBeNull();
  });
});
