/**
 * The corpus: articles in, graph out. Articles are added one at a time (so a CLI can stream
 * files and drop each file's bytes once read); `finish` resolves what needs the whole corpus:
 * duplicates, inferred article dates, the focus region, and the sorted, deterministic graph.
 */
import { decodeBytes } from './decode';
import { readArticle, type ReadArticle } from './article';
import { splitSentences } from './sentences';
import { findDates, type DateExpression } from './dates';
import {
  eventReport,
  inferArticleDates,
  ownBounds,
  type EventReport,
  type OwnBounds,
} from './infer-dates';
import {
  discoveryNote,
  findMentions,
  noteDiscourse,
  type Discourse,
  type DiscoveredOrg,
} from './mentions';
import { countIndependentSources, syndicationGroups, textSignature } from './syndication';
import { extractRelations, type FoundRelation } from './relations';
import { getLexicon, type Lexicon } from './lexicon';
import type {
  Actor,
  ActorType,
  Article,
  DateBasis,
  Diagnostic,
  Evidence,
  Graph,
  Relation,
} from '../model/schema';

export interface PipelineOptions {
  /** Continent ('Africa', 'Europe', …) whose states are typed 'state'; others are 'foreign_power'. Default: the continent the corpus mentions most. */
  focusRegion?: string | null;
  /** Called as each stage of `finish` ends, with its name: for timing them (`--timings`). */
  onPhase?: (phase: string) => void;
}

/**
 * An article another reader already took out of its file (a saved web page through reader
 * mode, a PDF's text layer, a Word document), with the metadata that reader found and where.
 * Its evidence offsets point into `text`: a file offset means nothing in those formats.
 */
export interface ExtractedArticle {
  format: 'html' | 'pdf' | 'docx';
  text: string;
  title: string | null;
  titleFrom: string | null;
  outlet: string | null;
  outletFrom: string | null;
  /** 'YYYY-MM-DD' from the page's metadata or byline: the article's header date. */
  published: string | null;
  publishedFrom: string | null;
  notes: Array<{ level: Diagnostic['level']; message: string }>;
}

export interface InputFile {
  file: string;
  content: Uint8Array | string;
  /** Set when the file was converted before (HTML, PDF, docx): then `content` is not read. */
  extracted?: ExtractedArticle;
}

/**
 * What one file gives, independent of every other file: the per-article map of the pipeline.
 * Plain JSON (no Map, no class), so it can cross a worker boundary or sit in a cache; the
 * corpus merge (`GraphBuilder.merge`, then `finish`) does everything that needs the whole corpus.
 */
export interface ArticleExtraction {
  file: string;
  diagnostics: Diagnostic[];
  record: StoredRecord | null;
  /** Organisations the article's discovery registered, in registration order. */
  orgs: DiscoveredOrg[];
}

/** What a relation is, without its evidence: the key its evidence is merged under. */
export type RelationHead = Pick<Relation, 'source' | 'target' | 'type' | 'polarity'>;

/** One item of a relation's evidence, as sorting needs it: its article and where it starts. */
export interface EvidenceRef {
  articleId: string;
  start: number;
}

/** One piece of an article's evidence and the relation it supports. */
export interface Contributed<E extends EvidenceRef> {
  relation: RelationHead;
  evidence: E;
}

/** An article as the corpus stages leave it: what its evidence depends on besides its extraction. */
export interface ResolvedArticle {
  id: string;
  file: string;
  published: string | null;
  publishedSource: Article['publishedSource'];
}

type RelationWith<E extends EvidenceRef> = Omit<Relation, 'evidence'> & { evidence: E[] };

/** A graph whose evidence items are `E`: `Graph` itself when `E` is `Evidence`. */
export type GraphWith<E extends EvidenceRef> = Omit<Graph, 'relations'> & {
  relations: Array<RelationWith<E>>;
};

