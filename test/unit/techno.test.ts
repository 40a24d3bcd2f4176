import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toOutputFacts } from '@/lib/extract/output-format';
import { updateTechnologiesDoc } from '@/lib/techno/doc';
import {
  compileFingerprints,
  detectFromSignals,
  detectTechnologies,
  FINGERPRINTS,
  fingerprints,
  TECH_CATEGORIES,
  technologiesApply,
  technologiesCandidate,
  warmUpDetection,
} from '@/lib/techno/index';
import type { PageSignals } from '@/lib/techno/types';
import { parseHtml } from '../helpers/dom';
import { collectFrom } from '../helpers/techno';

/** What the fingerprints detect on a page snippet (the real collector, then the real matcher). */
function detect(html: string, options: Parameters<typeof collectFrom>[2] = {}, url?: string) {
  return detectTechnologies(collectFrom(html, url, options), fingerprints());
}
const names = (html: string, options: Parameters<typeof collectFrom>[2] = {}) =>
  detect(html, options).map((d) => d.name);
const evidenceOf = (html: string, name: string) => detect(html).find((d) => d.name === name)?.evidence;

const EMPTY: PageSignals = {
  url: 'https://www.acme.example/',
  scripts: [],
  stylesheets: [],
  iframes: [],
  resources: [],
  inline: [],
  links: [],
  meta: [],
  cookies: [],
  globals: [],
  dom: [],
  comments: [],
  ms: 0,
};

describe('the fingerprint set', () => {
  it('covers at least 200 technologies with unique names', () => {
    const all = FINGERPRINTS.map((f) => f.name);
    expect(all.length).toBeGreaterThanOrEqual(200);
    expect(new Set(all).size).toBe(all.length);
  });

  it('covers every family sellers qualify on', () => {
    const categories = new Set(FINGERPRINTS.map((f) => f.category));
    for (const family of [
      'crm',
      'marketing-automation',
      'analytics',
      'tag-manager',
      'cdp',
      'chat',
      'ab-testing',
      'ecommerce',
      'payments',
      'cms',
      'consent',
      'ats',
      'scheduling',
      'framework',
      'hosting',
    ])
      expect(categories, family).toContain(family);
  });

  it('gives every technology a known category, at least one signal and where its evidence is documented', () => {
    for (const f of FINGERPRINTS) {
      expect(Object.keys(TECH_CATEGORIES), f.name).toContain(f.category);
      const signals = [
        f.urls,
        f.siteHosts,
        f.paths,
        f.files,
        f.links,
        f.globals,
        f.cookies,
        f.meta,
        f.dom,
        f.comments,
      ].flatMap((s) => s ?? []);
      expect(signals.length, f.name).toBeGreaterThan(0);
      expect(f.docs.length, f.name).toBeGreaterThan(10);
    }
  });

  it('writes addresses as bare lower-case hosts with an optional path', () => {
    for (const f of FINGERPRINTS)
      for (const spec of [...(f.urls ?? []), ...(f.siteHosts ?? []), ...(f.links ?? [])]) {
        expect(spec, f.name).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}(?:\/\S*)?$/);
      }
  });

  it('names as a vendor’s own site only exact hosts that its link rules would otherwise take', () => {
    const compiled = compileFingerprints(FINGERPRINTS);
    for (const f of FINGERPRINTS)
      for (const host of f.vendorSites ?? []) {
        expect(host, f.name).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
        expect(
          f.links?.some((spec) => `.${host}`.endsWith(`.${spec.split('/')[0]}`)),
          host,
        ).toBe(true);
      }
    expect(compiled.vendorSites.size).toBeGreaterThan(10);
  });

  it('implies only technologies it knows', () => {
    const known = new Set(FINGERPRINTS.map((f) => f.name));
    for (const f of FINGERPRINTS)
      for (const name of [...(f.implies ?? []), ...(f.replaces ?? [])]) expect(known, f.name).toContain(name);
  });

  it('has only selectors a browser accepts', () => {
    const doc = parseHtml('<p>x</p>', 'https://www.acme.example/');
    for (const f of FINGERPRINTS)
      for (const selector of f.dom ?? []) expect(() => doc.querySelector(selector), selector).not.toThrow();
  });

  it('compiles to one path pattern of literals only (no quantifier can backtrack)', () => {
    const compiled = compileFingerprints(FINGERPRINTS);
    const source = compiled.pathPattern?.source ?? '';
    // Remove escaped characters; what is left must be literal text and the alternation bars.
    expect(source.replace(/\\./g, '')).not.toMatch(/[*+?{}()[\]]/);
    expect(compiled.pathTechs.size).toBeGreaterThan(20);
  });

  it('matches long adversarial signals in bounded work', { timeout: 10_000 }, () => {
    const nearMiss = '/wp-conten'.repeat(50);
    const host = `${'a.'.repeat(120)}hs-scripts.co`;
    const signals: PageSignals = {
      ...EMPTY,
      scripts: Array.from({ length: 400 }, (_, i) => `https://${host}/${nearMiss}${i}`.slice(0, 500)),
      resources: Array.from({ length: 400 }, () => `https://x.example/${'_next/stati'.repeat(44)}`),
      links: Array.from({ length: 300 }, () => `https://${'b.'.repeat(200)}example`),
      cookies: Array.from({ length: 100 }, (_, i) => `_hjSessio${'n'.repeat(150)}${i}`),
    };
    const compiled = compileFingerprints(FINGERPRINTS);
    for (let i = 0; i < 20; i++) expect(detectTechnologies(signals, compiled)).toEqual([]);
  });

  it('collects addresses from a long adversarial inline script in bounded work', { timeout: 10_000 }, () => {
    const text = `var x = "${'//a.'.repeat(20_000)}${'//'.repeat(5_000)}${'a'.repeat(10_000)}";`;
    expect(collectFrom(`<script>${text}</script>`).inline.length).toBeLessThanOrEqual(400);
  });
});

