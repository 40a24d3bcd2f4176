import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_ICP, MAX_ICP_FILE_BYTES, parseIcp } from '@/lib/icp';
import { decodeJsonFile, encodingNote, kilobytes, readIcpFile, readJsonFileText } from '@/lib/icp/file-text';

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

  it('gives sizes in the kilobytes the limits are set in, rounded up past a limit', () => {
    // 1,000,500 bytes showed as "977 kB" beside "at most 1 MB", which was 1,000,000 bytes.
    expect(kilobytes(MAX_ICP_FILE_BYTES)).toBe('1,024 kB');
    expect(kilobytes(MAX_ICP_FILE_BYTES + 1)).toBe('1,025 kB');
    expect(kilobytes(1_000_500)).toBe('978 kB');
    expect(1_000_500 > MAX_ICP_FILE_BYTES).toBe(false);
  });

  /** A picked file holding `bytes`, claiming `size`. */
  const picked = (bytes: Uint8Array, size = bytes.length) => ({
    size,
    arrayBuffer: vi.fn(async () => bytes.slice().buffer),
  });

  it('refuses an ICP file over 1 MB before reading it (the calibration’s compare file as the import)', async () => {
    const big = picked(new TextEncoder().encode(text), MAX_ICP_FILE_BYTES + 1);
    expect(await readIcpFile(big)).toEqual({
      ok: false,
      problem: 'is 1,025 kB; an ICP file is at most 1,024 kB (1 MB).',
    });
    expect(big.arrayBuffer).not.toHaveBeenCalled();
  });

  it('reads an ICP file in any of its encodings, says which, and names one that is not JSON', async () => {
    const read = await readIcpFile(picked(utf16(text, true, true)));
    expect(read.ok && parseIcp(read.json).ok).toBe(true);
    expect(read).toMatchObject({ encoding: 'utf-16' });
    const ansi = await readIcpFile(picked(Uint8Array.from(Buffer.from('{"name":"Vertrieb Süd"}', 'latin1'))));
    expect(ansi).toEqual({ ok: true, json: { name: 'Vertrieb Süd' }, encoding: 'windows-1252' });
    expect(encodingNote('windows-1252')).toContain('read as Windows-1252');
    expect(encodingNote('utf-8')).toBe('');
    expect(await readIcpFile(picked(new TextEncoder().encode('{"name":')))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^is not valid JSON \(.+\)\.$/),
    });
  });
});
