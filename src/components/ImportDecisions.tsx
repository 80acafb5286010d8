/** "Import review decisions…": reads a decisions file and reports what applied and what did not. */
import { useRef, useState } from 'react';
import { useAtlasStoreApi } from '../store/context';
import { parseDecisionFile } from '../pipeline/review';

export function ImportDecisions() {
  const store = useAtlasStoreApi();
  const input = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<{ text: string; problems: string[] } | null>(null);
  const read = async (file: File) => {
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setReport({ text: `${file.name} is not JSON: nothing was imported.`, problems: [] });
      return;
    }
    const parsed = parseDecisionFile(json);
    if (!parsed.ok) {
      setReport({
        text: `${file.name} is not a review decisions file: nothing was imported.`,
        problems: parsed.problems,
      });
      return;
    }
    const result = await store.getState().importDecisions(parsed.decisions);
    setReport({
      text: `${file.name}: ${result.applied} decision(s) applied, ${result.notApplied.length} not applied.`,
      problems: result.notApplied.map((n) => `${n.id}: ${n.reason}`),
    });
  };
  return (
    <>
      <button
        type="button"
        onClick={() => input.current?.click()}
        className="block w-full border-t border-slate-100 px-3 py-1.5 text-left text-slate-800 hover:bg-slate-100 focus-visible:bg-sky-50 focus-visible:outline-none"
      >
        <span className="font-medium">Import review decisions…</span>
        <span className="block text-xs text-slate-500">a decisions file exported here</span>
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label="Review decisions file"
        className="hidden"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void read(file);
        }}
      />
      {report && (
        <div role="status" className="border-t border-slate-100 px-3 py-1.5 text-xs text-slate-700">
          <p>{report.text}</p>
          {report.problems.length > 0 && (
            <ul className="list-disc pl-4">
              {report.problems.slice(0, 10).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
