import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { COLLECT_LIMITS, collectorArgs, domSelectorsFor } from '@/lib/techno/index';
import { collectFrom, domSignalsOf, runInWindow } from '../helpers/techno';

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

  it('finds an inline address whatever the case of its host, and not a comment or a bare name', () => {
    const signals = collectFrom(`<script>
      // load the widget
      var u = "//JS.HS-Scripts.com/4242.js", n = "//localhost/x", c = "//x.y2/z";
    </script>`);
    expect(signals.inline).toEqual(['//JS.HS-Scripts.com/4242.js']);
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

  it('finds each kind of selector it is asked for, and reports them in the order asked', () => {
    const signals = collectFrom(
      `<body class="woocommerce"><div id="app"><div class="vc_row"><span class="deep"></span></div></div>
       <turbo-frame id="t"></turbo-frame><div x-data="{}"></div>
       <form class="wpcf7-form" action="/x"><input name="csrfmiddlewaretoken" value="1"></form></body>`,
      undefined,
      {
        selectors: [
          '[x-data]',
          '#app',
          '#absent',
          '.vc_row',
          '.absent',
          'turbo-frame',
          'astro-island',
          'form.wpcf7-form',
          'form.formkit-form',
          'input[name="csrfmiddlewaretoken"]',
          'input[name="authenticity_token"]',
          'body.woocommerce',
          'div > .deep',
          'p .deep',
        ],
      },
    );
    expect(signals.dom).toEqual([
      '[x-data]',
      '#app',
      '.vc_row',
      'turbo-frame',
      'form.wpcf7-form',
      'input[name="csrfmiddlewaretoken"]',
      'body.woocommerce',
      'div > .deep',
    ]);
  });

  it('tests a selector exactly when its leading class or tag is only part of a name', () => {
    const signals = collectFrom(
      '<div class="a:b"></div><div class="note"></div><i class="café"></i>',
      undefined,
      {
        selectors: ['.a\\:b', 'p.note', '.café', 'i.café'],
      },
    );
    expect(signals.dom).toEqual(['.a\\:b', '.café', 'i.café']);
  });

  it('skips a selector the browser does not know and still tests the others', () => {
    const signals = collectFrom('<div id="x"></div>', undefined, { selectors: ['div:unknown-thing(', '#x'] });
    expect(signals.dom).toEqual(['#x']);
  });

  it('finds a selector however many elements match another one first', () => {
    const grid = '<div class="vc_row"></div>'.repeat(1000);
    const signals = collectFrom(`${grid}<div class="wpb_wrapper"></div>`, undefined, {
      selectors: ['.vc_row', '.wpb_wrapper'],
    });
    expect(signals.dom).toEqual(['.vc_row', '.wpb_wrapper']);
  });

  it('tells off-site links from the page’s own host, whatever port, user or scheme a link names', () => {
    const signals = collectFrom(
      `<a href="https://user@www.acme.example:8443/team">Team</a>
       <a href="//cdn.acme-partner.example/x">Partner</a>
       <a href="http://[::1]:8080/">Local</a>
       <a href="httpfoo://boards.greenhouse.io/acme">Not the web</a>
       <a href="http://Jobs.Lever.co/acme">Jobs</a>`,
    );
    expect(signals.links).toEqual([
      'https://cdn.acme-partner.example/x',
      'http://[::1]:8080/',
      'http://jobs.lever.co/acme',
    ]);
  });

  it('finds an off-site link after more absolute links to the page’s own host than it examines', () => {
    const own = Array.from(
      { length: COLLECT_LIMITS.anchors + 10 },
      (_, i) => `<a href="https://www.acme.example/page-${i}">Page ${i}</a>`,
    );
    const signals = collectFrom(`${own.join('')}<a href="https://jobs.lever.co/acme">Jobs</a>`);
    expect(signals.links).toEqual(['https://jobs.lever.co/acme']);
  });

  it('reads a page whose inline SVG has links of its own, and keeps the off-site ones', () => {
    const signals = collectFrom(
      `<svg><a href="https://www.trustpilot.com/review/acme.example"><text>Reviews</text></a></svg>
       <svg><a href="/local"><text>Home</text></a></svg>
       <a href="https://jobs.lever.co/acme">Jobs</a>`,
    );
    expect(signals.links).toEqual([
      'https://www.trustpilot.com/review/acme.example',
      'https://jobs.lever.co/acme',
    ]);
  });

  it('reads stylesheets and preloads whatever the case of their rel, and no other links', () => {
    const signals = collectFrom(
      `<link rel="StyleSheet" href="https://cdn.shopify.com/s/a.css">
       <link rel="preload stylesheet" href="https://fonts.googleapis.com/css2">
       <link rel="modulepreload" href="/_astro/x.js">
       <link rel="icon" href="https://cdn.example/favicon.ico">
       <link rel="stylesheet">`,
    );
    expect(signals.stylesheets).toEqual([
      'https://cdn.shopify.com/s/a.css',
      'https://fonts.googleapis.com/css2',
      'https://www.acme.example/_astro/x.js',
    ]);
  });

  it('looks for addresses only in inline scripts that run, whatever the case of their type', () => {
    const signals = collectFrom(
      `<script type="MODULE">import('https://cdn.segment.com/analytics.js/v1/k/analytics.min.js')</script>
       <script type="text/template"><a href="https://js.hs-scripts.com/1.js"></a></script>
       <script src="/app.js">var x = 'https://static.hotjar.com/c/hotjar-1.js'</script>`,
    );
    expect(signals.inline).toEqual(['https://cdn.segment.com/analytics.js/v1/k/analytics.min.js']);
  });

  it('reads the first HTML comments, trimmed and bounded', () => {
    const many = Array.from({ length: 60 }, (_, i) => `<!-- note ${i} -->`).join('');
    const signals = collectFrom(
      `<head><!--  Performance optimized by W3 Total Cache  --></head><body>${many}</body>`,
    );
    expect(signals.comments[0]).toBe('Performance optimized by W3 Total Cache');
    expect(signals.comments).toHaveLength(COLLECT_LIMITS.comments);
  });

  it('reads only top-level comments (the document’s, the root’s, the head’s and the body’s) in their order', () => {
    const dom = new JSDOM(
      `<!-- before --><html><head><!-- in head --><meta name="x" content="y"></head>
       <body><!-- in body --><div><!-- deep in body --></div></body><!-- after body --></html>`,
      { url: 'https://www.acme.example/' },
    );
    const doc = dom.window.document;
    // Nested inside an element of the head (only a script could put it there): not the head's own.
    doc.querySelector('meta')?.append(doc.createComment('nested in head'));
    expect(domSignalsOf(doc, []).comments).toEqual(['before', 'in head', 'in body', 'after body']);
  });

  it('looks at a bounded number of comments on a page that nests thousands of them', () => {
    const nested = Array.from({ length: COLLECT_LIMITS.commentNodes + 500 }, () => '<p><!-- x --></p>');
    const signals = collectFrom(`<body><!-- first -->${nested.join('')}<!-- too late --></body>`);
    expect(signals.comments).toEqual(['first']);
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
