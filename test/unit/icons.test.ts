/**
 * The icons the manifest ships (public/icon, drawn by scripts/make-icons.py): the 128 px one is the stores'
 * icon, which Chrome's image guidelines want as 96 px of artwork inside 16 px of transparent padding per side.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/** An RGBA PNG as make-icons.py writes it (8-bit, no interlace, each row unfiltered): its alpha per pixel. */
function alphaOf(size: number): { width: number; alpha: (x: number, y: number) => number } {
  const bytes = readFileSync(fileURLToPath(new URL(`../../public/icon/${size}.png`, import.meta.url)));
  const width = bytes.readUInt32BE(16);
  expect([width, bytes.readUInt32BE(20), bytes[24], bytes[25]]).toEqual([size, size, 8, 6]);
  const chunks: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT')
      chunks.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = 1 + 4 * width;
  for (let y = 0; y < width; y++) expect(raw[y * stride], `row ${y}'s filter`).toBe(0);
  return { width, alpha: (x, y) => raw[y * stride + 1 + 4 * x + 3] as number };
}

describe('the icons', () => {
  it('gives the stores’ 128 px icon 16 px of transparent padding and 96 px of artwork', () => {
    const { alpha } = alphaOf(128);
    for (let i = 0; i < 128; i++)
      for (const [x, y] of [
        [i, 0],
        [i, 15],
        [i, 112],
        [i, 127],
        [0, i],
        [15, i],
        [112, i],
        [127, i],
      ] as const)
        expect(alpha(x, y), `${x},${y}`).toBe(0);
    // The artwork reaches the padding: opaque along its edges' middles and at its centre.
    for (const [x, y] of [
      [16, 64],
      [111, 64],
      [64, 16],
      [64, 111],
      [64, 64],
    ] as const)
      expect(alpha(x, y), `${x},${y}`).toBeGreaterThan(200);
  });

  it('lets the toolbar’s sizes fill their square, to stay legible', () => {
    for (const size of [16, 32, 48]) {
      const { alpha } = alphaOf(size);
      expect(alpha(0, size >> 1), `${size} px`).toBeGreaterThan(200);
    }
  });
});
