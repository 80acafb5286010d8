/**
 * The corpus behind the graph: every input file, with what became of it. An article is in
 * the graph (with its date and how that date was found) or named in a diagnostic with the
 * reason; nothing is dropped silently.
 */
import { useMemo } from 'react';
import { useAtlasStore } from '../store/context';
import type { Diagnostic } from '../model/schema';

const LEVEL_STYLE: Record<Diagnostic['level'], string> = {
  error: 'bg-red-100 text-red-800',
  warning: 'bg-amber-100 text-amber-900',
  info: 'bg-slate-100 text-slate-700',
};

const DATE_SOURCE: Record<string, string> = {
  header: 'from the page',
  text: 'from a dateline',
  inferred: 'inferred',
};

export function SourcesTable() {
  const index = useAtlasStore((s) => s.index);
  const openReader = useAtlasStore((s) => s.openReader);

  const { articles, orphans } = useMemo(() => {
    if (!index) return { articles: [], orphans: [] };
    const { graph } = index;
    const evidence = new Map<string, number>();
    for (const r of graph.relations) {
      for (const e of r.evidence) evidence.set(e.articleId, (evidence.get(e.articleId) ?? 0) + 1);
    }
    const notes = new Map<string, Diagnostic[]>();
    for (const d of graph.diagnostics) notes.set(d.file, [...(notes.get(d.file) ?? []), d]);
    const files = new Set(graph.articles.map((a) => a.file));
    return {
      articles: graph.articles.map((article) => ({
        article,
        evidence: evidence.get(article.id) ?? 0,
        notes: notes.get(article.file) ?? [],
        copyOf: article.duplicateOf ? index.articlesById.get(article.duplicateOf)?.file : undefined,
      })),
      // Files that are not in the graph at all: skipped, with the reason.
      orphans: graph.diagnostics.filter((d) => !files.has(d.file)),
    };
  }, [index]);

  return (
    <div className="min-h-0 flex-1 overflow-auto">
      <table aria-label="Sources" className="w-full border-collapse text-left text-xs">
        <thead className="sticky top-0 z-10 bg-slate-100 text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-1.5 font-semibold">
              File
            </th>
            <th scope="col" className="px-3 py-1.5 font-semibold">
              Title and outlet
            </th>
            <th scope="col" className="px-3 py-1.5 font-semibold">
              Date
            </th>
            <th scope="col" className="px-3 py-1.5 text-right font-semibold">
              Evidence
            </th>
            <th scope="col" className="px-3 py-1.5 font-semibold">
              Notes
            </th>
          </tr>
        </thead>
        <tbody>
          {articles.map(({ article, evidence, notes, copyOf }) => (
            <tr key={article.id} className="border-b border-slate-100 align-top">
              <td className="px-3 py-1 font-mono break-all">
                <button
                  type="button"
                  className="text-left text-sky-800 underline-offset-2 hover:underline"
                  onClick={() => openReader({ articleId: article.id, quote: null })}
                >
                  {article.file}
                </button>
              </td>
              <td className="px-3 py-1">
                {article.title ?? <span className="text-slate-500">untitled</span>}
                {article.outlet && <span className="text-slate-500"> · {article.outlet}</span>}
              </td>
              <td className="px-3 py-1 whitespace-nowrap">
                {article.published ?? <span className="text-slate-500">undated</span>}
                {article.publishedSource && (
                  <span className="text-slate-500"> ({DATE_SOURCE[article.publishedSource]})</span>
                )}
              </td>
              <td className="px-3 py-1 text-right tabular-nums">{evidence}</td>
              <td className="px-3 py-1">
                {copyOf && <p>Copy of {copyOf}: its evidence is counted once.</p>}
                {notes.map((d, i) => (
                  <p key={i}>
                    <span className={`mr-1 rounded px-1 ${LEVEL_STYLE[d.level]}`}>{d.level}</span>
                    {d.message}
                  </p>
                ))}
              </td>
            </tr>
          ))}
          {orphans.map((d, i) => (
            <tr key={`skipped-${i}`} className="border-b border-slate-100 align-top">
              <td className="px-3 py-1 font-mono break-all">{d.file}</td>
              <td className="px-3 py-1 text-slate-500" colSpan={3}>
                not in the graph
              </td>
              <td className="px-3 py-1">
                <span className={`mr-1 rounded px-1 ${LEVEL_STYLE[d.level]}`}>{d.level}</span>
                {d.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
