import { crc32, deflateSync } from 'node:zlib';

// PNG (ISO/IEC 15948, W3C PNG 3rd ed.): a signature, then chunks of length, type, data and the CRC-32 of type and
// data. The pixels are written as resvg renders them (8-bit RGBA), each row copied whole after its filter type 0
// (None), and compressed by Node's zlib at level 3: a card in about a tenth of the time resvg's own encoder takes,
// for a file of much the same size (measured: 2 ms and 39 KB against 17–25 ms and 36 KB).

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const RGBA = 6;

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** An image (RGBA pixels, row by row, as resvg renders them) as PNG bytes. */
export function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  if (rgba.length !== width * height * 4) throw new Error(`encodePng: ${rgba.length} bytes for ${width}×${height} RGBA pixels`);
  const row = width * 4;
  const rows = new Uint8Array(height * (1 + row));
  // Each row's first byte stays 0: filter type None.
  for (let y = 0; y < height; y++) rows.set(rgba.subarray(y * row, (y + 1) * row), y * (1 + row) + 1);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, RGBA, 0, 0, 0], 8); // bit depth, colour type, compression, filter method, no interlace
  const parts = [SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 3 })), chunk('IEND', new Uint8Array(0))];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    png.set(part, at);
    at += part.length;
  }
  return png;
}
