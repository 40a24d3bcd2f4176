import { describe, expect, it } from 'vitest';
import { DEFAULT_ICP, parseIcp } from '@/lib/icp';
import { decodeJsonFile, readJsonFileText } from '@/lib/icp/file-text';

const text = JSON.stringify({ ...DEFAULT_ICP, name: 'Zürich ICP' });
const utf16 = (s: string, littleEndian: boolean, mark: boolean) => {
  const units = [...(mark ? [0xfeff] : []), ...Array.from(s, (c) => c.charCodeAt(0))];
  const view = new DataView(new ArrayBuffer(units.length * 2));
  units.forEach((u, i) => {
    view.setUint16(i * 2, u, littleEndian);
  });
  return new Uint8Array(view.buffer);
};

describe('ICP file text', () => {
  it('reads UTF-8 with or without a byte-order mark, and UTF-16 either way round, with or without one', () => {
    const utf8 = new TextEncoder().encode(text);
    const files = {
      utf8,
      'utf8 with mark': new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]),
      'utf16le with mark (PowerShell 5)': utf16(text, true, true),
      'utf16be with mark': utf16(text, false, true),
      'utf16le without mark': utf16(text, true, false),
      'utf16be without mark': utf16(text, false, false),
    };
    for (const [what, bytes] of Object.entries(files)) {
      const decoded = decodeJsonFile(bytes);
      expect(decoded, what).toBe(text);
      const parsed = parseIcp(JSON.parse(decoded));
      expect(parsed.ok && parsed.icp.name, what).toBe('Zürich ICP');
    }
  });

  it('reads a file saved as Windows-1252 ("ANSI") as such, not with "�" for each accented letter', () => {
    const ansi = new Uint8Array(
      Array.from(JSON.stringify({ ...DEFAULT_ICP, name: 'Müller – Zürich €' }), (c) =>
        c === '–' ? 0x96 : c === '€' ? 0x80 : c.charCodeAt(0),
      ),
    );
    const read = readJsonFileText(ansi);
    expect(read.encoding).toBe('windows-1252');
    const parsed = parseIcp(JSON.parse(read.text));
    expect(parsed.ok && parsed.icp.name).toBe('Müller – Zürich €');
    // Valid UTF-8 is read as UTF-8, though Windows-1252 would read it too ("MÃ¼ller").
    expect(readJsonFileText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
  });

  it('leaves an empty or one-byte file to the JSON parser to refuse', () => {
    expect(decodeJsonFile(new Uint8Array())).toBe('');
    expect(decodeJsonFile(new Uint8Array([0x7b]))).toBe('{');
  });
});
