import { describe, expect, it } from 'vitest';
import { htmlContentType } from '../../scripts/lib/browser';

const utf8 = (html: string) => new TextEncoder().encode(html);
// Windows-1252: "’" is 0x92, "ü" 0xFC; neither is valid UTF-8 on its own.
const windows1252 = (html: string) =>
  new Uint8Array(Array.from(html, (c) => (c === '’' ? 0x92 : c.charCodeAt(0))));

describe('the Content-Type a saved page is served with', () => {
  it('says UTF-8 for a page in UTF-8 that declares no charset, which Chromium would read as Windows-1252', () => {
    expect(htmlContentType(utf8('<html><head><title>The world’s best</title></head></html>'))).toBe(
      'text/html; charset=utf-8',
    );
  });

  it('leaves a page that declares its charset in its first 1024 bytes to its declaration', () => {
    for (const meta of [
      '<meta charset="windows-1252">',
      '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1">',
      '<meta charset=utf-8>',
    ])
      expect(htmlContentType(utf8(`<html><head>${meta}<title>Müller</title>`)), meta).toBe('text/html');
  });

  it('says UTF-8 when the only charset declaration comes after the first 1024 bytes, as a browser ignores it', () => {
    const late = `<html><head><!--${' '.repeat(1100)}--><meta charset="utf-8"><title>world’s</title>`;
    expect(htmlContentType(utf8(late))).toBe('text/html; charset=utf-8');
  });

  it('leaves a page whose bytes are not UTF-8 to the browser', () => {
    expect(htmlContentType(windows1252('<html><title>The world’s best</title></html>'))).toBe('text/html');
  });
});
