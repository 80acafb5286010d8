/** The cleaned article text, with the cited sentence highlighted and scrolled into view. */
import { useEffect, useId, useMemo, useRef } from 'react';
import { useAtlasStore } from '../store/context';
import { findQuote } from '../model/highlight';
import { formatPartialDate } from '../model/dates';
import { AddEvidence } from './AddEvidence';

export function ArticleReader() {
  const index = useAtlasStore((s) => s.index);
  const reader = useAtlasStore((s) => s.reader);
  const closeReader = useAtlasStore((s) => s.closeReader);
  const titleId = useId();
  const textId = useId();
  const markRef = useRef<HTMLElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const article = reader ? index?.articlesById.get(reader.articleId) : undefined;

  const parts = useMemo(() => {
    if (!article) return null;
    const found = reader?.quote ? findQuote(article.text, reader.quote) : null;
    if (!found) return { before: article.text, quote: null, after: '' };
    return {
      before: article.text.slice(0, found.start),
      quote: article.text.slice(found.start, found.end),
      after: article.text.slice(found.end),
    };
  }, [article, reader]);

  useEffect(() => {
    if (!article) return;
    const previouslyFocused = document.activeElement;
    closeRef.current?.focus();
    markRef.current?.scrollIntoView?.({ block: 'center' });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closeReader();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (previouslyFocused instanceof HTMLElement) previouslyFocused.focus();
    };
  }, [article, closeReader]);

  if (!article || !parts) return null;
  return (
    <div
      className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/50 p-6"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) closeReader();
      }}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="flex max-h-full w-full max-w-3xl flex-col rounded-xl bg-white shadow-2xl"
      >
        <header className="flex items-start gap-4 border-b border-slate-200 px-6 py-4">
          <div className="min-w-0 flex-1">
            <h2 id={titleId} className="text-lg leading-snug font-semibold text-slate-900">
              {article.title ?? article.file}
            </h2>
            <p className="mt-0.5 text-sm text-slate-600">
              {article.outlet ?? 'Unknown outlet'} ·{' '}
              {article.published ? formatPartialDate(article.published) : 'no date'} ·{' '}
              <span className="font-mono text-xs">{article.file}</span>
            </p>
            {reader?.quote && !parts.quote && (
              <p className="mt-1 text-xs text-amber-700">
                The quoted sentence was not found in the cleaned text.
              </p>
            )}
          </div>
          <button
            ref={closeRef}
            type="button"
            onClick={closeReader}
            className="rounded-md px-3 py-1 text-sm font-medium text-slate-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-600"
          >
            Close
          </button>
        </header>
        <AddEvidence article={article} textId={textId} />
        <div
          id={textId}
          data-testid="article-text"
          className="overflow-y-auto px-6 py-4 text-[15px] leading-7 whitespace-pre-wrap text-slate-800"
        >
          {parts.before}
          {parts.quote !== null && (
            <mark ref={markRef} className="rounded bg-amber-200 px-0.5 text-slate-900">
              {parts.quote}
            </mark>
          )}
          {parts.after}
        </div>
      </div>
    </div>
  );
}