describe('CRM and marketing automation', () => {
  it('finds HubSpot from its tracking code and names the script', () => {
    const html =
      '<script type="text/javascript" id="hs-script-loader" async defer src="//js.hs-scripts.com/4242.js"></script>';
    expect(evidenceOf(html, 'HubSpot')).toEqual(['script https://js.hs-scripts.com/4242.js']);
  });

  it('finds Marketo from the Munchkin snippet written inline', () => {
    const html = `<script>(function(){var s=document.createElement('script');s.type='text/javascript';
      s.src='//munchkin.marketo.net/munchkin.js';})();</script>`;
    expect(names(html)).toContain('Marketo');
  });

  it('finds Pardot from its tracking globals', () => {
    expect(names("<script>piAId = '1001'; piCId = '21';</script>")).toContain('Pardot');
  });

  it('finds Mailchimp from an embedded signup form', () => {
    const html =
      '<div id="mc_embed_signup"><form action="https://acme.us1.list-manage.com/subscribe/post?u=1" method="post" id="mc-embedded-subscribe-form"></form></div>';
    expect(names(html)).toContain('Mailchimp');
  });

  it('does not take a link to a vendor page or a mention in text for its script', () => {
    const html = `<p>We moved from Marketo to HubSpot last year.</p>
      <a href="https://www.hubspot.com/products/marketing">HubSpot</a>
      <a href="https://www.facebook.com/acme">Facebook</a>`;
    expect(names(html)).toEqual([]);
  });
});

