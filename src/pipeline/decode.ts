/**
 * Bytes to text. Every file either decodes to text or is refused with a reason; nothing
 * is silently dropped. TextDecoder exists in Node and in browsers, but the pipeline's
 * tsconfig has no DOM or Node types, so the little we use is declared here.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; notes: string[] }
  | { ok: false; reason: string };

/** Share of control bytes above which a file is treated as binary rather than text. */
const BINARY_CONTROL_SHARE = 0.1;

/**
 * Decodes a file's bytes. Handles UTF-8 (with or without BOM), UTF-16 with a BOM, and
 * invalid UTF-8 (decoded with replacement characters and a note). Refuses binary data.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return decodeUtf16(
      bytes.subarray(2),
      'utf-16le',
      'UTF-16 (little-endian) with a byte-order mark',
    );
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return decodeUtf16(bytes.subarray(2), 'utf-16be', 'UTF-16 (big-endian) with a byte-order mark');
  // Without a BOM, UTF-16 text is full of NUL bytes and would be refused as binary.
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    const decoded = decodeUtf16(
      bytes,
      utf16,
      `UTF-16 (${utf16 === 'utf-16le' ? 'little' : 'big'}-endian) without a byte-order mark`,
    );
    if (decoded.ok && !decoded.notes.some((n) => n.startsWith('invalid'))) return decoded;
  }
  const notes: string[] = [];
  let body = bytes;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    body = bytes.subarray(3);
    notes.push('UTF-8 byte-order mark removed');
  }
  const binary = looksBinary(body);
  if (binary) return { ok: false, reason: binary };
  try {
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body),
      encoding: 'utf-8',
      notes,
    };
  } catch {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
    // No valid multi-byte sequence at all: an 8-bit file (Latin-1, Windows-1252), not damaged
    // UTF-8. Reading it as such keeps 'Côte' instead of 'C\uFFFDte'.
    if (!hasDecodedNonAscii(text)) {
      notes.push('invalid UTF-8: read as Windows-1252 (Latin-1) instead');
      return { ok: true, text: decodeLegacy(body), encoding: 'windows-1252', notes };
    }
    const bad = countChar(text, '\uFFFD');
    notes.push(`invalid UTF-8: ${bad} byte sequence(s) replaced with U+FFFD`);
    return { ok: true, text, encoding: 'utf-8', notes };
  }
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be', note: string): Decoded {
  const notes = [note];
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    notes.push(
      `invalid ${encoding.toUpperCase()}: ${countChar(text, '\uFFFD')} sequence(s) replaced with U+FFFD`,
    );
  }
  // A binary file that happens to start with FF FE decodes to noise full of control characters.
  let control = 0;
  const sample = text.slice(0, 4096);
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0)
      return { ok: false, reason: `binary file (NUL characters as ${encoding}), not text` };
    if (c < 0x09 || (c > 0x0d && c < 0x20)) control++;
  }
  if (sample.length && control / sample.length > BINARY_CONTROL_SHARE)
    return { ok: false, reason: 'binary file (mostly control characters), not text' };
  return { ok: true, text, encoding, notes };
}

/**
 * UTF-16 without a byte-order mark: text in Latin script has a NUL in every other byte, on
 * the odd side (little-endian) or the even side (big-endian), and almost none on the other.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, 8192 - (Math.min(bytes.length, 8192) % 2));
  const pairs = sample.length / 2;
  if (pairs < 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.02) return 'utf-16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.02) return 'utf-16be';
  return null;
}

/**
 * Windows-1252 by table: some runtimes' TextDecoder('windows-1252') decodes ISO-8859-1
 * instead, which turns curly quotes and dashes (0x80-0x9F) into invisible control characters.
 */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeLegacy(body: Uint8Array): string {
  const chunks: string[] = [];
  for (let at = 0; at < body.length; at += 8192) {
    let chunk = '';
    for (const b of body.subarray(at, at + 8192))
      chunk += b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    chunks.push(chunk);
  }
  return chunks.join('');
}

function looksBinary(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, 8192);
  if (sample.length === 0) return null;
  const signature = sniffSignature(sample);
  if (signature) return `binary file (${signature}), not text`;
  let control = 0;
  for (const b of sample) {
    if (b === 0) return 'binary file (contains NUL bytes), not text';
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control / sample.length > BINARY_CONTROL_SHARE
    ? 'binary file (mostly control bytes), not text'
    : null;
}

const SIGNATURES: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
];

function sniffSignature(bytes: Uint8Array): string | null {
  for (const [name, magic] of SIGNATURES) {
    if (magic.every((b, i) => bytes[i] === b)) return name;
  }
  return null;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

function hasDecodedNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f && c !== 0xfffd) return true;
  }
  return false;
}
