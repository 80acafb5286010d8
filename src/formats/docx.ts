/** Word documents through mammoth: its raw text keeps one paragraph per block. */
import type { ExtractedArticle } from '../pipeline';

export async function readDocx(
  bytes: Uint8Array,
): Promise<{ ok: true; article: ExtractedArticle } | { ok: false; reason: string }> {
  const mammoth = (await import('mammoth')).default;
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  // mammoth's browser build reads `arrayBuffer`, its Node build `buffer`; JSZip takes either.
  const input = { arrayBuffer: buffer as ArrayBuffer, buffer: buffer as ArrayBuffer };
  let raw: string;
  try {
    raw = (await mammoth.extractRawText(input)).value;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, reason: `not a readable .docx document (${message})` };
  }
  const text = raw
    .split(/\n\s*\n/u)
    .map((p) => p.replace(/\s+/gu, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  if (!text) return { ok: false, reason: 'the .docx document has no text' };
  return {
    ok: true,
    article: {
      format: 'docx',
      text,
      title: null,
      titleFrom: null,
      outlet: null,
      outletFrom: null,
      published: null,
      publishedFrom: null,
      notes: [],
    },
  };
}
