import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../scripts/lib/manifest';

const PAGES = path.resolve('/data/pages');
const manifest = (...lines: object[]) => lines.map((l) => JSON.stringify(l)).join('\n');

describe('extract manifest', () => {
  it('lists each page with its file in the pages folder, blank lines skipped', () => {
    const text = `${manifest({ file: 'a.html', url: 'https://a.example/' })}\n\n${manifest({ file: 'sub/b.html', url: 'https://b.example/#about' })}\n`;
    expect(readManifest(text, 'pages.jsonl', PAGES)).toEqual([
      { file: 'a.html', url: 'https://a.example/', path: path.join(PAGES, 'a.html') },
      { file: 'sub/b.html', url: 'https://b.example/#about', path: path.join(PAGES, 'sub/b.html') },
    ]);
  });

  it('refuses two lines with one address, fragment aside, naming both lines and files', () => {
    const text = manifest(
      { file: 'a.html', url: 'https://acme.example/about' },
      { file: 'c.html', url: 'https://other.example/' },
      { file: 'b.html', url: 'https://acme.example/about#team' },
    );
    expect(() => readManifest(text, 'pages.jsonl', PAGES)).toThrow(
      'pages.jsonl:3 (b.html) has the address of pages.jsonl:1 (a.html): https://acme.example/about.',
    );
  });

  it('refuses a file outside the pages folder', () => {
    for (const file of ['../x.html', 'sub/../../x.html', '/etc/passwd']) {
      const text = manifest({ file, url: 'https://a.example/' });
      expect(() => readManifest(text, 'pages.jsonl', PAGES), file).toThrow(
        `pages.jsonl:1: "file" ${JSON.stringify(file)} is outside the --pages folder; name a file inside it`,
      );
    }
    // A name that only starts with two dots is inside.
    const dotted = manifest({ file: '..a.html', url: 'https://a.example/' });
    expect(readManifest(dotted, 'pages.jsonl', PAGES)[0]?.path).toBe(path.join(PAGES, '..a.html'));
  });

  it('refuses a manifest that lists no pages, saying what a line holds', () => {
    for (const text of ['', '\n  \n'])
      expect(() => readManifest(text, 'pages.jsonl', PAGES)).toThrow(
        'pages.jsonl: lists no pages; give one JSON line per page: {"file": "<name in --pages>", "url": "<address it was saved from>"}',
      );
  });

  it('names a line without a file and a web address', () => {
    expect(() => readManifest(manifest({ file: 'a.html' }), 'm', PAGES)).toThrow(
      'm:1: needs "file" and "url"',
    );
    expect(() => readManifest(manifest({ file: 'a.html', url: 'ftp://a/' }), 'm', PAGES)).toThrow(
      'm:1: "url" is not a web address: "ftp://a/"',
    );
  });
});
