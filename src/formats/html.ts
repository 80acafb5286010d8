/**
 * Saved web pages, read the way a browser's reader mode reads them: linkedom parses the page
 * (it runs in Node and in a Web Worker, where there is no DOMParser) and Mozilla's Readability
 * picks the article. The page's metadata gives the title, the date and the outlet, each with
 * where it came from.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import * as chrono from '../pipeline/chrono';
import type { ExtractedArticle } from '../pipeline';

/** Agencies a byline names beside the author ('By Staff | Reuters | August 5, 2024'). */
const AGENCY =
  /^(?:Reuters|AFP|Agence France-Presse|AP|Associated Press|Anadolu(?: Agency)?|Xinhua|Bloomberg|dpa|EFE|ANSA|Kyodo|TASS|RIA Novosti|Interfax|PTI|APS|MAP|Sputnik)$/iu;

/** Elements that are never the article: read by no one as its text, so no actor comes from them. */
const NOT_ARTICLE =
  'script, style, noscript, template, nav, aside, footer, form, iframe, svg, [role="complementary"], [role="navigation"], [aria-hidden="true"]';

const BLOCKS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TD',
  'TH',
  'DT',
  'DD',
  'FIGCAPTION',
  'DIV',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'MAIN',
  'TR',
  'UL',
  'OL',
  'TABLE',
  'FIGURE',
  'BR',
  'HR',
]);

interface Found {
  value: string;
  from: string;
}

/** Reads a saved web page (its decoded text) into an article with metadata. */
export function readHtmlPage(html: string): ExtractedArticle {
  const { document } = parseHTML(html);
  const meta = (key: string): string | null => {
    for (const el of document.querySelectorAll('meta')) {
      const name = el.getAttribute('property') ?? el.getAttribute('name') ?? '';
      const content = el.getAttribute('content')?.trim();
      if (name.toLowerCase() === key && content) return content;
    }
    return null;
  };
  const ld = jsonLd(document.querySelectorAll('script[type="application/ld+json"]'));
  const h1 = clean(document.querySelector('h1')?.textContent ?? '');
  const siteName = meta('og:site_name') ?? meta('application-name');
  const pageTitle = clean(document.querySelector('title')?.textContent ?? '');

  const bylineText = findByline(document);
  const byline = bylineText ? parseByline(bylineText) : null;

  const title = first<Found>([
    meta('og:title') && { value: clean(meta('og:title') ?? ''), from: 'og:title' },
    h1 && { value: h1, from: 'h1' },
    pageTitle && { value: stripSiteSuffix(pageTitle, siteName), from: 'title' },
    ld.headline && { value: ld.headline, from: 'json-ld' },
  ]);
  const published = first<Found>([
    isoDay(meta('article:published_time')) && {
      value: isoDay(meta('article:published_time')) ?? '',
      from: 'meta:article:published_time',
    },
    isoDay(ld.datePublished) && { value: isoDay(ld.datePublished) ?? '', from: 'json-ld' },
    isoDay(meta('date') ?? meta('dc.date') ?? meta('pubdate')) && {
      value: isoDay(meta('date') ?? meta('dc.date') ?? meta('pubdate')) ?? '',
      from: 'meta:date',
    },
    timeDatetime(document) && { value: timeDatetime(document) ?? '', from: 'time' },
    byline?.date && { value: byline.date, from: 'byline' },
  ]);
  const outlet = first<Found>([
    siteName && { value: clean(siteName), from: 'og:site_name' },
    ld.publisher && { value: ld.publisher, from: 'json-ld' },
    byline?.agency && { value: byline.agency, from: 'byline' },
  ]);

  for (const el of document.querySelectorAll(NOT_ARTICLE)) el.remove();
  // Readability changes the document it reads; the metadata above was taken first.
  // Readability is typed against the DOM; linkedom's document is a DOM document in all it uses.
  const parsed = new Readability(document as unknown as Document, {
    keepClasses: false,
  }).parse();
  let paragraphs: string[];
  if (parsed?.content) paragraphs = blockTexts(parseHTML(parsed.content).document.documentElement);
  else paragraphs = blockTexts(document.body ?? document.documentElement);
  // The byline is the page's header, not the story: Readability usually drops it; if not, here.
  if (bylineText) paragraphs = paragraphs.filter((p) => p !== bylineText);
  if (title && paragraphs[0] !== title.value) paragraphs.unshift(title.value);
  const notes: ExtractedArticle['notes'] = [];
  if (!parsed)
    notes.push({ level: 'info', message: 'no article found by reader mode: page body read' });
  return {
    format: 'html',
    text: paragraphs.join('\n\n'),
    title: title?.value ?? null,
    titleFrom: title?.from ?? null,
    outlet: outlet?.value ?? null,
    outletFrom: outlet?.from ?? null,
    published: published?.value ?? null,
    publishedFrom: published?.from ?? null,
    notes,
  };
}