describe('analytics and tag managers', () => {
  it('tells Google Analytics (G- id) from Google Ads (AW- id) on gtag.js', () => {
    expect(
      names('<script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123"></script>'),
    ).toEqual(['Google Analytics']);
    expect(names('<script async src="https://www.googletagmanager.com/gtag/js?id=AW-99"></script>')).toEqual([
      'Google Ads',
    ]);
  });

  it('does not take the conversion linker’s _gcl_au cookie for Google Ads, which is one of the tools that use it', () => {
    const analyticsOnly = `<script async src="https://www.googletagmanager.com/gtag/js?id=G-8KQ2M4ZP1L"></script>
      <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}
        gtag('js', new Date()); gtag('config', 'G-8KQ2M4ZP1L');</script>`;
    const cookies = [
      '_ga=GA1.1.1580473320.1764041100',
      '_ga_8KQ2M4ZP1L=GS2.1.s1764041100',
      '_gcl_au=1.1.912573.1764041100',
    ];
    expect(names(analyticsOnly, { cookies })).toEqual(['Google Analytics']);
    // A visitor who came from a Google Ads click carries its click id.
    const fromAnAd = [...cookies, '_gcl_aw=GCL.1764041100.Cj0KCQiA'];
    expect(names(analyticsOnly, { cookies: fromAnAd }).sort()).toEqual(['Google Ads', 'Google Analytics']);
  });

  it('finds Google Tag Manager from the container snippet', () => {
    const html = `<script>(function(w,d,s,l,i){w[l]=w[l]||[];var f=d.getElementsByTagName(s)[0],
      j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=
      'https://www.googletagmanager.com/gtm.js?id='+i+dl;})(window,document,'script','dataLayer','GTM-XXXX');</script>`;
    expect(evidenceOf(html, 'Google Tag Manager')?.[0]).toMatch(
      /^inline https:\/\/www\.googletagmanager\.com\/gtm\.js/,
    );
  });

  it('finds Hotjar from the global its snippet sets and from its cookies', () => {
    const html =
      '<script>(function(h){h.hj=h.hj||function(){};h._hjSettings={hjid:1,hjsv:6};})(window);</script>';
    expect(evidenceOf(html, 'Hotjar')).toContain('global _hjSettings');
    expect(names('<p>x</p>', { cookies: ['_hjSession_123=1'] })).toEqual(['Hotjar']);
  });

  it('finds Segment from analytics.js and its cookies', () => {
    expect(
      names('<script src="https://cdn.segment.com/analytics.js/v1/KEY/analytics.min.js"></script>'),
    ).toEqual(['Segment']);
    expect(names('<p>x</p>', { cookies: ['ajs_anonymous_id=1'] })).toEqual(['Segment']);
  });

  it('finds New Relic from the browser agent in resource timing', () => {
    expect(names('<p>x</p>', { resources: ['https://js-agent.newrelic.com/nr-spa-1.2.js'] })).toEqual([
      'New Relic',
    ]);
  });
});

describe('chat, A/B testing and consent', () => {
  it('finds Intercom from its settings global and widget script', () => {
    const html =
      '<script>window.intercomSettings = { app_id: "abc" };</script><script src="https://widget.intercom.io/widget/abc"></script>';
    expect(detect(html).find((d) => d.name === 'Intercom')?.evidence).toEqual([
      'script https://widget.intercom.io/widget/abc',
      'global intercomSettings',
    ]);
  });

  it('finds Optimizely and VWO from their snippets', () => {
    expect(names('<script src="https://cdn.optimizely.com/js/12345.js"></script>')).toEqual(['Optimizely']);
    expect(names('<script>window._vwo_code = (function(){ return {}; })();</script>')).toEqual(['VWO']);
  });

  it('finds OneTrust and Cookiebot banners', () => {
    expect(
      names(
        '<script src="https://cdn.cookielaw.org/scripttemplates/otSDKStub.js" data-domain-script="x"></script>',
      ),
    ).toEqual(['OneTrust']);
    expect(
      names('<script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-cbid="x"></script>'),
    ).toEqual(['Cookiebot']);
  });
});

describe('e-commerce and payments', () => {
  it('finds Shopify from its CDN, meta tag and global', () => {
    const html = `<meta name="shopify-checkout-api-token" content="abc">
      <link rel="stylesheet" href="//cdn.shopify.com/s/files/1/0001/t/1/assets/theme.css">
      <script>var Shopify = Shopify || {}; Shopify.shop = "acme.myshopify.com";</script>`;
    const found = detect(html).find((d) => d.name === 'Shopify');
    expect(found?.category).toBe('ecommerce');
    expect(found?.evidence).toEqual([
      'stylesheet https://cdn.shopify.com/s/files/1/0001/t/1/assets/theme.css',
      'meta shopify-checkout-api-token="abc"',
      'global Shopify',
    ]);
  });

  it('finds WooCommerce and the WordPress it runs on', () => {
    const html =
      '<link rel="stylesheet" href="https://shop.acme.example/wp-content/plugins/woocommerce/assets/css/woocommerce.css?ver=8.1">';
    expect(names(html).sort()).toEqual(['WooCommerce', 'WordPress']);
  });

  it('finds Stripe from Stripe.js', () => {
    expect(names('<script src="https://js.stripe.com/v3/"></script>')).toEqual(['Stripe']);
  });
});

