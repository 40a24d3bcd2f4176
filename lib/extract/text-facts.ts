/**
 * Company facts a company's own website states in its visible text, in English and German: founding year,
 * employee count, headquarters, legal name and (from the legal form) whether it is a charity.
 *
 * Only ever run on the company's own site: on a news page or a platform the same sentences describe other
 * companies. Even on the own site most numbers are not facts about the company ("1,200 customers", "our
 * client, founded in 1950"), so every reading needs a subject that is the company itself (we, our company,
 * its brand) or a place that speaks for it (a footer, an imprint), and anything about customers, partners,
 * products or other companies is dropped. A missing fact costs the rep a look; a wrong one misleads them.
 */
import type { FactCandidate, Range } from './schema';
import { parseCount, parseYear } from './text';
import { findLegalNames, hasLegalForm, isNonprofitName, type LegalName, stripLegalForm } from './text-legal';
import {
  type AddressHit,
  cityCountryLine,
  findAddresses,
  lineAt,
  type Place,
  readPlace,
} from './text-places';
import {
  limitedMatches,
  type OwnSiteText,
  ownSiteTextOf,
  readOwnSiteText,
  type TextLine,
  visibleTextOf,
} from './text-visible';

/** The kind of own-site page: a page about the company (about, imprint, contact, home) or any other page. */
export type OwnSitePageKind = 'profile' | 'company-site';

/** Everything the readers need to know about the page. */
interface Page {
  text: string;
  lines: TextLine[];
  kind: OwnSitePageKind;
  tld: string;
  lang: string;
  /** True for an imprint or legal-notice page, where the first legal name is the site's owner. */
  imprint: boolean;
  /** True when the text mentions the site's brand (from the domain or og:site_name). */
  mentionsBrand: (text: string) => boolean;
  /** True when a name is the site's brand, give or take words ("Caktus" for caktusgroup.com). */
  isBrandName: (name: string) => boolean;
  /** Whether a text offset falls in a section about another party (see {@link otherPartySections}). */
  inOtherSection: (offset: number) => boolean;
  now: Date;
}

/** A reading with where it came from, before it becomes a candidate. */
interface Reading<T> {
  value: T;
  snippet: string;
  confidence: number;
}

const SNIPPET_CHARS = 200;

// ---------------------------------------------------------------------------------------------------------
// Page context

/** Lower-case letters and digits only, with German umlauts spelled out as domains spell them. */
function squash(text: string, umlauts: 'expand' | 'strip'): string {
  let t = text.toLowerCase();
  t =
    umlauts === 'expand'
      ? t.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
      : t.replace(/ß/g, 'ss');
  return t
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]/g, '');
}

/** The brand part of a host name: "www.von-der-see.de" → "von-der-see", "shop.acme.co.uk" → "acme". */
function hostBrand(hostname: string): string {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  labels.pop();
  const last = labels[labels.length - 1];
  if (labels.length > 1 && last && /^(?:co|com|org|net|ac|gov|edu|ltd|plc|or|ne|gv|go|gob)$/.test(last))
    labels.pop();
  return labels[labels.length - 1] ?? '';
}

/** Builds the brand tests from the domain and the site name. */
function brandTests(siteNameMeta: string, url: URL): Pick<Page, 'mentionsBrand' | 'isBrandName'> {
  const brands = new Set<string>();
  const label = hostBrand(url.hostname);
  const host = squash(label, 'strip');
  if (host.length >= 3) brands.add(host);
  // "sass-ag.de": the brand is "sass"; the domain carries the legal form.
  const bare = squash(label.replace(/-(?:ag|gmbh|se|kg|inc|llc|ltd|co|group|gruppe)$/, ''), 'strip');
  if (bare.length >= 3) brands.add(bare);
  const siteName = siteNameMeta.split(/\s[|–—:-]\s/)[0] ?? '';
  const site = squash(siteName, 'expand');
  if (site.length >= 3 && site.length <= 30) brands.add(site);
  // Letters may be split by spaces, dots or hyphens in the text ("VON DER SEE" for von-der-see.de); the
  // brand ends a word (a possessive or plural "s" aside), so "segment" is not found in "segmentation".
  const patterns = [...brands].map(
    (b) => new RegExp(`(?<![\\p{L}\\d])${[...b].join("[\\s.'’&-]?")}s?(?![\\p{L}\\d])`, 'iu'),
  );
  const variants = (text: string) => {
    const stripped = text.normalize('NFKD').replace(/\p{M}/gu, '');
    const expanded = text.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae');
    return [stripped, expanded];
  };
  return {
    mentionsBrand: (text) => patterns.some((re) => variants(text).some((v) => re.test(v))),
    isBrandName: (name) => {
      for (const mode of ['expand', 'strip'] as const) {
        const n = squash(name, mode);
        if (n.length < 3) continue;
        for (const b of brands) {
          if (n.includes(b)) return true;
          // A shorter name that starts the brand and covers most of it ("Caktus" for "caktusgroup").
          if (n.length >= 4 && b.startsWith(n) && n.length * 2 >= b.length) return true;
        }
      }
      return false;
    },
  };
}

/** Imprint pages; not "legal" or "privacy", which name many other companies (processors, hosts). */
const IMPRINT_PATH = /(?:impressum|imprint|legal-notice|site-notice|offenlegung|anbieterkennzeichnung)/i;

/**
 * Headings and labels of what an imprint says about other parties (read on imprints only): the professional-liability insurer, the
 * supervisory authority or chamber, the data-protection officer, dispute resolution, the web designer, the
 * hosting provider, photo credits. Their names and addresses ("R+V Allgemeine Versicherung AG, 65189 Wiesbaden",
 * "Webdesign: Pixelwerk GmbH, Köln") are not the company's.
 */
const OTHER_SECTION =
  /(?<![\p{L}])(?:Berufshaftpflicht\w*|(?:Betriebs|Vermögensschaden)?haftpflicht\w*|Versicherer|Versicherungsgesellschaft|Name und Sitz des Versicherers|(?:zuständige\s+)?Aufsichtsbehörde|(?:zuständige\s+)?Kammer|Berufskammer|Datenschutzbeauftragte[rn]?|Streitschlichtung|Verbraucherstreitbeilegung|Webdesign|Web-Design|Gestaltung(?:\s+und\s+Umsetzung)?|Konzept(?:ion)?\s+und\s+(?:Design|Umsetzung|Gestaltung)|Umsetzung|Realisation|Realisierung|Programmierung|Hosting|Webhosting|Hoster|Bildnachweis\w*|Bildquellen|Fotos|Fotografie|Professional (?:liability|indemnity) insurance|Liability insurance|Insurer|Supervisory authority|Regulator|Data protection officer|Dispute resolution|Web ?design(?:ed)? by|Website by|Design(?:ed)? by|Developed by|Hosted by|Hosting provider|Photo credits|Image credits|Photography)(?![\p{L}])/iu;

/**
 * The spans of text about another party: a short heading line with an {@link OTHER_SECTION} word and the few
 * lines under it, or such a label and the rest of its line ("Versicherer: …") with the line after it.
 */
