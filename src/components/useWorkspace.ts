/** Opens the IndexedDB workspace once and restores its decisions, name and opened corpus. */
import { useEffect, useState } from 'react';
import { useAtlasStoreApi } from '../store/context';
import { indexedDbStorage, storageErrorMessage, type StoredWorkspace } from '../persist/workspace';

/** The corpus kept from the last visit: undefined while storage is read, null if none. */
export function useWorkspace(): StoredWorkspace['corpus'] | undefined {
  const store = useAtlasStoreApi();
  const [corpus, setCorpus] = useState<StoredWorkspace['corpus'] | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    const storage = indexedDbStorage();
    store.getState().setStorage(storage);
    storage
      .load()
      .then((workspace) => {
        if (cancelled) return;
        store.getState().restoreReview(workspace.decisions, workspace.reviewer);
        setCorpus(workspace.corpus);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        store.setState({
          save: {
            status: 'error',
            message: `the saved workspace could not be read: ${storageErrorMessage(error)}`,
          },
        });
        setCorpus(null);
      });
    return () => {
      cancelled = true;
    };
  }, [store]);
  return corpus;
}
