/** Parses saved pages into real DOM documents for the extractor tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { readersFor } from '../../lib/extract/all-readers';
import { completeExtract } from '../../lib/extract/complete';
import { extractPage } from '../../lib/extract/interpret';
import { readPageInputs } from '../../lib/extract/page';
import { type PageExtract, type PageInputs, PageInputsSchema } from '../../lib/extract/schema';

/** A fixture file's path, relative to test/fixtures. */
export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/${relative}`, import.meta.url));
}

/** Parses HTML as the page at `url` (scripts do not run; stylesheet errors are silenced). */
export function parseHtml(html: string, url: string): Document {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

/** Parses a saved fixture page as the page at `url`. */
export function loadFixture(relative: string, url: string): Document {
  return parseHtml(readFileSync(fixturePath(relative), 'utf8'), url);
}

/** The demo's sample pages and the addresses they are served at. */
export const SAMPLES: Array<{ file: string; url: string }> = JSON.parse(
  readFileSync(fixturePath('samples/index.json'), 'utf8'),
);

/** Reads a parsed page the way the extension does on that host (with the same readers). */
export function readPage(doc: Document, url: string): PageExtract {
  return completeExtract(extractPage(doc, url, readersFor(new URL(url).hostname)));
}

/**
 * What the content script sends for a parsed page: its inputs as the message carries them (through JSON) and as
 * the background validates them.
 */
export function pageInputs(doc: Document, url: string): PageInputs {
  const sent = JSON.parse(JSON.stringify(readPageInputs(doc, url, readersFor(new URL(url).hostname))));
  return PageInputsSchema.parse(sent);
}