function otherPartySections(lines: readonly TextLine[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const endOf = (i: number) => {
    const line = lines[Math.min(i, lines.length - 1)] as TextLine;
    return line.start + line.text.length;
  };
  for (let i = 0; i < lines.length && spans.length < 40; i++) {
    const line = lines[i] as TextLine;
    const m = OTHER_SECTION.exec(line.text);
    if (!m) continue;
    const rest = line.text.slice(m.index + m[0].length);
    // A heading: a short line that starts with the word and gives no value after a colon ("Berufshaftpflicht-
    // versicherung gemäß § 2 DL-InfoV", "Webdesign by Pixelwerk"): it and the lines under it.
    if (line.text.length <= 80 && m.index <= 30 && !/:\s*\S/.test(rest))
      spans.push([line.start + m.index, endOf(i + 4)]);
    // A label ("Versicherer: …", "Zuständige Kammer: …"): the rest of its line and the next.
    else if (/^\s*:/.test(rest) && m.index < 40) spans.push([line.start + m.index, endOf(i + 1)]);
  }
  return spans;
}

function pageOf(source: OwnSiteText, url: URL, kind: OwnSitePageKind): Page {
  const { text, lines } = visibleTextOf(source.lines);
  const imprint =
    IMPRINT_PATH.test(url.pathname) || /\b(?:Impressum|Imprint|Legal Notice)\b/i.test(source.title);
  // Only on an imprint (its page, or a footer with the legal notice): elsewhere "Webdesign" or "Hosting" heads
  // an agency's or a host's own services.
  const others = imprint || text.search(IMPRINT_MARKER) >= 0 ? otherPartySections(lines) : [];
  return {
    text,
    lines,
    kind,
    tld: url.hostname.toLowerCase().split('.').pop() ?? '',
    lang: source.lang,
    imprint,
    ...brandTests(source.siteName, url),
    inOtherSection: (offset) => others.some(([from, to]) => offset >= from && offset < to),
    now: new Date(),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Sentences and snippets

/** Abbreviations whose dot does not end a sentence. */
const ABBREVIATION =
  /(?:^|\s)(?:[A-Za-z]|\d{1,2}|Inc|Ltd|Corp|Co|St|Dr|Prof|Nr|No|Str|ca|bzw|vgl|ggf|inkl|evtl|z\.B|u\.a|e\.V|e\.K|Mio|Mrd|Tel|Fax|approx|est|Est|EST|vs|etc|ff|S\.p\.A|S\.A|B\.V|N\.V|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Okt|Nov|Dec|Dez|Mr|Mrs|Ms|Hr|Fr)\.$/;

/** The sentence around `start..end`: the text before and after it within its sentence and line. */
interface Sentence {
  pre: string;
  post: string;
  line: TextLine;
  lineIndex: number;
  /** Offsets of the sentence within its line. */
  from: number;
  to: number;
}

function sentenceAt(page: Page, start: number, end: number): Sentence {
  const lineIndex = lineAt(page.lines, start);
  const line = page.lines[lineIndex] as TextLine;
  const text = line.text;
  const rel = start - line.start;
  const relEnd = Math.min(text.length, end - line.start);
  // Only the last 160 characters before the match and the next 120 after it matter; scanning no further
  // keeps this cheap on pages with very long lines.
  const windowStart = Math.max(0, rel - 160);
  let from = windowStart;
  // One character past the match start, so the look-ahead can see the capital that opens the sentence.
  for (const m of text.slice(windowStart, rel + 1).matchAll(/[.!?]["”’)]?\s+(?=["„“(]?[\p{Lu}\d])/gu)) {
    const cut = windowStart + (m.index ?? 0) + 1;
    if (!ABBREVIATION.test(text.slice(Math.max(0, cut - 12), cut)))
      from = windowStart + (m.index ?? 0) + m[0].length;
  }
  let to = Math.min(text.length, relEnd + 120);
  for (const m of text.slice(relEnd, to).matchAll(/[.!?]["”’)]?(?:\s+(?=["„“(]?[\p{Lu}\d])|$)/gu)) {
    const cut = relEnd + (m.index ?? 0) + 1;
    if (!ABBREVIATION.test(text.slice(Math.max(0, cut - 12), cut))) {
      to = cut;
      break;
    }
  }
  return { pre: text.slice(from, rel), post: text.slice(relEnd, to), line, lineIndex, from, to };
}

/**
 * The sentence (or the phrase around the match in a long one) as evidence, at most 200 characters. A match
 * that runs onto the next line (a "Founded" label above its "2014") brings that line's start along.
 */
function snippetOf(s: Sentence, start: number, page?: Page, end = start): string {
  let text = s.line.text.slice(s.from, s.to).trim();
  const lineEnd = s.line.start + s.line.text.length;
  if (page && end > lineEnd)
    text = `${text} ${page.text.slice(lineEnd + 1, end).replace(/\s+/g, ' ')}`.trim();
  if (text.length > SNIPPET_CHARS) {
    const rel = start - s.line.start - s.from;
    const from = Math.max(0, Math.min(rel - 80, text.length - SNIPPET_CHARS));
    text = text.slice(from, from + SNIPPET_CHARS).trim();
  }
  return text;
}

// ---------------------------------------------------------------------------------------------------------
// Who a sentence is about

/**
 * The company speaking of itself: "we", "our", "wir", "unser" ... "us" only in lower case: in capitals it is
 * the United States ("a US company").
 */
const SELF =
  /(?<![\p{L}])(?:we|we're|we’re|we've|we’ve|our|ours|wir|unser|unsere|unserem|unseren|unserer|unseres|uns)(?![\p{L}])/iu;
const SELF_US = /(?<![\p{L}])us(?![\p{L}])/u;

/**
 * The reader: "you", "your", "Ihr", and German "sie"/"ihre" (they, their). A count or date next to them is
 * the reader's or someone else's ("invite 5 team members to your project").
 */
const OTHERS =
  /(?<![\p{L}])(?:you|your|yours|you're|you’re|Sie|Ihr|Ihre|Ihrem|Ihren|Ihrer|Ihres|sie|ihr|ihre|ihrem|ihren|ihrer|ihres|they|their|theirs|he|his|she|her|er|sein|seine|seinem|seinen|seiner)(?![\p{L}])/u;

/** Other parties, whose numbers and dates are not the company's. */
const OTHER_PARTY =
  /(?<![\p{L}])(?:clients?|customers?|Kund(?:e|en|in|innen)|Mandant(?:en|in|innen)?|partners?|Partner(?:in|innen|n|unternehmen|firmen?)?|users?|Nutzer(?:innen|n)?|Anwender(?:innen|n)?|suppliers?|Lieferant(?:en)?|vendors?|subsidiar(?:y|ies)|Tochter\w*|affiliates?|portfolio|investors?|Investor(?:en)?|sponsors?|Sponsor(?:en)?|Auftraggeber\w*|competitors?|Wettbewerber\w*|Mitbewerber\w*|members?|Mitglied(?:er|ern)?|acquired|acquisition|übernommen|Übernahme|student(?:s|en)?|Studierende\w*|patients?|Patient(?:en|innen)?|donors?|Spender\w*|alumni|graduates?|participants?|Teilnehmer\w*)(?![\p{L}])/iu;

/** Things other than the company that get founded: offices, products, events, places, projects ... */
const OTHER_FOUNDED =
  /(?<![\p{L}])(?:office|offices|branch|division|department|subsidiary|lab|laboratory|product|brand|blend|label|project|initiative|event|conference|festival|award|city|town|village|university|school|church|museum|club|band|magazine|journal|newspaper|podcast|show|series|fund|foundation|chapter|Büro|Niederlassung|Standort|Filiale|Abteilung|Sparte|Produkt|Marke|Mischung|Projekt|Initiative|Veranstaltung|Konferenz|Festival|Preis|Stadt|Dorf|Gemeinde|Universität|Hochschule|Schule|Kirche|Museum|Band|Magazin|Zeitschrift|Zeitung|Sendung|Stiftung|Labor|Fonds|Netzwerk|network)(?![\p{L}])/iu;

/** Reported speech: a news-style quote is somebody else's statement, not the page's. */
const REPORTED =
  /^[^"“”„«»\n\r\u2028\u2029]*["“”„«»].*\b(?:said|says|told|sagte|sagt|erklärte|according to|laut)\b/im;

/**
 * "The company", "das Unternehmen": the company itself on its own about page, but on any other page (a blog
 * post, a customer story) just as likely the company the text is about.
 */
const THE_COMPANY =
  /(?<![\p{L}])(?:the|this|das|dieses|die|diese)\s+(?:company|firm|business|agency|Unternehmen|Firma|Agentur|Kanzlei|Gesellschaft)(?![\p{L}])/iu;

/** True when the text names the company as subject: "we", "our company", its brand, or on a profile page "the company". */
function namesSelf(page: Page, text: string): boolean {
  return (
    SELF.test(text) ||
    SELF_US.test(text) ||
    page.mentionsBrand(text) ||
    (page.kind === 'profile' && THE_COMPANY.test(text))
  );
}

/** Text that carries no subject of its own: nothing, or a label or heading before the fact. */
function bare(pre: string): boolean {
  return /^[\s\p{P}\p{S}]*$/u.test(pre) || /^[\p{L}\s&]{0,30}:\s*$/u.test(pre);
}

/**
 * After a fact that opens its sentence ("Founded in 2010, Stripe ..."), the sentence's subject must be the
 * company; a different proper name means the sentence is about someone else.
 */
function subjectAfterOk(page: Page, post: string): boolean {
  const m = /^\s*,\s*((?:[\p{Lu}][\p{L}\d&.'’-]*\s*){1,4})/u.exec(post);
  if (!m) return true;
  const subject = m[1] as string;
  return namesSelf(page, subject) || /^(?:In|Im|As|Als|Today|Heute|Since|Seit)\b/.test(subject);
}

/**
 * Whether the text before a fact makes the company its subject: it names the company ("Acme was founded",
 * "we are based in"), or is empty (a heading such as "Founded in 2014"), or is an apposition to the company
 * ("Acme, founded in 2014"). Other parties anywhere before the fact in the sentence rule it out.
 */
function subjectBeforeOk(page: Page, pre: string, post: string, allowBare: boolean): boolean {
  if (OTHER_PARTY.test(pre) || OTHERS.test(pre)) return false;
  if (bare(pre)) return allowBare && subjectAfterOk(page, post);
  if (/,\s*$/.test(pre)) {
    const head = pre.replace(/,\s*$/, '');
    const chunk =
      head.split(/[,;:]|\s(?:with|mit|and|und|like|wie|including|inklusive|von|by)\s/i).pop() ?? '';
    return namesSelf(page, chunk);
  }
  return namesSelf(page, pre.slice(-90));
}

// ---------------------------------------------------------------------------------------------------------
// Founding year

/**
 * Letters for word edges in whole-page patterns: ASCII plus Latin-1 and Latin Extended-A, enough for English
 * and German. Spelled out rather than as a Unicode property: a property class in a leading lookbehind is
 * tested at every position and made each scan of a page ten times slower. Whole-page patterns start with a
 * word boundary (an ASCII edge, fine before an ASCII keyword) and use no `u` flag, which also slows
 * case-insensitive matching.
 */
const LETTER = 'A-Za-zÀ-ÖØ-öø-ÿĀ-ž';
const END = `(?![${LETTER}])`;

const YEAR = '(1[5-9]\\d\\d|20\\d\\d)';
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Januar|Jänner|Februar|März|Mai|Juni|Juli|Oktober|Dezember|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Okt|Nov|Dec|Dez)\\.?';

/** "founded in 2014", "established: 2003", "gegründet im Jahr 2014", "Gründungsjahr: 2001", "founded on 3 May 2014". */
const FOUNDED = new RegExp(
  `\\b(?:founded|established|incorporated|gegründet|gegr\\.|gründungsjahr|gründungsdatum|gründung|year founded|founding year|date founded|founding date)\\s*(?::\\s*)?(?:(?:in|im|on|am|back in)\\s+)?(?:(?:the\\s+)?(?:year|jahr|jahre)\\s+)?(?:(?:\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+)?(?:of\\s+)?${MONTH},?\\s+(?:\\d{1,2},?\\s+)?)?${YEAR}(?!\\d)`,
  'gi',
);
/** "founded by Jane Doe and John Roe in 2014". */
const FOUNDED_BY = new RegExp(`\\bfounded\\s+by\\s[^.!?\\n]{1,80}?\\sin\\s+${YEAR}(?!\\d)`, 'gi');
/** German with the verb last: "wurde 1995 gegründet", "1994 gründeten wir". */
const YEAR_FOUNDED = new RegExp(`\\b${YEAR}\\s+(gegründet|gründete|gründeten|ins Leben gerufen)${END}`, 'g');
/** "1994 haben wir die Firma gegründet", "1994 wurde die Acme GmbH gegründet". */
const YEAR_AUX_FOUNDED = new RegExp(
  `\\b${YEAR}\\s+(?:haben|hat|wurde|wurden)\\s([^.!?\\n]{1,60}?)\\s?gegründet${END}`,
  'g',
);
/** "wurde 2014 in Ulm gegründet": the year first, then a few words before the verb. */
const WURDE_YEAR_FOUNDED = new RegExp(
  `\\b(?:wurde|wurden)\\s+(?:im\\s+Jahre?\\s+)?${YEAR}\\s([^.!?\\n]{1,40}?)\\s?gegründet${END}`,
  'g',
);
/** "die 1994 gegründete Acme GmbH" (the article before the year is checked separately). */
const FOUNDED_ADJECTIVE = new RegExp(`\\b${YEAR}\\s+gegründeten?\\s+`, 'g');
const ARTICLE_BEFORE = /(?:^|\s)(?:die|der|das)\s+(?:im\s+Jahre?\s+)?$/i;
/** "In 2014, we founded Acme", "we started the company in 2014". */
const WE_FOUNDED = new RegExp(
  `\\b[Ii]n\\s+${YEAR},?\\s+(?:we|I)\\s+(?:founded|established|started)\\s([^.!?\\n,]{1,50})|\\b(?:[Ww]e|I)\\s+(?:founded|established|started)\\s([^.!?\\n]{1,50}?)\\sin\\s+${YEAR}(?!\\d)`,
  'g',
);
/** "Est. 1987" on a logo or in a footer. */
const ESTABLISHED_ABBREVIATION = new RegExp(
  `\\b(?:Est\\.?|EST\\.?|est\\.)\\s*(?:in\\s+)?${YEAR}(?!\\d)`,
  'g',
);
/** "since 1996", "seit 1996". */
const SINCE = new RegExp(`\\b(?:since|seit)\\s+${YEAR}(?!\\d)`, 'gi');

/** What a founding object must be: the company itself. */
const COMPANY_OBJECT =
  /^(?:the|our|this|my|a|an|die|das|unsere?|eine?)?\s*(?:company|business|firm|agency|studio|Unternehmen|Firma|Agentur|Kanzlei|Gesellschaft|Betrieb)(?![\p{L}])/iu;

/** "since" phrases that speak of the company's existence, before the year. */
const SINCE_BEFORE =
  /(?:in business|operating|around|existing|trading|active|in operation|family[- ](?:owned|run)|bestehen|besteht|gibt es uns|gibt's uns|existieren|existiert|am Markt|tätig|aktiv|erfolgreich|Familienunternehmen|Familienbetrieb|Tradition|im Geschäft)\s*$/i;
/** … and after the year. */
const SINCE_AFTER =
  /^\s*(?:am Markt|erfolgreich|tätig|aktiv|im Geschäft|in business|für Sie da|für Sie im Einsatz|für unsere Kunden da|bestehen wir|gibt es uns|existieren wir|sind wir Ihre?\b)/i;
/** Short "since" lines that are about a person or a relation, not the company ("Kunden seit 1998"). */
const SINCE_LINE_TRAP =
  /(?<![\p{L}])(?:team|staff|employee|Mitarbeiter\w*|bei uns|with us|dabei|joined|beigetreten|Geschäftsführ\w*|CEO|CTO|COO|CFO|founder|Gründer\w*|Inhaber\w*|owner|Vorstand|director|manager|head|Leiter\w*|Leitung|married|verheiratet|certified|zertifiziert|ISO|Mitgliedschaft|Verband|member|Mitglied\w*|Partner\w*|Kund\w*|client|customer|Preis|award|since\s+\d{4}\s*[-–]|seit\s+\d{4}\s*[-–])(?![\p{L}])/iu;

/** Words in a short text; any text longer than a few lines counts as long without being split. */
function wordCount(text: string): number {
  if (text.length > 300) return Number.POSITIVE_INFINITY;
  return text.split(/\s+/).filter(Boolean).length;
}

interface YearReading extends Reading<number> {
  kind: 'founded' | 'since';
}

function readFoundedYears(page: Page): YearReading[] {
  const out: YearReading[] = [];
  const { text } = page;
  const base = page.kind === 'profile' ? 0.65 : 0.6;
  const add = (
    yearText: string,
    start: number,
    end: number,
    kind: YearReading['kind'],
    confidence: number,
  ) => {
    const year = parseYear(yearText, page.now);
    if (Number.isNaN(year) || out.length >= 40) return;
    const s = sentenceAt(page, start, end);
    out.push({ value: year, snippet: snippetOf(s, start, page, end), confidence, kind });
  };
  const usable = (s: Sentence) => !REPORTED.test(s.line.text.slice(s.from, s.to));
  // A heading such as "Founded in 2014" speaks for the company on its own pages, but in a blog post's body
  // it may head a story about anybody.
  const bareOk = (s: Sentence) => page.kind === 'profile' || s.line.region;

  for (const re of [FOUNDED, FOUNDED_BY]) {
    for (const m of limitedMatches(page.text, re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const s = sentenceAt(page, start, end);
      if (!usable(s) || OTHER_FOUNDED.test(s.pre.slice(-60))) continue;
      if (subjectBeforeOk(page, s.pre, s.post, bareOk(s))) add(m[1] as string, start, end, 'founded', base);
    }
  }
  for (const m of limitedMatches(page.text, YEAR_FOUNDED)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const s = sentenceAt(page, start, end);
    if (!usable(s) || OTHER_PARTY.test(s.pre) || OTHER_FOUNDED.test(s.pre.slice(-60))) continue;
    // "gründete(n)" names its subject or object after the verb ("1994 gründeten wir ...").
    const ok =
      m[2] === 'gegründet' || m[2] === 'ins Leben gerufen'
        ? subjectBeforeOk(page, s.pre, s.post, bareOk(s))
        : namesSelf(page, s.post.slice(0, 60)) && !OTHER_FOUNDED.test(s.post.slice(0, 60));
    if (ok) add(m[1] as string, start, end, 'founded', base);
  }
  for (const m of limitedMatches(page.text, YEAR_AUX_FOUNDED)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const s = sentenceAt(page, start, end);
    const middle = m[2] as string;
    if (!usable(s) || OTHER_PARTY.test(s.pre) || OTHER_PARTY.test(middle) || OTHER_FOUNDED.test(middle))
      continue;
    if (namesSelf(page, middle)) add(m[1] as string, start, end, 'founded', base);
  }
  for (const m of limitedMatches(page.text, WURDE_YEAR_FOUNDED)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const s = sentenceAt(page, start, end);
    const middle = m[2] as string;
    if (
      !usable(s) ||
      OTHER_PARTY.test(middle) ||
      OTHER_FOUNDED.test(middle) ||
      OTHER_FOUNDED.test(s.pre.slice(-60))
    )
      continue;
    if (subjectBeforeOk(page, s.pre, s.post, false)) add(m[1] as string, start, end, 'founded', base);
  }
  for (const m of limitedMatches(page.text, FOUNDED_ADJECTIVE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const s = sentenceAt(page, start, end);
    const head = text.slice(end, end + 50);
    if (!ARTICLE_BEFORE.test(s.pre)) continue;
    if (!usable(s) || OTHER_PARTY.test(s.pre) || OTHER_PARTY.test(head) || OTHER_FOUNDED.test(head)) continue;
    if (page.mentionsBrand(head) || COMPANY_OBJECT.test(head))
      add(m[1] as string, start, end, 'founded', base);
  }
  for (const m of limitedMatches(page.text, WE_FOUNDED)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const object = (m[2] ?? m[3] ?? '').trim();
    const year = m[1] ?? m[4] ?? '';
    const s = sentenceAt(page, start, end);
    if (!usable(s) || OTHER_PARTY.test(object) || OTHER_FOUNDED.test(object)) continue;
    if (COMPANY_OBJECT.test(object) || page.mentionsBrand(object)) add(year, start, end, 'founded', base);
  }
  for (const m of limitedMatches(page.text, ESTABLISHED_ABBREVIATION)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const s = sentenceAt(page, start, end);
    const sentence = s.line.text.slice(s.from, s.to);
    if (OTHER_PARTY.test(sentence) || OTHER_FOUNDED.test(sentence)) continue;
    const standalone = wordCount(s.line.text) <= 8 || bare(s.pre);
    if (standalone && (bareOk(s) || namesSelf(page, sentence)))
      add(m[1] as string, start, end, 'founded', base - 0.05);
  }

  const shortSince: YearReading[] = [];
  for (const m of limitedMatches(page.text, SINCE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const s = sentenceAt(page, start, end);
    if (!usable(s) || OTHER_PARTY.test(s.pre)) continue;
    const phrase = SINCE_BEFORE.test(s.pre) || SINCE_AFTER.test(s.post);
    if (
      phrase &&
      (namesSelf(page, `${s.pre} ${s.post.slice(0, 40)}`) ||
        (bareOk(s) && bare(s.pre.replace(SINCE_BEFORE, ''))))
    ) {
      add(m[1] as string, start, end, 'since', 0.5);
      continue;
    }
    // A short tagline ("Since 1996", "am Werkeln seit 1994") in a part of the page about the company.
    const line = s.line.text;
    if ((page.kind === 'profile' || s.line.region) && wordCount(line) <= 6 && !SINCE_LINE_TRAP.test(line)) {
      const year = parseYear(m[1], page.now);
      if (!Number.isNaN(year))
        shortSince.push({ value: year, snippet: snippetOf(s, start), confidence: 0.45, kind: 'since' });
    }
  }
  // Many short "since" lines are a team or customer list ("Mitglied seit 2005", "bei uns seit 2012").
  if (new Set(shortSince.map((r) => r.value)).size <= 2) out.push(...shortSince);
  return out;
}

/** Picks the founding year: a "founded" statement over a "since" one; among "since", the earliest. */
function chooseFoundedYear(readings: YearReading[]): Reading<number> | undefined {
  const founded = readings.filter((r) => r.kind === 'founded');
  if (founded.length > 0) {
    const counts = new Map<number, number>();
    for (const r of founded) counts.set(r.value, (counts.get(r.value) ?? 0) + 1);
    const best = [...founded].sort(
      (a, b) => (counts.get(b.value) ?? 0) - (counts.get(a.value) ?? 0) || a.value - b.value,
    )[0] as YearReading;
    // Three or more founding years are a list (portfolio, clients, timeline of others): none is the company's.
    if (counts.size > 2) return undefined;
    // Two founding years on one page (a predecessor, a relaunch) make either less certain.
    const confidence = counts.size > 1 ? best.confidence - 0.15 : best.confidence;
    return { value: best.value, snippet: best.snippet, confidence };
  }
  const since = [...readings].sort((a, b) => a.value - b.value || b.confidence - a.confidence)[0];
  return since ? { value: since.value, snippet: since.snippet, confidence: since.confidence } : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Employees

const NUM = '(\\d{1,3}(?:[.,\\u00a0\\u202f ]\\d{3}){1,3}|\\d{1,6})';
const QUANT =
  '(over|more than|above|nearly|almost|about|around|approximately|approx\\.|some|roughly|close to|circa|ca\\.|rund|etwa|über|mehr als|knapp|fast|gut|annähernd|ungefähr|upwards of|in excess of|at least|mindestens)';
/** Words that name staff on their own. */
const STAFF =
  '(?:full[- ]time\\s+)?(?:employees|staff members|staff|team members|members of staff|FTEs?|Mitarbeiterinnen und Mitarbeiter(?:n)?|Mitarbeiter(?:innen|n)?|Mitarbeiter\\*innen|Mitarbeiter:innen|Mitarbeiter_innen|MitarbeiterInnen|Mitarbeitende(?:n)?|Beschäftigte(?:n)?|Angestellte(?:n)?|Kolleginnen und Kollegen|Kolleg\\*innen)';
/** Words that name staff only after "team of", "we are" ... */
const PEOPLE =
  '(?:people|persons|professionals|experts|specialists|engineers|developers|consultants|colleagues|designers|Experten|Expertinnen|Expert\\*innen|Spezialisten|Ingenieure|Ingenieurinnen|Entwickler(?:innen)?|Berater(?:innen)?|Köpfe|Menschen|Fachkräfte|Kollegen|Talente|Leute|Personen)';
const ADJECTIVES = '(?:[a-zß-ÿ][a-zß-ÿ-]*\\s+){0,2}?';
const RANGE_TAIL = `(\\s*\\+)?(?:\\s*(?:-|–|—|to|bis)\\s*${NUM})?`;

/** "über 140 Mitarbeiter", "180+ employees", "50-100 employees", "150 engagierte Mitarbeiterinnen und Mitarbeiter". */
const STAFF_WORD = new RegExp(`\\b${STAFF}${END}`, 'gi');
/** The count before a staff word, read backwards from it (staff words are rare, digits are not). */
const COUNT_BEFORE_STAFF = new RegExp(`(?<![\\d.,])${NUM}${RANGE_TAIL}\\s+${ADJECTIVES}$`);
/** A quantifier right before a count ("über", "more than"), read separately so the count pattern starts on a digit. */
const QUANT_BEFORE = new RegExp(`(?<![${LETTER}])${QUANT}\\s+$`, 'i');
/** "team of 25", "Team aus über 40 Expertinnen", "a 25-person team", "unser 25-köpfiges Team". */
const TEAM_OF = new RegExp(`\\bteam\\s+(?:of|aus|von)\\s+(?:${QUANT}\\s+)?${NUM}${RANGE_TAIL}`, 'gi');
const SIZED_TEAM = new RegExp(
  `\\b${NUM}(\\+)?[-\\s](?:person|people|strong|member|köpfige[sn]?|köpfig)\\s+team${END}`,
  'gi',
);
/**
 * What may stand before "team of N" for the team to be the whole company: "we are a team of", "our team of",
 * "ein junges Team aus". A department before "team" ("our engineering team of 12") is only part of it.
 */
const WHOLE_TEAM_BEFORE =
  /(?:^|[\s,;:])(?:we are|we're|we’re|is|are|wir sind|sind|ist|our|unser|unsere|unserem|a|an|ein|einem|einer|als)\s+(?:(?:small|growing|global|international|diverse|dedicated|passionate|young|remote|kleines|kleinen|junges|jungen|internationales|internationalen|wachsendes|engagiertes|motiviertes)\s+)?$/i;
/** "we are 50 people", "Acme employs over 500 people", "wir beschäftigen 150 Mitarbeiter". */
const WE_ARE = new RegExp(
  `\\b(we are|we're|we’re|wir sind|we have|wir haben|we employ|wir beschäftigen|employs|employ|beschäftigt|beschäftigen|zählt|zählen|has|hat)\\s+(?:(?:now|currently|today|derzeit|aktuell|heute|mittlerweile|inzwischen|insgesamt)\\s+)?(?:${QUANT}\\s+)?${NUM}(\\s*\\+)?\\s+${ADJECTIVES}(${STAFF}|${PEOPLE})${END}`,
  'gi',
);
/** "more than 200 people work at Acme", "rund 80 Menschen arbeiten bei uns" (the owner is checked after). */
const PEOPLE_WORK = new RegExp(
  `\\b${NUM}(\\s*\\+)?\\s+${ADJECTIVES}(?:${STAFF}|${PEOPLE})\\s+(?:work|are working|arbeiten)\\s+(?:at|for|with|bei|für)\\s+`,
  'gi',
);
/** "Employees: 180", "Mitarbeiter: ca. 150", "Team size: 50-100". */
const STAFF_LABEL = new RegExp(
  `\\b(?:employees|staff|headcount|team size|company size|number of employees|Mitarbeiter(?:zahl|anzahl)?|Anzahl (?:der )?Mitarbeiter(?:innen)?|Beschäftigte|Mitarbeitende)\\s*:\\s*(?:${QUANT}\\s+)?${NUM}${RANGE_TAIL}(?![\\d])`,
  'gi',
);

/** A fact-table label for staff alone on its line, and a count or band alone on the next. */
const STAFF_LABEL_LINE =
  /^(?:employees|staff|headcount|team size|company size|number of employees|Mitarbeiter(?:zahl|anzahl)?|Anzahl (?:der )?Mitarbeiter(?:innen)?|Beschäftigte|Mitarbeitende|Unternehmensgröße)$/i;
const COUNT_LINE = new RegExp(`^(?:${QUANT}\\s+)?${NUM}${RANGE_TAIL}(?:\\s+${STAFF})?$`, 'i');
/** A counter's figure alone on its line ("180+") and its label alone on the next ("Mitarbeiter"). */
const COUNTER_LINE = new RegExp(`^(?:${QUANT}\\s+)?${NUM}(\\s*\\+)?$`, 'i');
const STAFF_LINE = new RegExp(`^${STAFF}$`, 'i');

const OPEN_QUANT =
  /^(?:over|more than|above|upwards of|in excess of|at least|über|mehr als|mindestens|gut)$/i;
/** After "team of N": words that show N counts something else ("team of 20 nationalities"). */
const TEAM_OF_TRAP =
  /^\s*(?:years?|Jahre\w*|nationalit\w*|Nationen|nations|countries|Länder\w*|languages|Sprachen|offices|locations|Standort\w*|clients|customers|Kunden|projects|Projekte\w*|%|percent|Prozent)/i;
/** Verbs that put staff counts on other companies ("trusted by 2 million employees"). */
const STAFF_TRAP_VERB =
  /(?<![\p{L}])(?:trust|trusted|trusts|use|used|uses|using|help|helped|helps|helping|train|trained|trains|serve|served|serves|serving|support|supports|supported|manage|managed|manages|onboard\w*|reach|reached|surveyed|vertrauen|vertraut|nutzen|genutzt|nutzt|geholfen|helfen|hilft|schulen|geschult|betreuen|betreut|unterstützen|unterstützt|beraten|berät|erreichen|befragt|Studie|study|report|research|hiring|sucht|suchen|recruit\w*|plan|plans|planned|planning|will|aim|aims|goal|planen|plant|geplant|wollen|Ziel)(?![\p{L}])/iu;
/** After the staff word: whose staff ("employees of our clients", "Mitarbeiter unserer Kunden"). */
const STAFF_OWNER_AFTER =
  /^\s*(?:of|at|in|from|bei|unserer|unseren|ihrer|ihrer|von|der|des|per|pro|je)\s+(?:our\s+|unserer\s+|unseren\s+|the\s+|den\s+|die\s+)?(?:clients?|customers?|Kunden|partners?|Partner\w*|companies|Unternehmen|Firmen|organi[sz]ations|businesses|member|Mitglied\w*|\d)/i;

function rangeOf(
  quant: string | undefined,
  count: string,
  plus: string | undefined,
  upper: string | undefined,
): Range | undefined {
  const min = parseCount(count);
  if (!Number.isFinite(min) || min < 2 || min > 2_000_000) return undefined;
  if (upper) {
    const max = parseCount(upper);
    if (!Number.isFinite(max) || max < min || max > 2_000_000) return undefined;
    return { min, max };
  }
  if (plus || (quant && OPEN_QUANT.test(quant.trim()))) return { min, max: null };
  return { min, max: min };
}

/** A year taken for a count ("since 2014 employees ..." never, but "in 2019 150 Mitarbeiter" does happen). */
function looksLikeYear(count: string, pre: string): boolean {
  return /^(?:19|20)\d\d$/.test(count) && /(?:in|im|since|seit|bis|until|from|ab|of|Jahr)\s*$/i.test(pre);
}

/**
 * Whether the text before a count ending in "with"/"mit" describes the company itself ("we are a team with 40
 * employees", "Acme ist ein Unternehmen mit 200 Mitarbeitern"): "we are", "is", "als" ... in the same sentence,
 * at most about 60 characters before. Cut out, then searched, so that no pattern rescans the text from each of
 * its words.
 */
function selfDescribedWith(pre: string): boolean {
  const withAt = pre.search(/(?:with|mit)\s*$/i);
  if (withAt < 0) return false;
  const window = pre.slice(Math.max(0, withAt - 100), withAt);
  const sentence = window.slice(window.lastIndexOf('.') + 1);
  for (const m of sentence.matchAll(SELF_DESCRIBED))
    if (sentence.length - (m.index + m[0].length) <= 60) return true;
  return false;
}

/** "we are", "is", "als" and an article after it: what may stand up to 60 characters before "with". */
const SELF_DESCRIBED = /(?:we are|we're|wir sind|is|ist|als)\s+(?:(?:a|an|ein|eine)\b)?/gi;

function readEmployees(page: Page): Array<Reading<Range>> {
  const out: Array<Reading<Range>> = [];
  const { text } = page;
  const add = (range: Range | undefined, start: number, end: number, confidence: number) => {
    if (!range || out.length >= 20) return;
    out.push({
      value: range,
      snippet: snippetOf(sentenceAt(page, start, end), start, page, end),
      confidence,
    });
  };
  /** Whether a count sentence is about the company's own staff. */
  const ownStaff = (s: Sentence, post: string, explicitSubject: boolean): boolean => {
    const sentence = `${s.pre}${post}`;
    if (REPORTED.test(s.line.text.slice(s.from, s.to))) return false;
    if (OTHER_PARTY.test(s.pre) || OTHERS.test(s.pre) || STAFF_TRAP_VERB.test(sentence)) return false;
    if (STAFF_OWNER_AFTER.test(post)) return false;
    // "for companies with up to 500 employees", "Unternehmen mit 50 bis 500 Mitarbeitern": a target group.
    if (/(?:up to|bis zu|for|für|from|ab|von)\s*$/i.test(s.pre)) return false;
    if (/(?:with|mit)\s*$/i.test(s.pre) && !selfDescribedWith(s.pre)) return false;
    if (explicitSubject) return true;
    if (namesSelf(page, sentence)) return true;
    // A stand-alone figure ("180+ employees") in a part of the page about the company: the line starts with
    // it, so no other subject ("Globex has 3,000 employees") can own it.
    const short = wordCount(s.line.text) <= 6 && bare(s.pre);
    return short && (page.kind === 'profile' || s.line.region);
  };

  for (const m of limitedMatches(page.text, STAFF_LABEL)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const s = sentenceAt(page, start, end);
    if (OTHER_PARTY.test(s.pre) || STAFF_TRAP_VERB.test(s.pre)) continue;
    add(rangeOf(m[1], m[2] as string, m[3], m[4]), start, end, 0.65);
  }
  for (const m of limitedMatches(page.text, WE_ARE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const s = sentenceAt(page, start, end);
    const verb = (m[1] as string).toLowerCase();
    // Third-person verbs need the company as subject ("Acme employs ..."), not any "has".
    const subjectOk = /^(?:we|wir)/.test(verb) || namesSelf(page, s.pre.slice(-60));
    if (!subjectOk || looksLikeYear(m[3] as string, '')) continue;
    // "We have 3 designers" counts one trade, not the company; "we are 50 people" counts everyone.
    if (/^(?:we have|wir haben|has|hat)$/.test(verb) && !STAFF_LINE.test(m[5] as string)) continue;
    if (ownStaff(s, s.post, true)) add(rangeOf(m[2], m[3] as string, m[4], undefined), start, end, 0.6);
  }
  for (const w of limitedMatches(page.text, STAFF_WORD)) {
    const wordAt = w.index ?? 0;
    const head = text.slice(Math.max(0, wordAt - 60), wordAt);
    const m = COUNT_BEFORE_STAFF.exec(head);
    if (!m) continue;
    const countAt = wordAt - head.length + m.index;
    const quant = QUANT_BEFORE.exec(text.slice(Math.max(0, countAt - 25), countAt));
    const start = countAt - (quant?.[0].length ?? 0);
    const end = wordAt + w[0].length;
    const s = sentenceAt(page, start, end);
    if (OTHER_PARTY.test(m[0]) || looksLikeYear(m[1] as string, s.pre)) continue;
    if (ownStaff(s, s.post, false)) add(rangeOf(quant?.[1], m[1] as string, m[2], m[3]), start, end, 0.6);
  }
  for (const m of limitedMatches(page.text, PEOPLE_WORK)) {
    const quant = QUANT_BEFORE.exec(text.slice(Math.max(0, (m.index ?? 0) - 25), m.index ?? 0));
    const start = (m.index ?? 0) - (quant?.[0].length ?? 0);
    const end = (m.index ?? 0) + m[0].length;
    const s = sentenceAt(page, start, end);
    const owner = text.slice(end, end + 40);
    const ownerWords = owner.split(/[.,;]/)[0] ?? '';
    if (!SELF.test(ownerWords) && !SELF_US.test(ownerWords) && !page.mentionsBrand(ownerWords)) continue;
    if (ownStaff(s, s.post, true)) add(rangeOf(quant?.[1], m[1] as string, m[2], undefined), start, end, 0.6);
  }
  for (const m of limitedMatches(page.text, TEAM_OF)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const s = sentenceAt(page, start, end);
    if (TEAM_OF_TRAP.test(s.post) || looksLikeYear(m[2] as string, '')) continue;
    if (!WHOLE_TEAM_BEFORE.test(s.pre) && !bare(s.pre)) continue;
    // In a blog post "our team of 12" is mostly the team that wrote it; only "we are a team of" will do.
    if (
      page.kind === 'company-site' &&
      !/(?:we are|we're|we’re|wir sind|is|ist)\s+(?:a|an|ein)\s+(?:\S+\s+)?$/i.test(s.pre)
    )
      continue;
    const after = /^\s*(?:[\p{Ll}-]+\s+){0,2}?([\p{L}*:]+)/u.exec(s.post)?.[1] ?? '';
    if (OTHER_PARTY.test(after)) continue;
    if (ownStaff(s, s.post, false)) add(rangeOf(m[1], m[2] as string, m[3], m[4]), start, end, 0.6);
  }
  for (const m of limitedMatches(page.text, SIZED_TEAM)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const s = sentenceAt(page, start, end);
    if (ownStaff(s, s.post, false)) add(rangeOf(undefined, m[1] as string, m[2], undefined), start, end, 0.6);
  }
  // Figures split over two short lines in a part of the page about the company: a fact table without
  // colons ("Employees" above "180") or a counter ("180+" above "Mitarbeiter").
  for (let i = 0; i + 1 < page.lines.length && out.length < 20; i++) {
    const line = page.lines[i] as TextLine;
    const next = page.lines[i + 1] as TextLine;
    if (line.text.length > 40 || next.text.length > 40 || !(page.kind === 'profile' || line.region)) continue;
    const end = next.start + next.text.length;
    const label = STAFF_LABEL_LINE.test(line.text) ? COUNT_LINE.exec(next.text) : null;
    if (label) add(rangeOf(label[1], label[2] as string, label[3], label[4]), line.start, end, 0.6);
    const counter = COUNTER_LINE.exec(line.text);
    if (counter && STAFF_LINE.test(next.text))
      add(rangeOf(counter[1], counter[2] as string, counter[3], undefined), line.start, end, 0.55);
  }
  return out;
}

/** The most confident employee reading; agreeing readings are kept, a disagreeing one lowers confidence. */
function chooseEmployees(readings: Array<Reading<Range>>): Array<Reading<Range>> {
  if (readings.length === 0) return [];
  // Three or more different head counts are a list (case studies, offices, a timeline), not one company's.
  if (new Set(readings.map((r) => `${r.value.min}-${r.value.max}`)).size > 2) return [];
  const sorted = [...readings].sort((a, b) => b.confidence - a.confidence);
  const best = sorted[0] as Reading<Range>;
  const same = (a: Range, b: Range) => a.min === b.min && a.max === b.max;
  const others = sorted.filter((r) => !same(r.value, best.value));
  const distinct: Array<Reading<Range>> = [];
  for (const r of others) if (!distinct.some((d) => same(d.value, r.value))) distinct.push(r);
  const penalty = distinct.length > 0 ? 0.1 : 0;
  return [
    { ...best, confidence: best.confidence - penalty },
    ...distinct.slice(0, 2).map((r) => ({ ...r, confidence: r.confidence - 0.2 })),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Legal name, company type and name

interface LegalReading extends Reading<string> {
  legal: LegalName;
  line: number;
}

const COPYRIGHT = /(?:©|\(c\)|&copy;|copyright)/gi;
const IMPRINT_MARKER =
  /(?:Angaben gemäß\s*§\s*5|Informationen gemäß\s*§\s*5|Offenlegung gemäß|Medieninhaber|Diensteanbieter|Anbieterkennzeichnung|Information (?:pursuant to|according to)\s*§\s*5|Site operator|Website operator|Betreiber der (?:Website|Webseite|Seite))/gi;

const IMPRINT_HEADING = /^(?:Impressum|Imprint|Legal notice|Site notice|Anbieterkennzeichnung|Offenlegung)$/i;

/** Words before a brand in a legal name that name the kind of business ("Werbeagentur VON DER SEE GmbH"). */
const BUSINESS_KIND = /^[\p{Lu}][\p{Ll}]*(?:agentur|büro|kanzlei|praxis)$/u;

/** Drops a leading business-kind word when the rest is the brand: the brand plus legal form is the name. */
function trimBusinessKind(page: Page, legal: LegalName): LegalName {
  const [first, ...rest] = legal.core.split(' ');
  if (!first || rest.length === 0 || !BUSINESS_KIND.test(first) || page.isBrandName(first)) return legal;
  const core = rest.join(' ');
  if (!page.isBrandName(core)) return legal;
  return { ...legal, core, value: legal.value.slice(first.length + 1) };
}

function readLegalNames(page: Page): LegalReading[] {
  const out: LegalReading[] = [];
  const { text } = page;
  const isBrandWord = (word: string) => word.length >= 3 && page.isBrandName(word) && /^[a-zäöü]/.test(word);
  const add = (legal: LegalName, confidence: number) => {
    const trimmed = trimBusinessKind(page, legal);
    const line = lineAt(page.lines, legal.index);
    const s = sentenceAt(page, legal.index, legal.index + legal.value.length);
    out.push({ value: trimmed.value, legal: trimmed, line, snippet: snippetOf(s, legal.index), confidence });
  };

  // "© 2024 Acme GmbH", "Copyright 2024 Acme, Inc." — the first name in the copyright notice.
  for (const m of limitedMatches(page.text, COPYRIGHT)) {
    const start = (m.index ?? 0) + m[0].length;
    // The notice ends at a separator or a new sentence ("© 2024 Acme. Powered by Shopify Inc.").
    const notice =
      text
        .slice(start, start + 120)
        .split(/[\n|·•]|\s[-–—]\s|(?<=\.)\s+(?=[A-Z][a-z]{2,})|All rights|Alle Rechte/i)[0] ?? '';
    const [legal] = findLegalNames(notice, isBrandWord, 1);
    if (legal) add({ ...legal, index: start + legal.index }, page.isBrandName(legal.core) ? 0.6 : 0.55);
    if (out.length >= 20) break;
  }
  // Imprints: the first name after "Angaben gemäß § 5 TMG", "Medieninhaber" ..., or on an imprint page the
  // first name after an "Impressum" heading (a menu entry of that name is followed by no name, so it costs
  // nothing to try each).
  const imprintStarts = limitedMatches(page.text, IMPRINT_MARKER, 3).map((m) => m.index ?? 0);
  if (page.imprint && imprintStarts.length === 0) {
    for (const line of page.lines) {
      if (IMPRINT_HEADING.test(line.text)) imprintStarts.push(line.start);
      if (imprintStarts.length >= 5) break;
    }
  }
  for (const start of imprintStarts) {
    // The first name that is not the insurer's, the web designer's or another party's (see OTHER_SECTION).
    const legal = findLegalNames(text.slice(start, start + 400), isBrandWord, 5).find(
      (l) => !page.inOtherSection(start + l.index),
    );
    if (legal) {
      add({ ...legal, index: start + legal.index }, 0.65);
      break;
    }
  }
  // Anywhere else, only the site's own brand with a legal form ("Luigi Lavazza S.p.A." on lavazza.de).
  for (const legal of findLegalNames(text, isBrandWord)) {
    if (page.isBrandName(legal.core) && !page.inOtherSection(legal.index)) add(legal, 0.55);
  }
  return out;
}

function chooseLegalName(readings: LegalReading[]): LegalReading | undefined {
  return [...readings].sort((a, b) => b.confidence - a.confidence || a.legal.index - b.legal.index)[0];
}

/** "© 2014 Segment", "© Shabka 2019": a copyright holder that is the site's brand, without legal form. */
function readCopyrightName(page: Page): Reading<string> | undefined {
  for (const m of limitedMatches(page.text, COPYRIGHT)) {
    const start = (m.index ?? 0) + m[0].length;
    const notice =
      page.text.slice(start, start + 100).split(/[\n|·•]|\s[-–—]\s|[.,;]\s|All rights|Alle Rechte/i)[0] ?? '';
    const holder = stripLegalForm(
      notice
        .replace(/(?:^|\s)(?:\d{4}(?:\s*[-–]\s*\d{4})?)(?=\s|$)/g, ' ')
        .replace(/^[\s©:]+/, '')
        .replace(/(?<![\s.,])[\s.,]+$/, '')
        .trim(),
    );
    if (
      holder &&
      holder.length <= 60 &&
      wordCount(holder) <= 5 &&
      /^[\p{L}\d]/u.test(holder) &&
      page.isBrandName(holder)
    ) {
      const s = sentenceAt(page, m.index ?? 0, start);
      return { value: holder, snippet: snippetOf(s, m.index ?? 0), confidence: 0.3 };
    }
  }
  return undefined;
}

/** "we are a non-profit", "ist ein gemeinnütziger Verein", "a 501(c)(3) organization". */
const NONPROFIT_STATEMENT =
  /\b(?:(?:we are|we're|is)\s+(?:a|an)\s+(?:registered\s+|independent\s+)?(?:non-?profit|not-for-profit|charitable|501\(c\)\(3\))|(?:wir sind|ist)\s+(?:ein|eine)\s+(?:eingetragener\s+)?gemeinnützige[rs]?)(?![a-zäöüß])/gi;

function readNonprofit(page: Page, legal: LegalReading | undefined): Reading<string> | undefined {
  if (legal && isNonprofitName(legal.value))
    return { value: 'nonprofit', snippet: legal.snippet, confidence: 0.6 };
  for (const m of limitedMatches(page.text, NONPROFIT_STATEMENT)) {
    const start = m.index ?? 0;
    const s = sentenceAt(page, start, start + m[0].length);
    const subject = s.pre + m[0];
    if (!OTHER_PARTY.test(s.pre) && namesSelf(page, subject))
      return { value: 'nonprofit', snippet: snippetOf(s, start), confidence: 0.55 };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Headquarters

interface PlaceReading extends Reading<Place> {
  line: number;
}

/** Labels and phrases that name the head office: "headquartered in", "HQ:", "Sitz der Gesellschaft:" ... */
const HQ_LABEL =
  /\b(?:Sitz der Gesellschaft|Gesellschaftssitz|Firmensitz|Unternehmenssitz|Hauptsitz|Sitz|Headquarters|HQ|Head office|Registered office|Zentrale|Firmenzentrale)\s*:\s*/g;
/** "headquartered in", "our head office is in", "mit Sitz in", "Hauptsitz ist in" (one pattern per keyword keeps each scan fast). */
const HQ_PHRASES: RegExp[] = [
  /\b(?:headquartered|head-quartered|HQ'd)\s+(?:in|at)\s+(?:the\s+)?/gi,
  /\b(?:headquarters|head office|main office)\s+(?:is\s+|are\s+)?(?:located\s+)?(?:in|at)\s+(?:the\s+)?/gi,
  /\b(?:Hauptsitz|Firmensitz|Unternehmenssitz|Sitz)\s+(?:ist\s+|liegt\s+|befindet sich\s+)?in\s+/g,
  /\b(?:Hauptquartier|Zentrale)\s+(?:ist\s+|liegt\s+|befindet sich\s+)?in\s+/g,
];
const HQ_LABEL_LINE =
  /^(?:Headquarters|HQ|Head office|Registered office|Hauptsitz|Firmensitz|Unternehmenssitz|Sitz der Gesellschaft|Sitz)$/i;
const BASED_IN = /\b(?:based|ansässig|beheimatet)\s+in\s+(?:the\s+)?/gi;

function readHeadquarters(page: Page, legal: LegalReading[]): PlaceReading[] {
  const out: PlaceReading[] = [];
  const { text } = page;
  const addPlace = (place: Place | undefined, start: number, end: number, confidence: number) => {
    if (!place || out.length >= 20) return;
    const s = sentenceAt(page, start, end);
    out.push({ value: place, snippet: snippetOf(s, start), confidence, line: s.lineIndex });
  };

  for (const m of limitedMatches(page.text, HQ_LABEL)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const s = sentenceAt(page, start, end);
    if (OTHER_PARTY.test(s.pre) || page.inOtherSection(start)) continue;
    // "HQ:" and "Sitz:" alone are labels of a fact table; only a few words may stand before them.
    if (wordCount(s.pre) > 6 && !namesSelf(page, s.pre)) continue;
    addPlace(readPlace(text.slice(end, end + 80).split('\n')[0] ?? ''), start, end, 0.65);
  }
  const phrases = HQ_PHRASES.flatMap((re) => limitedMatches(page.text, re));
  for (const m of phrases.sort((a, b) => (a.index ?? 0) - (b.index ?? 0))) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const s = sentenceAt(page, start, end);
    if (REPORTED.test(s.line.text.slice(s.from, s.to)) || page.inOtherSection(start)) continue;
    // On an imprint, "XY GmbH mit Sitz in Ulm" is the site's owner even when its name is not the brand.
    const imprintOwner = page.imprint && !OTHER_PARTY.test(s.pre) && hasLegalForm(s.pre);
    const subjectOk = subjectBeforeOk(page, s.pre, s.post, true) || imprintOwner;
    if (subjectOk) addPlace(readPlace(text.slice(end, end + 80).split('\n')[0] ?? ''), start, end, 0.65);
  }
  for (const m of limitedMatches(page.text, BASED_IN)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const s = sentenceAt(page, start, end);
    if (REPORTED.test(s.line.text.slice(s.from, s.to))) continue;
    // "based in" needs the company as subject ("We are a Berlin agency based in ..."), never bare.
    if (subjectBeforeOk(page, s.pre, s.post, false))
      addPlace(readPlace(text.slice(end, end + 80).split('\n')[0] ?? ''), start, end, 0.6);
  }
  // A fact table without colons: "Headquarters" on one line, "London, UK" on the next.
  for (let i = 0; i + 1 < page.lines.length && out.length < 20; i++) {
    const line = page.lines[i] as TextLine;
    const next = page.lines[i + 1] as TextLine;
    if (line.text.length > 40 || !(page.kind === 'profile' || line.region) || !HQ_LABEL_LINE.test(line.text))
      continue;
    const place = readPlace(next.text);
    if (place?.city && wordCount(next.text) <= 5)
      addPlace(place, next.start, next.start + next.text.length, 0.65);
  }

  // Postal addresses where the site speaks for itself, or right after the company's legal name.
  const legalLines = new Set(legal.filter((l) => l.confidence >= 0.55).map((l) => l.line));
  const nearLegal = (hit: AddressHit) => [0, 1, 2, 3].some((d) => legalLines.has(hit.line - d));
  const hits = findAddresses(text, page.lines, { tld: page.tld, lang: page.lang }).filter((hit) => {
    const line = page.lines[hit.line] as TextLine;
    if (page.inOtherSection(hit.index)) return false;
    return page.kind === 'profile' || line.region || nearLegal(hit);
  });

  if (out.length > 0) {
    // Stated head offices in different towns are a list (clients, portfolio), not the company's.
    if (new Set(out.map((r) => r.value.city?.toLowerCase())).size > 1) return [];
    const stated = out[0] as PlaceReading;
    const sameTown = hits.find((h) => h.city.toLowerCase() === stated.value.city?.toLowerCase());
    if (stated.value.city && !stated.value.country && sameTown?.country)
      stated.value = {
        ...stated.value,
        country: sameTown.country,
        region: stated.value.region ?? sameTown.region,
      };
    return [stated];
  }
  const cities = new Set(hits.map((h) => h.city.toLowerCase()));
  const anchored = hits.find(nearLegal);
  // Several towns (branch offices, a data-protection officer) leave the head office open unless one
  // address stands right under the company's legal name.
  const chosen = cities.size === 1 ? hits[0] : anchored;
  if (chosen) {
    addPlace(
      { city: chosen.city, region: chosen.region, country: chosen.country },
      chosen.index,
      chosen.index + 6,
      anchored === chosen ? 0.6 : 0.55,
    );
    return out;
  }
  if (hits.length > 0) return out;

  // "Vienna, Austria" on its own line in a contact block: next to an e-mail address or telephone number.
  const contact = /@|\[email[^[\]]*\]|\b(?:Tel|Phone|Telefon|Fon|E-?Mail)\b|\+\d/i;
  const found: PlaceReading[] = [];
  const towns = new Set<string | undefined>();
  for (let i = 0; i < page.lines.length && towns.size < 2; i++) {
    const line = page.lines[i] as TextLine;
    const place = cityCountryLine(line.text);
    if (!place) continue;
    const near = [i - 2, i - 1, i + 1, i + 2].some((j) => contact.test(page.lines[j]?.text ?? ''));
    if (line.region || (page.kind === 'profile' && near)) {
      found.push({ value: place, snippet: line.text, confidence: 0.5, line: i });
      towns.add(place.city);
    }
  }
  if (towns.size === 1) out.push(found[0] as PlaceReading);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Entry point

function candidate(field: FactCandidate['field'], reading: Reading<FactCandidate['value']>): FactCandidate {
  return {
    field,
    value: reading.value,
    source: 'text',
    snippet: reading.snippet.slice(0, SNIPPET_CHARS),
    confidence: Math.round(reading.confidence * 100) / 100,
  };
}

/**
 * Reads the facts a company's own website states in its visible text (about, imprint, careers and contact
 * pages, headers and footers), in English and German: `foundedYear`, `employees`, `hqCity`/`hqRegion`/
 * `hqCountry`, `legalName`, `companyType` (only "nonprofit", from a charitable legal form or statement) and,
 * as a low-confidence fallback, `name`.
 *
 * Call it only on the company's own site; elsewhere the same sentences describe other companies. Confidence
 * stays at 0.3–0.65, below structured data, so JSON-LD and site adapters win where they speak.
 * @param doc the page's document
 * @param pageUrl the page's address (its domain names the company's brand)
 * @param kind `profile` for a page about the company (home, about, imprint, contact), else `company-site`
 */
export function extractTextFacts(doc: Document, pageUrl: URL, kind: OwnSitePageKind): FactCandidate[] {
  return textFactsFrom(ownSiteTextOf(readOwnSiteText(doc)), pageUrl, kind);
}

/**
 * The same readers over text the page already sent (see {@link readOwnSiteText}): the background runs them, so
 * the page only pays for walking its DOM.
 */
export function textFactsFrom(source: OwnSiteText, pageUrl: URL, kind: OwnSitePageKind): FactCandidate[] {
  const page = pageOf(source, pageUrl, kind);
  if (!page.text) return [];
  const out: FactCandidate[] = [];

  const founded = chooseFoundedYear(readFoundedYears(page));
  if (founded) out.push(candidate('foundedYear', founded));

  for (const reading of chooseEmployees(readEmployees(page))) out.push(candidate('employees', reading));

  const legalReadings = readLegalNames(page);
  const legal = chooseLegalName(legalReadings);
  if (legal) out.push(candidate('legalName', legal));
  const nonprofit = readNonprofit(page, legal);
  if (nonprofit) out.push(candidate('companyType', nonprofit));
  // The copyright holder is the name as the company writes it; the legal name minus its form is the fallback.
  const name =
    readCopyrightName(page) ??
    (legal && page.isBrandName(legal.legal.core)
      ? { value: legal.legal.core, snippet: legal.snippet, confidence: 0.3 }
      : undefined);
  if (name) out.push(candidate('name', name));

  const [hq] = readHeadquarters(page, legalReadings);
  if (hq) {
    if (hq.value.city) out.push(candidate('hqCity', { ...hq, value: hq.value.city }));
    if (hq.value.region) out.push(candidate('hqRegion', { ...hq, value: hq.value.region }));
    if (hq.value.country) out.push(candidate('hqCountry', { ...hq, value: hq.value.country }));
  }
  return out;
}
