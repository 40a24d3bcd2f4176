import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_ICP, parseIcp } from '@/lib/icp';
import { decodeJsonFile, readIcpFile } from '@/lib/icp/file-text';
import { MAX_ICP_FILE_BYTES } from '@/lib/icp/schema';

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

  it('leaves an empty or one-byte file to the JSON parser to refuse', () => {
    expect(decodeJsonFile(new Uint8Array())).toBe('');
    expect(decodeJsonFile(new Uint8Array([0x7b]))).toBe('{');
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
      problem: 'is 1001 kB; an ICP file is at most 1 MB (1000 kB).',
    });
    expect(big.arrayBuffer).not.toHaveBeenCalled();
  });

  it('reads an ICP file in any of its encodings, and names one that is not JSON', async () => {
    const read = await readIcpFile(picked(utf16(text, true, true)));
    expect(read.ok && parseIcp(read.json).ok).toBe(true);
    expect(await readIcpFile(picked(new TextEncoder().encode('{"name":')))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^is not valid JSON \(.+\)\.$/),
    });
  });
});
