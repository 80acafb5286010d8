/**
 * The workspace in IndexedDB (through `idb`): every review decision, the reviewer's name and
 * the last corpus opened in the browser. Reads are parsed, not cast: a record an older or
 * newer version wrote that does not fit is skipped, never trusted.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { DecisionSchema, type Decision } from '../pipeline/review';
import { parseGraph, type Graph } from '../model/schema';

interface AtlasDB extends DBSchema {
  decisions: { key: string; value: unknown };
  meta: { key: string; value: unknown };
}

export interface StoredWorkspace {
  decisions: Decision[];
  reviewer: string | null;
  /** The corpus opened in the browser, with its name; null when the app's own graph was shown. */
  corpus: { graph: Graph; source: string } | null;
}

/** What the store needs from storage; a fake in tests, IndexedDB in the app. */
export interface WorkspaceStorage {
  load(): Promise<StoredWorkspace>;
  saveDecisions(decisions: readonly Decision[]): Promise<void>;
  saveReviewer(name: string): Promise<void>;
  saveCorpus(corpus: { graph: Graph; source: string } | null): Promise<void>;
}

export const DB_NAME = 'alliance-atlas-workspace';

/** The reason a storage error happened, in words a user can act on. */
export function storageErrorMessage(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return 'the browser storage is full';
  if (name === 'InvalidStateError' || name === 'SecurityError')
    return 'browser storage is not available (private mode or blocked)';
  if (name === 'BlockedError') return 'another tab holds an older version of the workspace open';
  return error instanceof Error ? error.message : String(error);
}

export function indexedDbStorage(): WorkspaceStorage {
  let db: Promise<IDBPDatabase<AtlasDB>> | null = null;
  const open = () => {
    if (!db) {
      if (typeof indexedDB === 'undefined')
        return Promise.reject(new Error('this browser has no IndexedDB'));
      db = openDB<AtlasDB>(DB_NAME, 1, {
        upgrade(d) {
          d.createObjectStore('decisions');
          d.createObjectStore('meta');
        },
        blocked() {
          // An older tab must close first; the open waits, the save state shows "Saving…".
        },
      });
      db.catch(() => {
        db = null;
      });
    }
    return db;
  };
  return {
    async load() {
      const d = await open();
      const tx = d.transaction(['decisions', 'meta'], 'readonly');
      const raw = await tx.objectStore('decisions').getAll();
      const reviewer = await tx.objectStore('meta').get('reviewer');
      const corpus = await tx.objectStore('meta').get('corpus');
      await tx.done;
      const decisions = raw.flatMap((r) => {
        const parsed = DecisionSchema.safeParse(r);
        return parsed.success ? [parsed.data] : [];
      });
      let restored: StoredWorkspace['corpus'] = null;
      if (corpus && typeof corpus === 'object' && 'graph' in corpus && 'source' in corpus) {
        const g = parseGraph(corpus.graph);
        if (g.ok && typeof corpus.source === 'string')
          restored = { graph: g.graph, source: corpus.source };
      }
      return {
        decisions,
        reviewer: typeof reviewer === 'string' && reviewer ? reviewer : null,
        corpus: restored,
      };
    },
    async saveDecisions(decisions) {
      const d = await open();
      const tx = d.transaction('decisions', 'readwrite');
      await Promise.all([...decisions.map((x) => tx.store.put(x, x.id)), tx.done]);
    },
    async saveReviewer(name) {
      const d = await open();
      await d.put('meta', name, 'reviewer');
    },
    async saveCorpus(corpus) {
      const d = await open();
      if (corpus) await d.put('meta', corpus, 'corpus');
      else await d.delete('meta', 'corpus');
    },
  };
}