describe('CMS, site builders and plugins', () => {
  it('finds WordPress from its generator meta and REST link', () => {
    const html =
      '<meta name="generator" content="WordPress 6.5.2"><link rel="https://api.w.org/" href="https://acme.example/wp-json/">';
    expect(evidenceOf(html, 'WordPress')).toEqual([
      'meta generator="WordPress 6.5.2"',
      'dom link[rel="https://api.w.org/"]',
    ]);
  });

  it('keeps three pieces of evidence of one kind and then one of each other kind, however many signals agree', () => {
    const scripts = Array.from(
      { length: 40 },
      (_, i) => `<script src="https://acme.example/wp-includes/js/part-${i}.js"></script>`,
    ).join('');
    const html = `${scripts}<meta name="generator" content="WordPress 6.5.2">
      <link rel="https://api.w.org/" href="https://acme.example/wp-json/"><!-- WordPress comment -->`;
    expect(evidenceOf(html, 'WordPress')).toEqual([
      'script https://acme.example/wp-includes/js/part-0.js',
      'script https://acme.example/wp-includes/js/part-1.js',
      'script https://acme.example/wp-includes/js/part-2.js',
      'meta generator="WordPress 6.5.2"',
      'dom link[rel="https://api.w.org/"]',
    ]);
  });

  it('finds Yoast SEO from the schema graph it writes', () => {
    const html =
      '<script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org"}</script>';
    expect(names(html).sort()).toEqual(['WordPress', 'Yoast SEO']);
  });

  it('finds Drupal, Webflow and HubSpot CMS from their markup', () => {
    expect(
      names('<script type="application/json" data-drupal-selector="drupal-settings-json">{}</script>'),
    ).toEqual(['Drupal']);
    expect(names('<html data-wf-page="1" data-wf-site="2"><body></body></html>')).toEqual(['Webflow']);
    expect(names('<meta name="generator" content="HubSpot">')).toEqual(['HubSpot CMS']);
  });
});

describe('plugins that sign their output', () => {
  it('finds Yoast SEO from the comment older versions write', () => {
    const html =
      '<head><!-- This site is optimized with the Yoast SEO plugin v8.1 - https://yoast.com/wordpress/plugins/seo/ --></head>';
    expect(detect(html).find((d) => d.name === 'Yoast SEO')?.evidence[0]).toMatch(
      /^comment This site is optimized with the Yoast SEO plugin v8\.1/,
    );
  });

  it('does not take a comment that only names a tool for the tool', () => {
    expect(names('<!-- Google Tag Manager --><!-- Yoast would be nice here -->')).toEqual([]);
  });
});

describe('editions', () => {
  it('reports reCAPTCHA Enterprise instead of reCAPTCHA when the Enterprise script is there', () => {
    const html =
      '<script src="https://www.google.com/recaptcha/enterprise.js?render=x"></script><script src="https://www.gstatic.com/recaptcha/releases/x5W/recaptcha__en.js"></script>';
    expect(names(html)).toEqual(['reCAPTCHA Enterprise']);
    expect(names('<script src="https://www.google.com/recaptcha/api.js" async defer></script>')).toEqual([
      'reCAPTCHA',
    ]);
  });

  it('finds Segment served from a custom proxy host by its documented path', () => {
    expect(
      names(
        '<script src="https://d2dq2ahtl5zl1z.cloudfront.net/analytics.js/v1/KEY/analytics.min.js"></script>',
      ),
    ).toEqual(['Segment']);
  });
});

describe('recruiting and scheduling', () => {
  it('finds the ATS from the careers links a site makes', () => {
    expect(names('<a href="https://boards.greenhouse.io/acme">Open roles</a>')).toEqual(['Greenhouse']);
    expect(names('<a href="https://jobs.lever.co/acme/123">Apply</a>')).toEqual(['Lever']);
    expect(names('<a href="https://acme.jobs.personio.de/">Karriere</a>')).toEqual(['Personio']);
  });

  it('takes a customer’s hosted page for the tool, not a link to the vendor’s own site or careers page', () => {
    // A partner list and a "former employers" line link to vendors' own sites: no tool of the company's.
    const vendorPages = `<ul class="partners">
        <li><a href="https://www.bamboohr.com/careers/">BambooHR is hiring</a></li>
        <li><a href="https://jobs.sap.com/job/Walldorf-Developer/1234/">Our partner SAP</a></li>
        <li><a href="https://www.successfactors.com/">SuccessFactors</a></li>
        <li><a href="https://www.teamtailor.com/en/pricing/">Teamtailor</a></li>
        <li><a href="https://recruitee.com/">Recruitee</a></li>
        <li><a href="https://www.chilipiper.com/">Chili Piper</a></li>
        <li><a href="https://help.calendly.com/hc/en-us">Calendly help</a></li>
        <li><a href="https://www.acuityscheduling.com/">Acuity</a></li>
        <li><a href="https://tally.so/pricing">Tally</a></li>
      </ul>`;
    expect(names(vendorPages)).toEqual([]);
    const hostedPages = `<a href="https://acme.bamboohr.com/careers">Jobs</a>
      <a href="https://career5.successfactors.eu/career?company=acmeP">Karriere</a>
      <a href="https://acme.teamtailor.com/jobs">Open roles</a>
      <a href="https://acme.chilipiper.com/book/me/jane-doe">Book a demo</a>
      <a href="https://tally.so/r/w4Ab9x">Feedback</a>`;
    expect(names(hostedPages).sort()).toEqual([
      'BambooHR',
      'Chili Piper',
      'SAP SuccessFactors',
      'Tally',
      'Teamtailor',
    ]);
  });

  it('finds Calendly from an inline widget and Chili Piper from its script', () => {
    const html =
      '<div class="calendly-inline-widget" data-url="https://calendly.com/acme/30min"></div><script src="https://assets.calendly.com/assets/external/widget.js"></script>';
    expect(names(html)).toEqual(['Calendly']);
    expect(names('<script src="https://js.chilipiper.com/marketing.js"></script>')).toEqual(['Chili Piper']);
  });
});

