// Writes the add-in's PNG icons (a plain coloured square with a white bar chart) without any image library.
// Run once: node scripts/make-icons.js (the PNGs are committed).
const fs = require("fs");
const zlib = require("zlib");
function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const bars = [0.45, 0.7, 0.95];
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const o = y * (size * 4 + 1) + 1 + x * 4;
      let r = 0x1f,
        g = 0x6f,
        b = 0x4a; // green
      const bi = Math.floor((x / size) * 4) - 0.5;
      const i = Math.round(bi);
      const inBar =
        i >= 0 &&
        i < 3 &&
        Math.abs((x / size) * 4 - 0.5 - i - 0.5) < 0.3 &&
        (size - y) / size < bars[i] * 0.8 &&
        y < size * 0.9;
      if (inBar) {
        r = g = b = 255;
      }
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = 255;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
for (const s of [16, 32, 64, 80, 128]) fs.writeFileSync(`assets/icon-${s}.png`, png(s));
