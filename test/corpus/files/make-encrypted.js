// Writes encrypted.xlsx: the container Excel writes for a password-protected workbook (MS-OFFCRYPTO): a compound
// file (MS-CFB, version 3) holding the streams EncryptionInfo (agile encryption, version 4.4) and EncryptedPackage.
// The payload is not a real cipher text: the recogniser must say "password-protected" from the container alone.
// Checked with Debian's python3-olefile: olefile.OleFileIO("encrypted.xlsx").listdir() lists both streams.
const fs = require("fs");
const path = require("path");
const SECTOR = 512;
const FREE = 0xffffffff,
  END = 0xfffffffe,
  FATSECT = 0xfffffffd,
  NOSTREAM = 0xffffffff;
const info = Buffer.alloc(4096);
info.writeUInt16LE(4, 0); // version 4.4 = agile
info.writeUInt16LE(4, 2);
info.writeUInt32LE(0x40, 4);
info.write(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>',
  8,
  "utf8",
);
const pkg = Buffer.alloc(8192, 0x5a);
pkg.writeUInt32LE(20000, 0); // the unencrypted size, then the cipher text
const streams = [
  { name: "EncryptionInfo", data: info },
  { name: "EncryptedPackage", data: pkg },
];
const header = Buffer.alloc(512);
Buffer.from("d0cf11e0a1b11ae1", "hex").copy(header, 0);
header.writeUInt16LE(0x3e, 24);
header.writeUInt16LE(3, 26);
header.writeUInt16LE(0xfffe, 28);
header.writeUInt16LE(9, 30);
header.writeUInt16LE(6, 32);
header.writeUInt32LE(1, 44); // FAT sectors
header.writeUInt32LE(1, 48); // first directory sector
header.writeUInt32LE(4096, 56); // mini stream cutoff
header.writeUInt32LE(END, 60);
header.writeUInt32LE(0, 64);
header.writeUInt32LE(END, 68);
header.writeUInt32LE(0, 72);
for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 76 + i * 4);
const fat = Buffer.alloc(SECTOR, 0xff);
fat.writeUInt32LE(FATSECT, 0);
fat.writeUInt32LE(END, 4);
let next = 2;
const starts = [];
for (const s of streams) {
  const n = Math.ceil(s.data.length / SECTOR);
  starts.push(next);
  for (let i = 0; i < n; i++) fat.writeUInt32LE(i === n - 1 ? END : next + i + 1, (next + i) * 4);
  next += n;
}
const dir = Buffer.alloc(SECTOR);
function entry(i, name, type, child, left, right, start, size) {
  const o = i * 128;
  const n = Buffer.from(name + "\0", "utf16le");
  n.copy(dir, o);
  dir.writeUInt16LE(n.length, o + 64);
  dir[o + 66] = type;
  dir[o + 67] = 1; // black
  dir.writeUInt32LE(left, o + 68);
  dir.writeUInt32LE(right, o + 72);
  dir.writeUInt32LE(child, o + 76);
  dir.writeUInt32LE(start, o + 116);
  dir.writeUInt32LE(size, o + 120);
}
entry(0, "Root Entry", 5, 1, NOSTREAM, NOSTREAM, END, 0);
entry(1, "EncryptionInfo", 2, NOSTREAM, NOSTREAM, 2, starts[0], info.length);
entry(2, "EncryptedPackage", 2, NOSTREAM, NOSTREAM, NOSTREAM, starts[1], pkg.length);
for (let i = 3; i < 4; i++) {
  dir.writeUInt32LE(NOSTREAM, i * 128 + 68);
  dir.writeUInt32LE(NOSTREAM, i * 128 + 72);
  dir.writeUInt32LE(NOSTREAM, i * 128 + 76);
}
fs.writeFileSync(path.join(__dirname, "encrypted.xlsx"), Buffer.concat([header, fat, dir, info, pkg]));