function first<T>(candidates: Array<T | null | undefined | '' | false>): T | null {
  for (const c of candidates) if (c) return c;
  return null;
}

function clean(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** 'Mali and Russia sign pact | Sahel Daily' → 'Mali and Russia sign pact'. */
function stripSiteSuffix(title: string, siteName: string | null): string {
  const parts = title.split(/\s+[|–—-]\s+|\s+::\s+/u);
  if (parts.length < 2) return title;
  const last = clean(parts[parts.length - 1] ?? '');
  const rest = parts.slice(0, -1).join(' - ');
  // Strip the suffix when it is the site's name, or short enough to be one.
  if (
    (siteName && last.toLowerCase() === clean(siteName).toLowerCase()) ||
    last.split(' ').length <= 4
  )
    return clean(rest);
  return title;
}

/**
 * A publication time as the day it names, in its own time zone: '2024-08-05T22:10:00-04:00'
 * is 5 August where it was published.
 */
function isoDay(value: string | null | undefined): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/u.exec(value ?? '');
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function timeDatetime(document: ReturnType<typeof parseHTML>['document']): string | null {
  const scope = document.querySelector('article') ?? document;
  for (const el of scope.querySelectorAll('time[datetime]')) {
    const day = isoDay(el.getAttribute('datetime'));
    if (day) return day;
  }
  return null;
}

interface LdFacts {
  headline: string | null;
  datePublished: string | null;
  publisher: string | null;
}

/** The article's facts from JSON-LD blocks (one object, an array, or an @graph of objects). */
function jsonLd(scripts: Iterable<{ textContent: string | null }>): LdFacts {
  const facts: LdFacts = { headline: null, datePublished: null, publisher: null };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (Array.isArray(o['@graph'])) visit(o['@graph']);
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? clean(v) : null);
    if (o.datePublished !== undefined || o.headline !== undefined) {
      facts.headline ??= str(o.headline);
      facts.datePublished ??= str(o.datePublished);
      const pub = o.publisher;
      facts.publisher ??=
        str(pub) ??
        (pub && typeof pub === 'object' && !Array.isArray(pub)
          ? str((pub as Record<string, unknown>).name)
          : null);
    }
  };
  for (const s of scripts) {
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      // A broken JSON-LD block gives no facts; the page's other metadata still does.
    }
  }
  return facts;
}

type Node = ReturnType<typeof parseHTML>['document']['documentElement'];

/** The page's byline: an element marked as one, else a short 'By …' line near the top. */
function findByline(document: ReturnType<typeof parseHTML>['document']): string | null {
  const marked = document.querySelector(
    '[class*="byline" i], [rel="author"], [itemprop="author"], [class*="dateline" i]',
  );
  const text = clean(marked?.textContent ?? '');
  if (text && text.length < 160) return text;
  for (const el of document.querySelectorAll('p, div, span')) {
    const t = clean(el.textContent ?? '');
    if (/^By\s/u.test(t) && t.length < 160 && /[|·•]/u.test(t)) return t;
  }
  return null;
}

/** 'By Staff | Reuters | August 5, 2024' → the agency and the day. */
function parseByline(text: string): { agency: string | null; date: string | null } {
  let agency: string | null = null;
  let date: string | null = null;
  for (const raw of text.split(/\s*[|·•]\s*/u)) {
    const part = raw.replace(/^By\s+/iu, '').trim();
    if (!part) continue;
    const parsed = chrono.strict.parse(part)[0];
    if (
      !date &&
      parsed &&
      parsed.start.isCertain('year') &&
      parsed.start.isCertain('month') &&
      parsed.start.isCertain('day')
    ) {
      const y = parsed.start.get('year') ?? 0;
      const m = parsed.start.get('month') ?? 0;
      const d = parsed.start.get('day') ?? 0;
      date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      continue;
    }
    if (!agency && AGENCY.test(part)) agency = part;
  }
  return { agency, date };
}

/** The text of each block of the article, in order; inline markup joined into its block. */
function blockTexts(root: Node): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    const t = clean(current);
    if (t) out.push(t);
    current = '';
  };
  const walk = (node: Node): void => {
    for (const child of node.childNodes as unknown as Node[]) {
      if (child.nodeType === 3) current += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const block = BLOCKS.has(child.tagName);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return out;
}
