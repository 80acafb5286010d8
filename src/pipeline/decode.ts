/**
 * Bytes to text. Every file either decodes to text or is refused with a reason; nothing
 * is silently dropped. TextDecoder exists in Node and in browsers, but the pipeline's
 * tsconfig has no DOM or Node types, so the little we use is declared here.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}

export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; notes: string[] }
  | { ok: false; reason: string };

/** Share of control bytes above which a file is treated as binary rather than text. */
const BINARY_CONTROL_SHARE = 0.1;

/**
 * Decodes a file's bytes. Handles UTF-8 (with or without BOM), UTF-16 with a BOM, and
 * invalid UTF-8 (decoded with replacement characters and a note). Refuses binary data.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      ok: true,
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
      notes: ['UTF-16 (little-endian) with a byte-order mark'],
    };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      ok: true,
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
      notes: ['UTF-16 (big-endian) with a byte-order mark'],
    };
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
    const bad = countChar(text, '\uFFFD');
    notes.push(`invalid UTF-8: ${bad} byte sequence(s) replaced with U+FFFD`);
    return { ok: true, text, encoding: 'utf-8', notes };
  }
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
