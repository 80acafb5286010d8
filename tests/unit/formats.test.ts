// @vitest-environment node
/**
 * Saved web pages, PDFs and Word documents: read like a reader would, with the page's
 * metadata and where it came from, and refused with a reason when there is no text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { convertFile } from '../../src/formats';
import { GraphBuilder, type InputFile } from '../../src/pipeline';
import { GraphSchema, type Graph } from '../../src/model/schema';

const PAGE = readFileSync(join(import.meta.dirname, '../fixtures/formats/saved-page.html'), 'utf8');
const bytesOf = (text: string) => new TextEncoder().encode(text);

async function graphOf(file: string, bytes: Uint8Array): Promise<Graph> {
  const converted = await convertFile(file, bytes);
  const builder = new GraphBuilder();
  if (converted.ok) builder.add(converted.input);
  else builder.skip(file, converted.reason);
  return GraphSchema.parse(builder.finish());
}

const edges = (g: Graph) => g.relations.map((r) => `${r.source} ${r.type} ${r.target}`).sort();

describe('a saved web page', () => {
  it('gives its title, date, outlet with their sources, and dated relations', async () => {
    const g = await graphOf('saved-page.html', bytesOf(PAGE));
    const [article] = g.articles;
    expect(article).toMatchObject({
      title: 'Niger and Chad agree joint border patrols',
      titleFrom: 'h1',
      outlet: 'The Lake Chad Ledger',
      outletFrom: 'og:site_name',
      published: '2024-08-05',
      publishedSource: 'header',
      publishedFrom: 'meta:article:published_time',
      format: 'html',
    });
    expect(edges(g)).toEqual(['ner alliance tcd']);
    for (const ev of g.relations.flatMap((r) => r.evidence)) {
      expect(ev.date).toBe('2024-08-05');
      // Offsets point into the extracted article text, and the quote is verbatim there.
      expect(article?.text.slice(ev.start, ev.end)).toBe(ev.quote);
    }
  });

  it('takes no actor from the Related aside, the navigation, the footer or scripts', async () => {
    const g = await graphOf('saved-page.html', bytesOf(PAGE));
    expect(g.actors.map((a) => a.id).sort()).toEqual(['ner', 'tcd']);
    expect(g.articles[0]?.text).not.toMatch(/Related|Morocco|Algeria|Sudan|Gabon|analytics/u);
  });

  it('falls back to the byline for the date and outlet, and to <title> without the site suffix', async () => {
    const page = PAGE.replace(/<meta property="og:site_name"[^>]*>/u, '')
      .replace(/<meta property="article:published_time"[^>]*>/u, '')
      .replace(/<h1>.*<\/h1>/u, '');
    const g = await graphOf('page.htm', bytesOf(page));
    expect(g.articles[0]).toMatchObject({
      title: 'Niger and Chad agree joint border patrols',
      titleFrom: 'title',
      outlet: 'Reuters',
      outletFrom: 'byline',
      published: '2024-08-05',
      publishedSource: 'header',
      publishedFrom: 'byline',
    });
  });

  it('reads JSON-LD and <time datetime> when the meta tags are missing', async () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'x' },
        {
          '@type': 'NewsArticle',
          headline: 'A headline',
          datePublished: '2023-03-02T08:00:00Z',
          publisher: { '@type': 'Organization', name: 'Desert Wire' },
        },
      ],
    });
    const page = PAGE.replace(/<meta property="og:site_name"[^>]*>/u, '')
      .replace(/<meta property="article:published_time"[^>]*>/u, '')
      .replace(/<p class="byline">.*<\/p>/u, '')
      .replace('</head>', `<script type="application/ld+json">${ld}</script></head>`);
    const g = await graphOf('ld.html', bytesOf(page));
    expect(g.articles[0]).toMatchObject({
      outlet: 'Desert Wire',
      outletFrom: 'json-ld',
      published: '2023-03-02',
      publishedFrom: 'json-ld',
    });
    const timeOnly = PAGE.replace(/<meta property="article:published_time"[^>]*>/u, '')
      .replace(/<p class="byline">.*<\/p>/u, '')
      .replace('<h1>', '<time datetime="2022-11-30">30 Nov</time><h1>');
    const t = await graphOf('time.html', bytesOf(timeOnly));
    expect(t.articles[0]).toMatchObject({ published: '2022-11-30', publishedFrom: 'time' });
  });
});

interface PdfLine {
  text: string;
  gap?: number;
}

/** A text PDF: each page's lines top-down, with a running header and a page number. */
async function makePdf(
  pages: PdfLine[][],
  header = 'SAHEL SECURITY BRIEF - 2024',
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  pages.forEach((lines, i) => {
    const page = doc.addPage([595, 842]);
    page.drawText(header, { x: 50, y: 800, size: 9, font });
    let y = 760;
    for (const line of lines) {
      y -= line.gap ?? 0;
      page.drawText(line.text, { x: 50, y, size: 11, font });
      y -= 14;
    }
    page.drawText(`Page ${i + 1} of ${pages.length}`, { x: 270, y: 30, size: 9, font });
  });
  return doc.save();
}