describe('frameworks and hosting', () => {
  it('finds Next.js and the React it implies', () => {
    const html =
      '<div id="__next"></div><script id="__NEXT_DATA__" type="application/json">{}</script><script src="/_next/static/chunks/main-abc.js"></script>';
    const found = detect(html);
    expect(found.map((d) => d.name).sort()).toEqual(['Next.js', 'React']);
    expect(found.find((d) => d.name === 'React')?.evidence).toEqual(['implied by Next.js']);
  });

  it('finds Cloudflare from the /cdn-cgi/ script it injects', () => {
    const html =
      '<script data-cfasync="false" src="/cdn-cgi/scripts/5c5dd728/cloudflare-static/email-decode.min.js"></script>';
    expect(names(html)).toEqual(['Cloudflare']);
  });

  it('credits a vendor host over the CDN it sits on', () => {
    expect(names('<script src="https://d2wy8f7a9ursnm.cloudfront.net/v7/bugsnag.min.js"></script>')).toEqual([
      'Bugsnag',
    ]);
    // A file on a generic CDN or storage host says nothing about who runs it.
    expect(names('<script src="https://d1abc2def3.cloudfront.net/app.js"></script>')).toEqual([]);
  });

  it('does not take a cookie name other frameworks and hosts set for a vendor’s', () => {
    // A Drupal site on HTTPS behind an Angular front end, with Universal Analytics and AppDynamics.
    const cookies = [
      'SSESS3b1c9f=abc',
      'XSRF-TOKEN=k9',
      'visitor_id=42',
      'AMP_TOKEN=%24NOT_FOUND',
      'ADRUM_BTa=R:0',
    ];
    expect(names('<p>x</p>', { cookies })).toEqual(['AppDynamics']);
    expect(names('<p>x</p>', { cookies: ['laravel_session=x'] }).sort()).toEqual(['Laravel', 'PHP']);
    expect(names('<p>x</p>', { cookies: ['STYXKEY_site=1'] })).toEqual(['Pantheon']);
    expect(names('<p>x</p>', { cookies: ['AMP_MKTG_8f1ede8e9c=JTdC'] })).toEqual(['Amplitude']);
    expect(names('<p>x</p>', { cookies: ['pardot=1'] })).toEqual(['Pardot']);
  });

  it('does not take a folder name other CMSs use for Kentico or Silverstripe', () => {
    const webForms = `<link href="/App_Themes/Corporate/site.css" rel="stylesheet">
      <script src="/WebResource.axd?d=pynGkmcFUV&amp;t=6381"></script>`;
    expect(names(webForms)).toEqual(['ASP.NET']);
    const modernCampus = `<link rel="stylesheet" href="/_resources/css/oustyles.css">
      <script src="/_resources/js/direct-edit.js"></script>`;
    expect(names(modernCampus)).toEqual([]);
    expect(
      names('<img src="/getmedia/5f1c/team.jpg?width=640">', {
        resources: ['https://www.acme.example/getmedia/5f1c/team.jpg?width=640'],
      }),
    ).toEqual(['Kentico']);
    expect(names('<link rel="stylesheet" href="/_resources/themes/acme/css/layout.css?m=1700">')).toEqual([
      'Silverstripe',
    ]);
  });

  it('does not take a short or common global the site’s own code defines for a vendor’s', () => {
    const ownCode = `<script>
      function Square(side) { this.side = side; }
      var Paddle = { x: 0, width: 80 }, Beacon = { ping() {} }, Cal = { today: () => new Date() };
      var wp = { vars: {} }, DY = {}, hj = null, drift = 0, _support = {}, Bootstrapper = {};
      var CQ = {}, Granite = {};
      function ym(n) { return n * 12; }
    </script>`;
    expect(names(ownCode)).toEqual([]);
    // The vendors' own snippets still show them, by the address they load from.
    const snippets = `<script src="https://web.squarecdn.com/v1/square.js"></script>
      <script src="https://cdn.paddle.com/paddle/v2/paddle.js"></script>
      <script>!function(e,t,n){function a(){var e=t.getElementsByTagName("script")[0],n=t.createElement("script");
        n.async=!0,n.src="https://beacon-v2.helpscout.net",e.parentNode.insertBefore(n,e)}a()}(window,document,window.Beacon||function(){});</script>
      <script>(function (C, A, L) { C.Cal = C.Cal || function () {}; })(window, "https://app.cal.com/embed/embed.js", "init");</script>
      <script>(function(m,e,t,r,i,k,a){m[i]=m[i]||function(){};})(window, document, "script", "https://mc.yandex.ru/metrika/tag.js", "ym");</script>`;
    expect(names(snippets).sort()).toEqual([
      'Cal.com',
      'HelpScout Beacon',
      'Paddle',
      'Square',
      'Yandex Metrica',
    ]);
  });

  it('does not take Cloudflare’s free beacon or Turnstile widget for a site behind Cloudflare', () => {
    const html = `<script defer src="https://static.cloudflareinsights.com/beacon.min.js" data-cf-beacon='{"token": "4f1c"}'></script>
      <script src="https://challenges.cloudflare.com/turnstile/v0/api.js" async defer></script>`;
    expect(names(html).sort()).toEqual(['Cloudflare Turnstile', 'Cloudflare Web Analytics']);
    const proxied = `${html}<script src="/cdn-cgi/scripts/5c5dd728/cloudflare-static/email-decode.min.js"></script>`;
    expect(names(proxied).sort()).toEqual(['Cloudflare', 'Cloudflare Turnstile', 'Cloudflare Web Analytics']);
  });

  it('takes Zoho’s SalesIQ chat widget for SalesIQ, not for Zoho CRM, which is sold apart', () => {
    const chat = `<script>var $zoho=$zoho || {};$zoho.salesiq = $zoho.salesiq || {widgetcode:"siq4a1b", values:{}, ready:function(){}};</script>
      <script id="zsiqscript" src="https://salesiq.zohopublic.com/widget?wc=siq4a1b" defer></script>`;
    expect(names(chat)).toEqual(['Zoho SalesIQ']);
    const form =
      '<form action="https://crm.zoho.eu/crm/WebToLeadForm" method="POST"><input name="Last Name"></form>';
    expect(names(form)).toEqual(['Zoho CRM']);
  });

  it('takes a file from HubSpot’s file manager for HubSpot, not for its CMS, which the page may not run on', () => {
    const wordpress = `<link rel="stylesheet" href="https://acme.example/wp-content/themes/acme/style.css">
      <img src="https://20316041.fs1.hubspotusercontent-na1.net/hubfs/20316041/ebook-cover.png">
      <script src="https://20316041.fs1.hubspotusercontent-na1.net/hubfs/20316041/hub_generated/module_assets/cta.min.js"></script>`;
    expect(names(wordpress)).toContain('HubSpot');
    expect(names(wordpress)).not.toContain('HubSpot CMS');
    const cms = `<div class="hs_cos_wrapper hs_cos_wrapper_widget"><img src="https://www.acme.example/hs-fs/hubfs/logo.png"></div>`;
    expect(names(cms)).toContain('HubSpot CMS');
  });

  it('takes a platform’s folder for the site’s platform only on the site’s own addresses, not on another site’s file', () => {
    const page = 'https://www.northwind-logistics.com/partners';
    const namesAt = (html: string, resources: string[] = []) =>
      detect(html, { resources }, page)
        .map((d) => d.name)
        .sort();
    // A page showing a partner's logo from its WordPress, an image another site's Cloudflare resizes, an events
    // widget built with Next.js and another site's WordPress plugin in a frame.
    const others = `<img src="https://www.hartmann-freight.de/wp-content/uploads/2024/03/logo-hartmann.png" alt="Hartmann">
      <img src="https://www.oakline.io/cdn-cgi/image/width=240,format=auto/img/oakline-logo.png" alt="Oakline">
      <link rel="stylesheet" href="https://www.hartmann-freight.de/wp-content/plugins/hf-tracking/widget.css?ver=1.4">
      <script src="https://events.tradeshowhub.com/_next/static/chunks/embed-3f9a1c.js" async></script>
      <iframe src="https://www.hartmann-freight.de/wp-content/plugins/the-events-calendar/embed/?id=88&amp;ref=https://www.northwind-logistics.com/partners"></iframe>`;
    const resources = [
      'https://www.hartmann-freight.de/wp-content/uploads/2024/03/logo-hartmann.png',
      'https://www.oakline.io/cdn-cgi/image/width=240,format=auto/img/oakline-logo.png',
      // Jetpack's image proxy copying another site's WordPress upload.
      'https://i0.wp.com/www.hartmann-freight.de/wp-content/uploads/2024/03/truck.jpg?w=640',
    ];
    expect(namesAt(others, resources)).toEqual([]);
    // The site's own WordPress: on a subdomain of its own, on its CDN, or in a CDN's copy of its own address.
    for (const own of [
      'https://static.northwind-logistics.com/wp-content/themes/northwind/style.css?ver=2.1',
      'https://d3k8fx2mq1v0sa.cloudfront.net/wp-content/themes/northwind/style.css?ver=2.1',
      'https://i0.wp.com/www.northwind-logistics.com/wp-content/themes/northwind/style.css',
    ])
      expect(namesAt(`<link rel="stylesheet" href="${own}">`), own).toEqual(['WordPress']);
    // A library's file runs in the page wherever it loads from.
    const library = '<script src="https://cdn.jsdelivr.net/npm/swiper@11/swiper-bundle.min.js"></script>';
    expect(namesAt(library)).toEqual(['Swiper']);
  });

  it('takes a hosting service’s host for the site’s hosting only in the page’s own address or its own files', () => {
    // A shipping calculator deployed on Vercel, a rates widget on Netlify, a partner's logo from its GitHub Pages
    // and a chat widget on Azure: each is someone's deployment, not the company's site.
    const widgets = `<script src="https://shipcalc-embed.vercel.app/embed.js" defer></script>
      <iframe src="https://freight-rates-widget.netlify.app/?origin=DEHAM" title="Rates"></iframe>
      <img src="https://hartmann-freight.github.io/brand/logo.svg" alt="Hartmann">
      <script src="https://nw-support-bot.azurewebsites.net/static/widget.js"></script>`;
    const resources = ['https://hartmann-freight.github.io/brand/logo.svg'];
    const at = (html: string, url: string, options: Parameters<typeof collectFrom>[2] = {}) =>
      detect(html, options, url);
    expect(at(widgets, 'https://www.northwind-logistics.com/', { resources })).toEqual([]);
    // The company's own site on those hosts: its address, and the files it serves from there.
    const netlify = at(
      '<script src="/assets/app-4f1c.js"></script>',
      'https://northwind-logistics.netlify.app/',
    );
    expect(netlify.map((d) => d.name)).toEqual(['Netlify']);
    expect(netlify[0]?.evidence).toContain(
      'script https://northwind-logistics.netlify.app/assets/app-4f1c.js',
    );
    expect(at('<h1>Northwind</h1>', 'https://northwind-logistics.github.io/')).toEqual([
      {
        name: 'GitHub Pages',
        category: 'hosting',
        evidence: ['page https://northwind-logistics.github.io/'],
      },
    ]);
  });

  it('finds jQuery from the copy WordPress ships', () => {
    const html = '<script src="https://acme.example/wp-includes/js/jquery/jquery.min.js?ver=3.7.1"></script>';
    expect(names(html).sort()).toEqual(['WordPress', 'jQuery']);
  });
});

