import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AtlasStoreProvider } from '../../src/store/context';
import { createAtlasStore, type AtlasStore } from '../../src/store/atlasStore';
import { loadFixture } from '../unit/ui/fixture';

/** Renders UI inside a provider whose store already holds the sample graph. */
export function renderWithGraph(ui: ReactElement, fixture: 'sample' | 'planted' = 'sample') {
  const store: AtlasStore = createAtlasStore();
  store.getState().setGraph(loadFixture(fixture), 'sample-graph.json');
  const result = render(<AtlasStoreProvider store={store}>{ui}</AtlasStoreProvider>);
  return { store, ...result };
}
