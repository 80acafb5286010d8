/**
 * Exports of the current view as strings: CSV and JSON of the visible relations with their
 * evidence, GEXF of the visible graph for Gephi. Loaded on demand (dynamic import).
 */
import type { Article, Graph } from './schema';
import type { GraphIndex } from './graphIndex';
import type { Visibility } from './view';
import { relationReviewStatus } from './review';

const CSV_COLUMNS = [
  'relation_id',
  'source',
  'target',
  'type',
  'polarity',
  'articles',
  'first_date',
  'last_date',
  'evidence_date',
  'date_basis',
  'article_id',
  'article_title',
  'outlet',
  'published',
  'quote',
  'independent_sources',
  'relation_review',
  'evidence_review',
  'reviewed_by',
  'reviewed_at',
  'review_note',
  'added_by',
  'copy_of',
] as const;

/** RFC 4180 quoting, plus a guard against spreadsheet formulas in cells that start with one. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+@\t\r]/.test(text) || /^-[\d=+@(]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function visibleRelations(index: GraphIndex, visibility: Visibility) {
  return index.relations.filter((info) => visibility.relationIds.has(info.relation.id));
}

/** One row per evidence sentence of every visible relation. */
export function relationsToCsv(index: GraphIndex, visibility: Visibility): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const info of visibleRelations(index, visibility)) {
    const { relation } = info;
    const source = index.actorsById.get(relation.source)?.name ?? relation.source;
    const target = index.actorsById.get(relation.target)?.name ?? relation.target;
    for (const evidence of relation.evidence) {
      const article: Article | undefined = index.articlesById.get(evidence.articleId);
      const cells = [
        relation.id,
        source,
        target,
        relation.type,
        relation.polarity,
        info.articleIds.length,
        info.firstDate,
        info.lastDate,
        evidence.date,
        evidence.dateBasis,
        evidence.articleId,
        article?.title ?? null,
        article?.outlet ?? null,
        article?.published ?? null,
        evidence.quote,
        relation.independentSources ?? null,
        relationReviewStatus(relation),
        evidence.review?.status ?? 'unreviewed',
        evidence.review?.by ?? null,
        evidence.review?.at ?? null,
        evidence.review?.note ?? null,
        evidence.addedBy?.by ?? null,
        article?.copyOf ?? null,
      ];
      rows.push(cells.map(csvCell).join(','));
    }
  }
  return rows.join('\r\n') + '\r\n';
}

/**
 * The visible part of the graph as a graph.json of its own (it passes the same schema), so an
 * export can be opened again in the app.
 */
export function relationsToJson(index: GraphIndex, visibility: Visibility): string {
  const relations = visibleRelations(index, visibility).map((info) => info.relation);
  const actorIds = new Set(visibility.actorIds);
  const articleIds = new Set<string>();
  for (const relation of relations) {
    actorIds.add(relation.source);
    actorIds.add(relation.target);
    for (const evidence of relation.evidence) articleIds.add(evidence.articleId);
  }
  const graph: Graph = {
    schemaVersion: 1,
    ...(index.graph.focusRegion !== undefined ? { focusRegion: index.graph.focusRegion } : {}),
    articles: index.graph.articles.filter((a) => articleIds.has(a.id)),
    actors: index.graph.actors.filter((a) => actorIds.has(a.id)),
    relations,
    diagnostics: [],
  };
  return JSON.stringify(graph, null, 2) + '\n';
}

export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface GexfNodeStyle {
  x: number;
  y: number;
  color: string;
}

function hexToRgb(hex: string): { r: number; g: number; b: number } | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return null;
  return {
    r: parseInt(match[1] ?? '0', 16),
    g: parseInt(match[2] ?? '0', 16),
    b: parseInt(match[3] ?? '0', 16),
  };
}

/** GEXF 1.3 of the visible actors and relations; positions and colours when given. */
export function graphToGexf(
  index: GraphIndex,
  visibility: Visibility,
  styles: ReadonlyMap<string, GexfNodeStyle> = new Map(),
): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    '  <meta><creator>Alliance Atlas</creator><description>Actors and relations in view</description></meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
    '      <attribute id="type" title="type" type="string"/>',
    '      <attribute id="aliases" title="aliases" type="string"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="relation_type" title="relation type" type="string"/>',
    '      <attribute id="polarity" title="polarity" type="string"/>',
    '      <attribute id="articles" title="articles" type="integer"/>',
    '      <attribute id="first_date" title="first date" type="string"/>',
    '      <attribute id="last_date" title="last date" type="string"/>',
    '      <attribute id="independent_sources" title="independent sources" type="integer"/>',
    '      <attribute id="review" title="review" type="string"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const actor of index.graph.actors) {
    if (!visibility.actorIds.has(actor.id)) continue;
    lines.push(`      <node id="${xmlEscape(actor.id)}" label="${xmlEscape(actor.name)}">`);
    lines.push('        <attvalues>');
    lines.push(`          <attvalue for="type" value="${xmlEscape(actor.type)}"/>`);
    lines.push(
      `          <attvalue for="aliases" value="${xmlEscape(actor.aliases.join('; '))}"/>`,
    );
    lines.push('        </attvalues>');
    const style = styles.get(actor.id);
    if (style) {
      const rgb = hexToRgb(style.color);
      if (rgb) lines.push(`        <viz:color r="${rgb.r}" g="${rgb.g}" b="${rgb.b}"/>`);
      lines.push(
        `        <viz:position x="${style.x.toFixed(2)}" y="${(-style.y).toFixed(2)}" z="0"/>`,
      );
    }
    lines.push('      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  for (const info of visibleRelations(index, visibility)) {
    const { relation } = info;
    if (!visibility.actorIds.has(relation.source) || !visibility.actorIds.has(relation.target)) {
      continue;
    }
    lines.push(
      `      <edge id="${xmlEscape(relation.id)}" source="${xmlEscape(relation.source)}" target="${xmlEscape(relation.target)}" weight="${info.articleIds.length}" label="${xmlEscape(relation.type)}">`,
      '        <attvalues>',
      `          <attvalue for="relation_type" value="${xmlEscape(relation.type)}"/>`,
      `          <attvalue for="polarity" value="${xmlEscape(relation.polarity)}"/>`,
      `          <attvalue for="articles" value="${info.articleIds.length}"/>`,
      `          <attvalue for="first_date" value="${xmlEscape(info.firstDate ?? '')}"/>`,
      `          <attvalue for="last_date" value="${xmlEscape(info.lastDate ?? '')}"/>`,
      `          <attvalue for="independent_sources" value="${relation.independentSources ?? info.articleIds.length}"/>`,
      `          <attvalue for="review" value="${relationReviewStatus(relation)}"/>`,
      '        </attvalues>',
      '      </edge>',
    );
  }
  lines.push('    </edges>', '  </graph>', '</gexf>');
  return lines.join('\n') + '\n';
}
