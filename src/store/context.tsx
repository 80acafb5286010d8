import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createAtlasStore, type AtlasState, type AtlasStore } from './atlasStore';
import type { ViewState } from '../model/urlState';

const AtlasStoreContext = createContext<AtlasStore | null>(null);

export function AtlasStoreProvider({
  children,
  initialView,
  store: givenStore,
}: {
  children: ReactNode;
  initialView?: Partial<ViewState>;
  /** A store made elsewhere (tests); otherwise one is made once per provider. */
  store?: AtlasStore;
}) {
  const [store] = useState(() => givenStore ?? createAtlasStore(initialView));
  return <AtlasStoreContext.Provider value={store}>{children}</AtlasStoreContext.Provider>;
}

export function useAtlasStoreApi(): AtlasStore {
  const store = useContext(AtlasStoreContext);
  if (!store) throw new Error('useAtlasStore needs an <AtlasStoreProvider> above it');
  return store;
}

/** Selectors must return existing values (or memoised ones from ./selectors), never new objects. */
export function useAtlasStore<T>(selector: (state: AtlasState) => T): T {
  return useStore(useAtlasStoreApi(), selector);
}