const BODY = [
  'Niger and Chad signed a security agreement on Monday to run joint patrols along their border.',
  'Algeria condemned Morocco over the closure of a crossing, the ministry said on Tuesday.',
];

describe('a PDF', () => {
  it('gives the same relations as its text, without running headers, page numbers or line-end hyphens', async () => {
    const pdf = await makePdf([
      [
        { text: 'Niger and Chad signed a security agreement on Monday to run joint pa-' },
        { text: 'trols along their border.' },
      ],
      [
        { text: 'Algeria condemned Morocco over the closure of a crossing, the ministry' },
        { text: 'said on Tuesday.' },
      ],
    ]);
    const g = await graphOf('brief.pdf', pdf);
    const text = await graphOf('brief.txt', bytesOf(BODY.join('\n\n')));
    expect(g.articles[0]?.format).toBe('pdf');
    expect(g.articles[0]?.text).toBe(BODY.join('\n\n'));
    expect(edges(g)).toEqual(edges(text));
    expect(edges(g).length).toBeGreaterThan(0);
    for (const ev of g.relations.flatMap((r) => r.evidence))
      expect(g.articles[0]?.text.slice(ev.start, ev.end)).toBe(ev.quote);
  });

  it('without a text layer (a scan) is named in a diagnostic, not read as empty', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    page.drawRectangle({ x: 40, y: 40, width: 500, height: 700, borderWidth: 2 });
    const g = await graphOf('scan.pdf', await doc.save());
    expect(g.articles).toEqual([]);
    expect(g.diagnostics).toEqual([
      expect.objectContaining({
        file: 'scan.pdf',
        level: 'warning',
        message: expect.stringMatching(/no text layer/u),
      }),
    ]);
  });

  it('that is damaged is named with the reason', async () => {
    const g = await graphOf('broken.pdf', bytesOf('%PDF-1.7\nthis is not really a PDF'));
    expect(g.diagnostics[0]).toMatchObject({ file: 'broken.pdf', level: 'warning' });
    expect(g.diagnostics[0]?.message).toMatch(/^skipped: not a readable PDF/u);
  });
});

describe('a .docx that is not a Word document', () => {
  it('is named with the reason', async () => {
    const g = await graphOf('notes.docx', bytesOf('plain text, not a zip'));
    expect(g.diagnostics[0]?.message).toMatch(/^skipped: not a readable \.docx document/u);
  });
});

describe('an input already converted', () => {
  it('is not read again from its bytes', () => {
    const input: InputFile = {
      file: 'x.pdf',
      content: '',
      extracted: {
        format: 'pdf',
        text: BODY[0] ?? '',
        title: null,
        titleFrom: null,
        outlet: null,
        outletFrom: null,
        published: '2024-08-05',
        publishedFrom: null,
        notes: [],
      },
    };
    const b = new GraphBuilder();
    b.add(input);
    expect(b.finish().articles[0]).toMatchObject({
      published: '2024-08-05',
      publishedSource: 'header',
    });
  });
});