describe('from collected signals to the page', () => {
  it('warms the matcher up on made-up signals that reach every kind of lookup', () => {
    const evidence = warmUpDetection().flatMap((d) => d.evidence);
    const kinds = new Set(evidence.map((line) => line.slice(0, line.indexOf(' '))));
    // The path fragments' pattern is what costs most on a first run: an address that only it matches.
    expect(evidence.some((line) => line.startsWith('script https://warm-up.invalid/'))).toBe(true);
    for (const kind of [
      'script',
      'stylesheet',
      'iframe',
      'resource',
      'inline',
      'link',
      'meta',
      'cookie',
      'global',
      'dom',
      'comment',
    ])
      expect(kinds, kind).toContain(kind);
  });

  it('matches only signals of the page they are for, in the shape the collector answers', () => {
    const { globals, ...markup } = collectFrom(
      '<script src="https://js.hs-scripts.com/1.js"></script><script>window.Shopify = {};</script>',
      'https://www.acme.example/a#top',
    );
    const answer = { url: markup.url, globals, ms: 0.1 };
    const names = (found: ReturnType<typeof detectFromSignals>) => found?.detected.map((d) => d.name);
    expect(names(detectFromSignals(markup, answer, 'https://www.acme.example/a'))).toEqual([
      'HubSpot',
      'Shopify',
    ]);
    expect(detectFromSignals(markup, answer, 'https://www.acme.example/b')).toBeNull();
    // Globals that are not a valid answer for the page count as none: the markup still shows what it shows.
    expect(names(detectFromSignals(markup, { ...answer, globals: 'Shopify' }, markup.url))).toEqual([
      'HubSpot',
    ]);
    expect(
      names(detectFromSignals(markup, { ...answer, url: 'https://other.example/' }, markup.url)),
    ).toEqual(['HubSpot']);
    expect(names(detectFromSignals(markup, null, markup.url))).toEqual(['HubSpot']);
  });

  it('reads technologies on company sites only, never on platforms or pages that are no company’s own', () => {
    expect(technologiesApply('https://www.acme.example/', 'profile')).toBe(true);
    expect(technologiesApply('https://www.acme.example/blog/x', 'company-site')).toBe(true);
    expect(technologiesApply('https://www.linkedin.com/company/acme', 'profile')).toBe(false);
    expect(technologiesApply('https://en.wikipedia.org/wiki/Acme', 'profile')).toBe(false);
    expect(technologiesApply('https://www.crunchbase.com/organization/acme', 'profile')).toBe(false);
    expect(technologiesApply('https://www.g2.com/products/acme', 'profile')).toBe(false);
    expect(technologiesApply('https://techcrunch.com/2024/01/01/acme', 'negative')).toBe(false);
    expect(technologiesApply('https://news.acme-daily.example/story', 'negative')).toBe(false);
  });

  it('turns detections into a technologies fact with its evidence', () => {
    const candidate = technologiesCandidate(detect('<script src="https://js.hs-scripts.com/1.js"></script>'));
    expect(candidate).toMatchObject({
      field: 'technologies',
      value: ['HubSpot'],
      source: 'techno',
      snippet: 'HubSpot: script https://js.hs-scripts.com/1.js',
    });
    expect(technologiesCandidate([])).toBeNull();
  });
});