type StoredRecord = Omit<ArticleRecord, 'surfaces' | 'mentionCount'> & {
  surfaces: Array<[string, string[]]>;
  mentionCount: Array<[string, number]>;
};

type SourceFields = Pick<Article, 'format' | 'titleFrom' | 'outletFrom' | 'publishedFrom'>;

/**
 * A relation one sentence states, as the merge needs it: the evidence's mentions are taken
 * out of the sentence's mentions here, and with a header date its evidence date is settled
 * too (it cannot change in `finish`). Small, because every one of them is cached.
 */
interface Finding {
  source: string;
  target: string;
  type: FoundRelation['type'];
  polarity: FoundRelation['polarity'];
  trigger: string;
  triggerStart: number;
  mentions: Array<{ actorId: string; start: number; end: number }>;
  /** Set when the article's date was known when it was read. */
  dated?: { date: string | null; dateBasis: DateBasis | null };
}

export interface SentenceFacts {
  start: number;
  end: number;
  quote: string;
  relations: Finding[];
  /**
   * For an article without a header date, the sentence's dates with no date to resolve them
   * against, found once in `read`: `finish` uses them when no date is inferred for the article
   * either, and finds them again against an inferred one. Null for a dated article (its
   * findings carry their dates).
   */
  dates: DateExpression[] | null;
}

interface ArticleRecord {
  id: string;
  file: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  publishedSource: Article['publishedSource'];
  text: string;
  fingerprint: string;
  /** Hash and length of the whole file text: orders inputs that share a file name. */
  source: string;
  facts: SentenceFacts[];
  /** Sentences that report events, with their temporal cues: what `inferArticleDates` matches. */
  events: EventReport[];
  datelineDay: { month: number; day: number } | null;
  surfaces: Map<string, Set<string>>;
  mentionCount: Map<string, number>;
  /** Only for converted formats: the format and where each piece of metadata came from. */
  sources?: SourceFields;
  /**
   * Per-article inputs of the corpus stages, made here so that they are made on every core and
   * cached: the text's MinHash signature (syndication) and, for an article without a date,
   * what its own text bounds (date inference). Absent in records made elsewhere: then `finish`
   * computes them.
   */
  signature?: number[] | null;
  bounds?: OwnBounds;
}

/**
 * The parts of a record that a cache can hold back and hand over on demand: its sentence facts
 * and its text, the bulk of an extraction. Each may throw (a damaged entry).
 */
export interface LazyParts {
  facts: () => SentenceFacts[];
  text: () => string;
}

/**
 * A record in the builder. With lazy parts, its sentence facts are loaded on demand and its
 * `text` is an accessor that loads the text the first time it is read.
 */
type MergedRecord = Omit<StoredRecord, 'facts'> & {
  facts: SentenceFacts[] | null;
  lazy: LazyParts | null;
};

/** Makes `target.text` an enumerable accessor reading `load()` once. */
function defineLazyText(target: { text: string }, load: () => string): void {
  let text: string | null = null;
  Object.defineProperty(target, 'text', {
    enumerable: true,
    configurable: true,
    get: () => (text ??= load()),
  });
}

/** Sentences after an attack in which 'condemned the attack' still refers to it. */
const ATTACK_REACH = 3;
const SUPPORTED = /\.(?:txt|md|markdown|html?|xhtml)$/iu;

/** FNV-1a, 32 bits, as 8 hex digits: stable short ids that do not depend on input order. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** `hash(text.replace(/\s+/gu, ' '))` in one pass, without building the collapsed copy. */
export function hashCollapsed(text: string): string {
  let h = 0x811c9dc5;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceUnit(c)) {
      if (inSpace) continue;
      inSpace = true;
      h ^= 32;
    } else {
      inSpace = false;
      h ^= c;
    }
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Whether a UTF-16 unit is in `\s` (all of its members are BMP characters). */
function isSpaceUnit(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'article'
  );
}

