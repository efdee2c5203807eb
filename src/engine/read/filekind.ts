/**
 * What a file is, from its bytes, before anything tries to parse it: an .xlsx package, or one of the things officials
 * pick by mistake (an old .xls, an .ods, a CSV, a password-protected workbook, an empty or truncated download).
 * Serves the command line and the standalone page alike. Pure: bytes in, a kind out; messages in messages.ts.
 */

export type FileKind =
  | "xlsx"
  | "empty"
  | "encrypted"
  | "xls"
  | "ods"
  | "xlsb"
  | "zip-truncated"
  | "zip-other"
  | "cfb-other"
  | "csv"
  | "text"
  | "html"
  | "xml2003"
  | "pdf"
  | "unknown";

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

function latin1(b: Uint8Array, from: number, to: number): string {
  let s = "";
  for (let i = from; i < to && i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

/**
 * The names in a zip's central directory, or null when the package is cut short (no end record, or it points past
 * the end).
 */
export function zipEntryNames(b: Uint8Array, max = 10000): string[] | null {
  // the end-of-central-directory record: PK 05 06, within the last 22 + 65,535 bytes
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(b, eocd + 10);
  const size = u32(b, eocd + 12);
  const offset = u32(b, eocd + 16);
  // ZIP64 packages say 0xffffffff here; their names still follow the same record layout
  if (offset !== 0xffffffff && offset + size > eocd) return null;
  const names: string[] = [];
  let p = offset === 0xffffffff ? -1 : offset;
  if (p < 0) return names;
  for (let k = 0; k < count && k < max; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return null;
    const n = u16(b, p + 28);
    const extra = u16(b, p + 30);
    const comment = u16(b, p + 32);
    names.push(new TextDecoder().decode(b.subarray(p + 46, p + 46 + n)));
    p += 46 + n + extra + comment;
  }
  return names;
}

/** The names of the streams and storages in a compound file (MS-CFB), or null when the structure cannot be followed. */
export function cfbEntryNames(b: Uint8Array): string[] | null {
  if (!startsWith(b, CFB_SIGNATURE) || b.length < 512) return null;
  const shift = u16(b, 30);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const sectorAt = (s: number) => size + s * size;
  // the FAT sectors listed in the header (the first 109; enough to reach the directory of any ordinary file)
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(b, 76 + i * 4);
    if (s >= 0xfffffffa) break;
    fatSectors.push(s);
  }
  const next = (s: number): number => {
    const perSector = size / 4;
    const fs = fatSectors[Math.floor(s / perSector)];
    if (fs === undefined) return 0xfffffffe;
    const o = sectorAt(fs) + (s % perSector) * 4;
    return o + 4 <= b.length ? u32(b, o) : 0xfffffffe;
  };
  const names: string[] = [];
  let s = u32(b, 48);
  for (let guard = 0; s < 0xfffffffa && guard < 10000; guard++) {
    const base = sectorAt(s);
    if (base + size > b.length) return names.length ? names : null;
    for (let e = 0; e < size / 128; e++) {
      const o = base + e * 128;
      const len = u16(b, o + 64);
      if (len < 2 || len > 64 || b[o + 66] === 0) continue;
      let name = "";
      for (let i = 0; i < len / 2 - 1; i++) name += String.fromCharCode(u16(b, o + i * 2));
      names.push(name);
    }
    s = next(s);
  }
  return names;
}

function looksLikeText(b: Uint8Array): { text: string } | null {
  const head = b.subarray(0, Math.min(b.length, 65536));
  for (const x of head) if (x === 0) return null;
  let text: string;
  try {
    // a cut in the middle of a character at the end of the sample is not a reason to call it binary
    text = new TextDecoder("utf-8", { fatal: true }).decode(
      head.subarray(0, head.length - (head.length === 65536 ? 4 : 0)),
    );
  } catch {
    // GBK / GB18030 text, common for CSV saved by older Chinese software: mostly printable bytes, few controls
    let control = 0;
    for (const x of head) if (x < 9 || (x > 13 && x < 32)) control++;
    if (control > head.length / 100) return null;
    text = latin1(head, 0, head.length);
  }
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  return control > text.length / 100 ? null : { text };
}

/** CSV when most non-blank lines split into the same number (> 1) of fields on one separator. */
function isDelimited(text: string): boolean {
  const lines = text
    .replace(/^\ufeff/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .slice(0, 50);
  if (lines.length === 0) return false;
  for (const sep of [",", "\t", ";", "，"]) {
    const counts = lines.map((l) => l.split(sep).length);
    if (counts[0] < 2) continue;
    const same = counts.filter((c) => c === counts[0]).length;
    if (same >= Math.max(1, Math.ceil(lines.length * 0.8))) return true;
  }
  return false;
}

export function recogniseFile(b: Uint8Array): FileKind {
  if (b.length === 0) return "empty";
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) {
    // an ODS package starts with its uncompressed mimetype entry
    if (latin1(b, 30, 38) === "mimetype" && latin1(b, 38, 38 + 80).startsWith(ODS_MIME)) return "ods";
    const names = zipEntryNames(b);
    if (names === null) return "zip-truncated";
    const set = new Set(names.map((n) => n.toLowerCase()));
    if (set.has("mimetype") && latin1(b, 0, Math.min(b.length, 4096)).includes(ODS_MIME)) return "ods";
    if (set.has("xl/workbook.xml")) return "xlsx";
    if (set.has("xl/workbook.bin")) return "xlsb";
    // some tools name the workbook part differently; the content types say where it is
    if (set.has("[content_types].xml") && names.some((n) => /^xl\/[^/]+\.xml$/i.test(n) && /workbook/i.test(n)))
      return "xlsx";
    return "zip-other";
  }
  if (startsWith(b, CFB_SIGNATURE)) {
    const names = cfbEntryNames(b) ?? [];
    const scan = (name: string) => {
      // the structure could not be followed: look for the name as the directory stores it (UTF-16LE)
      const pat = Array.from(name).flatMap((c) => [c.charCodeAt(0), 0]);
      for (let i = 0; i + pat.length <= Math.min(b.length, 1 << 22); i++) if (startsWith(b, pat, i)) return true;
      return false;
    };
    const has = (name: string) => names.includes(name) || (names.length === 0 && scan(name));
    if (has("EncryptedPackage") || has("EncryptionInfo")) return "encrypted";
    if (has("Workbook") || has("Book")) return "xls";
    return "cfb-other";
  }
  // BIFF2–BIFF5 without a compound file: a BOF record (09 00 / 09 02 / 09 04 / 09 08) with a short length
  if (b.length >= 4 && b[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(b[1]) && b[3] === 0 && b[2] <= 20)
    return "xls";
  if (latin1(b, 0, 5) === "%PDF-") return "pdf";
  const t = looksLikeText(b);
  if (t) {
    const head = t.text
      .replace(/^\ufeff/, "")
      .trimStart()
      .slice(0, 2048)
      .toLowerCase();
    if (head.startsWith("<?xml") && head.includes("urn:schemas-microsoft-com:office:spreadsheet")) return "xml2003";
    if (/^<(!doctype html|html|table|meta)/.test(head) || head.includes("<html")) return "html";
    return isDelimited(t.text) ? "csv" : "text";
  }
  return "unknown";
}

/** The message code for a kind that cannot be read (null for xlsx). */
export function fileKindCode(kind: FileKind): string | null {
  return kind === "xlsx" ? null : `file-${kind}`;
}