describe('the batch extraction output', () => {
  const extract = {
    url: 'https://www.acme.example/',
    title: 'Acme',
    pageRole: 'profile' as const,
    pageRoleReason: 'home page',
    candidates: [],
    ms: 1,
  };

  it('fills technologies with the detected names, and [] when none were detected', () => {
    const candidate = technologiesCandidate(detect('<script src="https://js.hs-scripts.com/1.js"></script>'));
    if (!candidate) throw new Error('no candidate');
    expect(toOutputFacts({ ...extract, candidates: [candidate] }).technologies).toEqual(['HubSpot']);
    expect(toOutputFacts(extract).technologies).toEqual([]);
  });

  it('gives each detected technology with the signals it was detected by', () => {
    const detected = detect('<script src="https://js.hs-scripts.com/1.js"></script>');
    expect(toOutputFacts({ ...extract, technologies: { detected, ms: 1 } }).technologyEvidence).toEqual({
      HubSpot: ['script https://js.hs-scripts.com/1.js'],
    });
    expect(toOutputFacts(null).technologyEvidence).toEqual({});
  });
});

describe('docs/TECHNOLOGIES.md', () => {
  it('lists every fingerprint as the generator writes it (run `npm run -s techno-doc` after a change)', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/TECHNOLOGIES.md'), 'utf8');
    expect(updateTechnologiesDoc(doc, FINGERPRINTS)).toBe(doc);
    for (const f of FINGERPRINTS) {
      const cell = `| ${f.name.replace(/\|/g, '\\|')}`;
      expect(doc.includes(`${cell} |`) || doc.includes(`${cell} (also: `), f.name).toBe(true);
    }
  });
});