export function articleIdFor(file: string): string {
  return `${slug(file.replace(/\.[^.]+$/u, ''))}-${hash(file)}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The per-article step: one file in, its extraction out. Pure: it reads nothing but its input
 * and the built-in dictionaries, so files can be extracted in any order, on any core, or
 * taken from a cache.
 */
export function extractArticle(input: InputFile): ArticleExtraction {
  const { file } = input;
  const out: ArticleExtraction = { file, diagnostics: [], record: null, orgs: [] };
  const diagnostics = out.diagnostics;
  const extracted = input.extracted;
  let text: string;
  if (extracted) {
    text = extracted.text;
    for (const note of extracted.notes) diagnostics.push({ file, ...note });
    if (!text.trim()) {
      diagnostics.push({
        file,
        level: 'warning',
        message: `skipped: no article text found in the ${extracted.format === 'html' ? 'page' : 'document'}`,
      });
      return out;
    }
  } else {
    if (!SUPPORTED.test(file)) {
      diagnostics.push({
        file,
        level: 'info',
        message: 'skipped: not a .txt, .md or .html file',
      });
      return out;
    }
    if (typeof input.content === 'string') text = input.content.replace(/^\uFEFF/u, '');
    else {
      const decoded = decodeBytes(input.content);
      if (!decoded.ok) {
        diagnostics.push({ file, level: 'warning', message: `skipped: ${decoded.reason}` });
        return out;
      }
      text = decoded.text;
      for (const note of decoded.notes)
        diagnostics.push({
          file,
          level: note.startsWith('invalid') ? 'warning' : 'info',
          message: note,
        });
    }
    if (!text.trim()) {
      diagnostics.push({
        file,
        level: 'warning',
        message: 'skipped: the file is empty or only white space',
      });
      return out;
    }
  }
  const orgs = new Map<string, DiscoveredOrg>();
  try {
    const record = readRecord(getLexicon(), orgs, diagnostics, file, text, extracted ?? null);
    out.record = {
      ...record,
      surfaces: [...record.surfaces].map(([id, set]) => [id, [...set]]),
      mentionCount: [...record.mentionCount],
    };
    out.orgs = [...orgs.values()];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    diagnostics.push({
      file,
      level: 'error',
      message: `skipped: could not be read (${reason})`,
    });
  }
  return out;
}

function readRecord(
  lex: Lexicon,
  orgs: Map<string, DiscoveredOrg>,
  diagnostics: Diagnostic[],
  file: string,
  fileText: string,
  extracted: ExtractedArticle | null,
): ArticleRecord {
  const isHtml =
    !extracted && (/\.x?html?$/iu.test(file) || /^\s*<(?:!doctype html|html)\b/iu.test(fileText));
  const read = readArticle(fileText, isHtml);
  // A converted file's metadata (the page's meta tags, its byline) is its header; what the
  // text itself says comes second. Its text is the extracted article as a whole, so evidence
  // offsets point into `articles[].text`.
  const article = extracted ? withPageMetadata(read, extracted, fileText) : read;
  const sentences = splitSentences(article.work);
  const discourse: Discourse = { lists: [], lastOfType: new Map() };
  const articleOrgAliases = new Map<string, string>();
  const record: ArticleRecord = {
    id: articleIdFor(file),
    file,
    title: article.title,
    outlet: article.outlet,
    published: article.published,
    publishedSource: article.publishedSource,
    text: article.text,
    fingerprint: hashCollapsed(article.text) + ':' + article.text.length,
    source: hash(fileText) + ':' + fileText.length,
    facts: [],
    events: [],
    datelineDay: article.datelineDay,
    surfaces: new Map(),
    mentionCount: new Map(),
  };
  if (extracted)
    record.sources = {
      format: extracted.format,
      titleFrom: extracted.title ? extracted.titleFrom : read.title ? 'text' : null,
      outletFrom: extracted.outlet ? extracted.outletFrom : read.outlet ? 'text' : null,
      publishedFrom: extracted.published ? extracted.publishedFrom : read.published ? 'text' : null,
    };
  let attackTargets: string[] = [];
  // Who attacked, and in which sentence: 'the attack' refers back only a few sentences.
  let attackAgents: string[] = [];
  let attackAgentsAt = -Infinity;
  let sentenceNo = 0;
  let topic: string[] | null = null;
  let suppressed = 0;
  /** Findings read from talks, a meeting or a call. */
  const talks: Finding[] = [];
  const typeOf = (id: string) =>
    lex.actors.get(id)?.type ?? (orgs.has(id) ? (orgs.get(id)?.type ?? 'organization') : 'country');
  for (const s of sentences) {
    sentenceNo++;
    const mentions = findMentions(
      article.work,
      s.start,
      s.end,
      lex,
      article.published,
      discourse,
      orgs,
      articleOrgAliases,
    );
    if (!mentions.length) continue;
    for (const m of mentions) {
      for (const id of m.actorIds) {
        record.mentionCount.set(id, (record.mentionCount.get(id) ?? 0) + 1);
        if (m.actorIds.length === 1 && m.kind === 'actor' && !m.collective) {
          const surfaces = record.surfaces.get(id) ?? new Set<string>();
          for (const surface of m.parts ?? [m.surface]) surfaces.add(aliasForm(surface));
          record.surfaces.set(id, surfaces);
        }
      }
    }
    const result = extractRelations(article.work, s.start, s.end, mentions, {
      priorAttackTargets: attackTargets,
      priorAttackAgents: sentenceNo - attackAgentsAt <= ATTACK_REACH ? attackAgents : [],
      actorTypeOf: typeOf,
      topic,
    });
    topic = result.topic;
    suppressed += result.suppressed;
    if (result.attackTargets.length) attackTargets = result.attackTargets;
    if (result.attackAgents.length) {
      attackAgents = result.attackAgents;
      attackAgentsAt = sentenceNo;
    }
    const quote = fileText.slice(s.start, s.end);
    // Every fact's dates are needed in `finish`; with a header date they cannot change, so
    // chrono reads each sentence once, here.
    // Against the header date, or with none: an undated article's sentences keep theirs, for
    // `finish` to use unless a date is inferred for the article (then they are found again).
    const factDates = result.relations.length ? findDates(quote, article.published) : null;
    if (result.relations.length) {
      const fact: SentenceFacts = {
        start: s.start,
        end: s.end,
        quote,
        relations: result.relations.map(findingOf),
        dates: article.published ? null : factDates,
      };
      if (factDates && article.published)
        for (const f of fact.relations) f.dated = evidenceDate(factDates, f, fact, record);
      record.facts.push(fact);
      for (const [k, r] of result.relations.entries())
        if (r.talks) talks.push(fact.relations[k] as Finding);
    }
    noteDiscourse(discourse, mentions, typeOf, article.work);
    if (result.relations.length) {
      const event = eventReport(
        quote,
        [...new Set(mentions.flatMap((m) => m.actorIds))].sort(compare),
        result.relations.map((r) => r.type),
        factDates ?? [],
        article.published,
      );
      // A dated article's report serves date inference only where it gives a day.
      if (!article.published || event.day) record.events.push(event);
    }
  }
  neutralTalksAtWar(record.facts, talks);
  record.signature = textSignature(record.text);
  if (!record.published) record.bounds = ownBounds(record.text);
  const discovered = discoveryNote(discourse);
  if (discovered) diagnostics.push({ file, level: 'info', message: discovered });
  if (suppressed)
    diagnostics.push({
      file,
      level: 'info',
      message: `${suppressed} negated or hedged statement(s) left out of the graph`,
    });
  if (!record.facts.length)
    diagnostics.push({
      file,
      level: 'info',
      message: 'read, but no relation between known actors was found',
    });
  return record;
}

function withPageMetadata(
  read: ReadArticle,
  extracted: ExtractedArticle,
  fileText: string,
): ReadArticle {
  const published = extracted.published ?? read.published;
  return {
    ...read,
    title: extracted.title ?? read.title,
    outlet: extracted.outlet ?? read.outlet,
    published,
    publishedSource: extracted.published ? 'header' : read.publishedSource,
    text: fileText,
  };
}

export class GraphBuilder {
  private readonly lex: Lexicon = getLexicon();
  private readonly records: MergedRecord[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly orgs = new Map<string, DiscoveredOrg>();

  constructor(private readonly options: PipelineOptions = {}) {}

  /**
   * Records a file that the caller could not hand over (unreadable, too big, a folder), so that
   * every input is accounted for in the graph's diagnostics.
   */
  skip(file: string, reason: string, level: Diagnostic['level'] = 'warning'): void {
    this.diagnostics.push({ file, level, message: `skipped: ${reason}` });
  }

  /** Adds one input file. Never throws for bad content: it records a diagnostic instead. */
  add(input: InputFile): void {
    this.merge(extractArticle(input));
  }

  /**
   * Adds one file's extraction, made here or elsewhere (a worker, a cache). Merging the same
   * extractions in the same order gives the same graph wherever they were made. `lazy`, when
   * given, supplies the record's sentence facts and text on demand (a cache that decodes them
   * only for an article whose evidence or entry it cannot hand back already made);
   * `record.facts` and `record.text` are then not read.
   */
  merge(extraction: ArticleExtraction, lazy?: LazyParts): void {
    this.diagnostics.push(...extraction.diagnostics);
    for (const org of extraction.orgs) {
      const seen = this.orgs.get(org.id);
      // The same name for every order of input files: the first in code-unit order.
      if (!seen) this.orgs.set(org.id, { ...org });
      else if (org.name < seen.name) {
        const type = seen.type ?? org.type;
        this.orgs.set(
          org.id,
          type ? { id: org.id, name: org.name, type } : { id: org.id, name: org.name },
        );
      } else if (!seen.type && org.type) this.orgs.set(org.id, { ...seen, type: org.type });
    }
    const r = extraction.record;
    if (!r) return;
    const record: MergedRecord = {
      ...r,
      facts: lazy ? null : r.facts,
      lazy: lazy ?? null,
    };
    if (lazy) defineLazyText(record, lazy.text);
    this.records.push(record);
  }

  /** Resolves corpus-wide facts and returns the graph, sorted and deterministic. */
  finish(): Graph {
    return this.finishWith((_article, own) => own());
  }

  /**
   * `finish`, with each live article's evidence made by `evidenceOf`. It is handed the article
   * as the corpus stages left it (its id and date settled) and `own`, which makes the article's
   * evidence; it may return instead what it kept of an earlier run for an article in the same
   * state (the command line keeps the bytes it wrote, see src/cli/blocks.ts). Its evidence
   * must depend on nothing but the article's extraction, id and date, as `own`'s does.
   */
  finishWith<E extends EvidenceRef>(
    evidenceOf: (
      article: ResolvedArticle,
      own: () => Array<Contributed<Evidence>>,
    ) => Array<Contributed<E>>,
  ): GraphWith<E> {
    const records = [...this.records].sort(
      (a, b) => compare(a.file, b.file) || compare(a.source, b.source),
    );
    // Two inputs with one name (dropped from two folders) must not share an id.
    const ids = new Set<string>();
    for (const r of records) {
      let id = r.id;
      for (let n = 2; ids.has(id); n++) id = `${r.id}-${n}`;
      r.id = id;
      ids.add(id);
    }
    const diagnostics = [...this.diagnostics];
    const phase = this.options.onPhase ?? (() => {});
    phase('finish: sort, ids');

    const byFingerprint = new Map<string, MergedRecord[]>();
    const duplicateOf = new Map<string, string>();
    for (const r of records) {
      // The fingerprint is a 32-bit hash: a match is confirmed on the text, or two different
      // articles could collide and one lose its evidence. A page with no body left after
      // boilerplate removal is nobody's copy (its fingerprint ends in its length, 0; the text
      // itself is read only for the fingerprints two articles share).
      if (r.fingerprint.endsWith(':0')) continue;
      const same = byFingerprint.get(r.fingerprint) ?? [];
      const first = same.find((o) => sameBody(o.text, r.text));
      if (first) {
        duplicateOf.set(r.id, first.id);
        diagnostics.push({
          file: r.file,
          level: 'info',
          message: `duplicate of ${first.file}: its evidence is counted once, under ${first.file}`,
        });
      } else byFingerprint.set(r.fingerprint, [...same, r]);
    }
    const live = records.filter((r) => !duplicateOf.has(r.id));
    phase('finish: exact duplicates');
    const byId = new Map(live.map((r) => [r.id, r]));
    for (const inferred of inferArticleDates(live)) {
      diagnostics.push(inferred.diagnostic);
      const r = byId.get(inferred.id);
      if (r && inferred.date) {
        r.published = inferred.date;
        r.publishedSource = 'inferred';
      }
    }

    phase('finish: inferred dates');
    const focusRegion = this.options.focusRegion ?? this.mostMentionedRegion(live);
    const relations = new Map<string, RelationWith<E>>();
    const used = new Set<string>();
    for (const r of live) {
      const article: ResolvedArticle = {
        id: r.id,
        file: r.file,
        published: r.published,
        publishedSource: r.publishedSource,
      };
      for (const { relation: head, evidence } of evidenceOf(article, () => evidenceOfRecord(r))) {
        const key = `${head.source}|${head.target}|${head.type}|${head.polarity}`;
        let relation = relations.get(key);
        if (!relation) {
          relation = {
            id: `${head.source}--${head.type}--${head.polarity}--${head.target}`,
            source: head.source,
            target: head.target,
            type: head.type,
            polarity: head.polarity,
            evidence: [],
          };
          relations.set(key, relation);
          used.add(head.source);
          used.add(head.target);
        }
        relation.evidence.push(evidence);
      }
    }
    const sortedRelations = [...relations.values()]
      .map((rel) => ({
        ...rel,
        evidence: rel.evidence.sort(
          (a, b) => compare(a.articleId, b.articleId) || a.start - b.start,
        ),
      }))
      .sort((a, b) => compare(a.id, b.id));
    phase('finish: relation merge');

    const actors = this.actors(live, used, focusRegion);
    diagnostics.sort(
      (a, b) =>
        compare(a.file, b.file) || compare(a.level, b.level) || compare(a.message, b.message),
    );
    phase('finish: actors, diagnostics');
    // Syndicated copies (near-duplicate text) are one independent source: ./syndication. A
    // text the cache holds back stays there until it is read: by syndication, for a candidate
    // copy, and by the writer, for an article whose entry is not kept.
    const copyOf = syndicationGroups(
      records.map((r) => ({
        id: r.id,
        duplicateOf: duplicateOf.get(r.id) ?? null,
        get text() {
          return r.text;
        },
      })),
      phase,
      records.map((r) => r.signature),
    );
    // The text is the record's, read through: JSON.stringify, spreads and clones read it as
    // they would a plain field.
    const articles: Article[] = records.map((r) => ({
      id: r.id,
      file: r.file,
      title: r.title,
      outlet: r.outlet,
      published: r.published,
      publishedSource: r.publishedSource,
      get text() {
        return r.text;
      },
      duplicateOf: duplicateOf.get(r.id) ?? null,
      ...r.sources,
      copyOf: copyOf.get(r.id) ?? null,
    }));
    const graph = countIndependentSources({
      schemaVersion: 1 as const,
      focusRegion,
      articles,
      actors,
      relations: sortedRelations,
      diagnostics,
    });
    phase('finish: articles, independent sources');
    return graph;
  }

  private mostMentionedRegion(records: MergedRecord[]): string | null {
    const counts = new Map<string, number>();
    for (const r of records) {
      for (const [id, n] of r.mentionCount) {
        const region = this.lex.actors.get(id)?.region;
        if (region) counts.set(region, (counts.get(region) ?? 0) + n);
      }
    }
    let best: [string, number] | null = null;
    for (const entry of [...counts.entries()].sort((a, b) => compare(a[0], b[0])))
      if (!best || entry[1] > best[1]) best = entry;
    return best?.[0] ?? null;
  }

  private actors(records: MergedRecord[], used: Set<string>, focusRegion: string | null): Actor[] {
    const surfaces = new Map<string, Set<string>>();
    // Lists, not sets: each live record has its own id and names each actor once.
    const articleIds = new Map<string, string[]>();
    for (const r of records) {
      for (const [id] of r.mentionCount) {
        const list = articleIds.get(id);
        if (list) list.push(r.id);
        else articleIds.set(id, [r.id]);
      }
      for (const [id, s] of r.surfaces) {
        const set = surfaces.get(id) ?? new Set<string>();
        for (const x of s) set.add(x);
        surfaces.set(id, set);
      }
    }
    const ids = new Set([...used, ...articleIds.keys()]);
    const out: Actor[] = [];
    for (const id of ids) {
      const known = this.lex.actors.get(id);
      const org = this.orgs.get(id);
      const name = known?.name ?? org?.name ?? id;
      let type: ActorType = org?.type ?? 'organization';
      if (known)
        type =
          known.type === 'country'
            ? known.region === focusRegion
              ? 'state'
              : 'foreign_power'
            : known.type;
      const aliases = [...new Set([...(known?.knownAliases ?? []), ...(surfaces.get(id) ?? [])])]
        .filter((a) => a !== name)
        .sort(compare);
      out.push({
        id,
        name,
        type,
        aliases,
        articleIds: (articleIds.get(id) ?? []).sort(compare),
      });
    }
    return out.sort((a, b) => compare(a.id, b.id));
  }
}

/**
 * Talks between two sides the same article reports fighting each other are a negotiation
 * between enemies, not cooperation: their diplomatic engagement is neutral (the contract's
 * 'cooperative (or neutral)'). A deal they sign is still cooperation.
 */
function neutralTalksAtWar(facts: SentenceFacts[], talks: Finding[]): void {
  if (!talks.length) return;
  const pair = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const atWar = new Set<string>();
  for (const f of facts)
    for (const r of f.relations)
      if (r.type === 'armed_conflict') atWar.add(pair(r.source, r.target));
  for (const r of talks)
    if (r.type === 'diplomatic_engagement' && atWar.has(pair(r.source, r.target)))
      r.polarity = 'neutral';
}

/**
 * One live article's evidence, relation by relation, in the order of its sentences: a function
 * of its extraction, its id and its (possibly inferred) date, and of nothing else in the corpus.
 */
function evidenceOfRecord(r: MergedRecord): Array<Contributed<Evidence>> {
  const out: Array<Contributed<Evidence>> = [];
  // A set, not a scan of the evidence so far: one big article can give one relation tens of
  // thousands of sentences.
  const seen = new Set<string>();
  r.facts ??= r.lazy?.facts() ?? [];
  for (const fact of r.facts) {
    let dates: DateExpression[] | null = null;
    for (const found of fact.relations) {
      const { date, dateBasis } =
        found.dated ??
        evidenceDate(
          (dates ??=
            r.published === null && fact.dates ? fact.dates : findDates(fact.quote, r.published)),
          found,
          fact,
          r,
        );
      const evidenceKey = `${found.source}|${found.target}|${found.type}|${found.polarity}|${fact.start}`;
      if (seen.has(evidenceKey)) continue;
      seen.add(evidenceKey);
      out.push({
        relation: {
          source: found.source,
          target: found.target,
          type: found.type,
          polarity: found.polarity,
        },
        evidence: {
          articleId: r.id,
          quote: fact.quote,
          start: fact.start,
          end: fact.end,
          date,
          dateBasis,
          trigger: found.trigger,
          mentions: found.mentions.map((m) => ({ ...m })),
        },
      });
    }
  }
  return out;
}

/** What opens a deadline: 'by', 'by the end of', 'no later than', 'until'. */
const DEADLINE_BEFORE =
  /\b(?:by|until|till|no later than)\s+(?:the\s+)?(?:(?:end|middle|start|beginning|close)\s+of\s+(?:the\s+)?)?$/iu;

/** The date of one relation's evidence: the sentence's date expression nearest its trigger, else the article's. */
function evidenceDate(
  dates: DateExpression[],
  found: Pick<Finding, 'triggerStart'>,
  fact: Pick<SentenceFacts, 'start' | 'quote'>,
  r: Pick<ArticleRecord, 'published' | 'publishedSource'>,
): { date: string | null; dateBasis: DateBasis | null } {
  const pos = found.triggerStart - fact.start;
  // A date inside a relative clause the trigger is not in (', which seized power in 2021,') dates that clause.
  const clauses = [...fact.quote.matchAll(/,\s*(?:which|who|whose)\b[^,]*(?:,|$)/giu)].map(
    (m) => [m.index, m.index + m[0].length] as const,
  );
  const outside = (d: DateExpression) =>
    clauses.every(([a, b]) => d.start < a || d.end > b || (pos >= a && pos < b));
  // 'announced in November that troops would leave by the end of 2025': a deadline is a
  // target, not when it happened, unless the sentence has no other date.
  const candidates = dates.filter(outside);
  const events = candidates.filter((d) => !DEADLINE_BEFORE.test(fact.quote.slice(0, d.start)));
  let best: DateExpression | null = null;
  for (const d of events.length ? events : candidates) {
    const dist = d.start >= pos ? d.start - pos : pos - d.end;
    const bestDist = best ? (best.start >= pos ? best.start - pos : pos - best.end) : Infinity;
    if (dist < bestDist) best = d;
  }
  if (best) {
    if (best.value === null) return { date: null, dateBasis: null };
    const basis: DateBasis =
      best.basis === 'relative' && r.publishedSource === 'inferred' ? 'inferred' : best.basis;
    return { date: best.value, dateBasis: basis };
  }
  if (!r.published) return { date: null, dateBasis: null };
  return {
    date: r.published,
    dateBasis: r.publishedSource === 'inferred' ? 'inferred' : 'published',
  };
}

/** The part of a found relation that the merge needs, with its evidence's mentions. */
function findingOf(found: FoundRelation): Finding {
  return {
    source: found.source,
    target: found.target,
    type: found.type,
    polarity: found.polarity,
    trigger: found.trigger,
    triggerStart: found.triggerStart,
    mentions: found.mentions
      .flatMap((m) =>
        m.actorIds
          .filter((id) => id === found.source || id === found.target)
          .map((actorId) => ({ actorId, start: m.start, end: m.end })),
      )
      .sort((a, b) => a.start - b.start || compare(a.actorId, b.actorId)),
  };
}

/**
 * A mention's surface as an alias: one space, no leading 'the', no possessive. Most surfaces
 * need none of the three replacements; those are returned as they are, without them.
 */
function aliasForm(surface: string): string {
  if (!/\s\s|[^\S ]/.test(surface) && !/^the\s/i.test(surface) && !/['’]s$/.test(surface))
    return surface;
  return surface
    .replace(/\s+/gu, ' ')
    .replace(/^the\s+/iu, '')
    .replace(/['’]s$/u, '');
}

function sameBody(a: string, b: string): boolean {
  return a === b || a.replace(/\s+/gu, ' ') === b.replace(/\s+/gu, ' ');
}

/** Builds the graph of a set of files in one call. */
export function buildGraph(files: InputFile[], options: PipelineOptions = {}): Graph {
  const builder = new GraphBuilder(options);
  for (const f of files) builder.add(f);
  return builder.finish();
}
