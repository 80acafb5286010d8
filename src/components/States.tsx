/** What the app shows instead of a graph: loading, a file that failed, a graph without relations. */
import { useId } from 'react';

export function OpenGraphFile({
  onFile,
  variant = 'dark',
}: {
  onFile: (file: File) => void;
  variant?: 'dark' | 'light';
}) {
  const id = useId();
  return (
    <div>
      <label
        htmlFor={id}
        className={`inline-flex cursor-pointer items-center rounded-md px-3 py-1.5 text-sm font-medium focus-within:outline-2 focus-within:outline-sky-400 ${
          variant === 'dark'
            ? 'bg-slate-700 text-white hover:bg-slate-600'
            : 'bg-sky-700 text-white hover:bg-sky-600'
        }`}
      >
        Open graph file…
      </label>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        className="sr-only"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
    </div>
  );
}

export function LoadingState({ source }: { source: string }) {
  return (
    <div role="status" className="m-auto text-sm text-slate-600">
      Loading {source || 'graph'}…
    </div>
  );
}

export function ErrorState({
  message,
  problems,
  onFile,
}: {
  message: string;
  problems: string[];
  onFile: (file: File) => void;
}) {
  return (
    <div
      role="alert"
      className="m-auto max-w-2xl rounded-xl border border-red-200 bg-white p-6 shadow-sm"
    >
      <h2 className="text-lg font-semibold text-red-800">This graph could not be opened</h2>
      <p className="mt-1 text-sm text-slate-800">{message}</p>
      {problems.length > 0 && (
        <ul className="mt-3 list-disc space-y-1 pl-5 font-mono text-xs text-slate-700">
          {problems.map((problem, i) => (
            <li key={i}>{problem}</li>
          ))}
        </ul>
      )}
      <div className="mt-4">
        <OpenGraphFile onFile={onFile} variant="light" />
      </div>
    </div>
  );
}

export function EmptyGraphState({ articleCount }: { articleCount: number }) {
  return (
    <div className="m-auto max-w-lg rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-700 shadow-sm">
      <h2 className="text-lg font-semibold text-slate-900">No relations in this graph yet</h2>
      <p className="mt-2">
        {articleCount === 0
          ? 'The graph has no articles.'
          : `The graph has ${articleCount} article${articleCount === 1 ? '' : 's'}, but no relation between actors was found in them.`}{' '}
        To add articles, put <code>.txt</code>, <code>.md</code> or <code>.html</code> files in a
        folder and run:
      </p>
      <pre className="mt-3 rounded-md bg-slate-900 px-3 py-2 text-xs text-slate-100">
        npm run preprocess -- --input &lt;dir&gt;
      </pre>
      <p className="mt-3">Then reload this page, or open another graph file.</p>
    </div>
  );
}
