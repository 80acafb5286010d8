/**
 * PDF reports and articles through pdf.js's text layer. Lines are rebuilt from the text
 * items in content order (the order pdf.js's own text layer uses), words broken at a line end
 * are joined, and running headers, footers and page numbers (lines repeated at the top or
 * bottom of the pages) are removed. A PDF without a text layer is refused, never read as empty.
 */
import type { ExtractedArticle } from '../pipeline';

export type PdfResult = { ok: true; article: ExtractedArticle } | { ok: false; reason: string };

interface TextItemLike {
  str: string;
  transform: number[];
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  y: number;
  height: number;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | null = null;

/** pdf.js is big: it is loaded on the first PDF, not with the app. */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const g = globalThis as { pdfjsWorker?: unknown; document?: unknown; process?: unknown };
    // In a browser worker pdf.js cannot start a worker of its own: its worker code then runs
    // in this thread ("fake worker"), which it finds on globalThis.pdfjsWorker.
    if (g.document === undefined && !g.pdfjsWorker && g.process === undefined)
      g.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

/** Reads a PDF's text layer into an article. */
export async function readPdf(bytes: Uint8Array): Promise<PdfResult> {
  const pdfjs = await loadPdfJs();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') return { ok: false, reason: 'the PDF is password-protected' };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `not a readable PDF (${message})` };
  }
  try {
    const pages: Line[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(linesOf((content.items as unknown[]).filter(isTextItem)));
      page.cleanup();
    }
    const chars = pages.reduce(
      (sum, lines) => sum + lines.reduce((s, l) => s + l.text.replace(/\s/gu, '').length, 0),
      0,
    );
    if (chars === 0)
      return {
        ok: false,
        reason: `no text layer (${doc.numPages} page(s) of images: a scanned PDF needs OCR first)`,
      };
    const info = (await doc.getMetadata().catch(() => null))?.info as
      | { Title?: unknown }
      | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : null;
    const text = joinPages(removeRunningLines(pages));
    return {
      ok: true,
      article: {
        format: 'pdf',
        text,
        title,
        titleFrom: title ? 'pdf:title' : null,
        outlet: null,
        outletFrom: null,
        published: null,
        publishedFrom: null,
        notes: [],
      },
    };
  } finally {
    await doc.destroy();
  }
}

function isTextItem(item: unknown): item is TextItemLike {
  return typeof (item as TextItemLike).str === 'string';
}

/** Text items to lines: a new line where pdf.js marks one or the baseline moves. */
function linesOf(items: TextItemLike[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    const height = item.height || Math.abs(item.transform[3] ?? 0) || 10;
    if (current && Math.abs(current.y - y) > height * 0.5 && item.str.trim()) {
      lines.push(current);
      current = null;
    }
    if (item.str) {
      current ??= { text: '', y, height };
      current.text += item.str;
      current.height = Math.max(current.height, height);
    }
    if (item.hasEOL && current) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines
    .map((l) => ({ ...l, text: l.text.replace(/\s+/gu, ' ').trim() }))
    .filter((l) => l.text);
}

const PAGE_NUMBER = /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/iu;

/**
 * Running headers and footers: a line at the top or bottom of a page that recurs (digits aside)
 * on other pages, and page numbers there.
 */
function removeRunningLines(pages: Line[][]): Line[][] {
  const edge = (lines: Line[]) => [...lines.slice(0, 2), ...lines.slice(-2)];
  const shape = (text: string) => text.toLowerCase().replace(/\d+/gu, '#');
  const count = new Map<string, number>();
  for (const lines of pages)
    for (const key of new Set(edge(lines).map((l) => shape(l.text))))
      count.set(key, (count.get(key) ?? 0) + 1);
  const repeated = (text: string) => pages.length >= 2 && (count.get(shape(text)) ?? 0) >= 2;
  return pages.map((lines) => {
    const edges = new Set(edge(lines));
    return lines.filter((l) => !(edges.has(l) && (PAGE_NUMBER.test(l.text) || repeated(l.text))));
  });
}

/** Lines to paragraphs: a wide gap or a page break ends one; a hyphen at a line end is joined. */
function joinPages(pages: Line[][]): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) paragraphs.push(current.trim());
    current = '';
  };
  for (const lines of pages) {
    let prev: Line | null = null;
    for (const line of lines) {
      if (prev && Math.abs(prev.y - line.y) > Math.max(prev.height, line.height) * 1.8) flush();
      if (!current) current = line.text;
      else if (/\p{Ll}-$/u.test(current) && /^\p{Ll}/u.test(line.text))
        current = current.slice(0, -1) + line.text;
      else current += ' ' + line.text;
      prev = line;
    }
    // A paragraph that runs on over a page break continues: it ends without a full stop.
    if (/[.!?:"”’)]$/u.test(current)) flush();
  }
  flush();
  return paragraphs.join('\n\n');
}
