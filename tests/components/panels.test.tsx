import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EvidencePanel } from '../../src/components/EvidencePanel';
import { ActorPanel } from '../../src/components/ActorPanel';
import { ArticleReader } from '../../src/components/ArticleReader';
import { SearchBox } from '../../src/components/SearchBox';
import { SidePanel } from '../../src/components/SidePanel';
import { renderWithGraph } from './render';

describe('evidence panel', () => {
  it('states the relation in words and highlights the actors in each sentence', () => {
    renderWithGraph(<EvidencePanel relationId="russia--military_support--mali" />);
    const region = screen.getByRole('region', { name: 'Evidence' });
    expect(within(region).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Russia → Mali · military support · cooperative',
    );
    const quotes = region.querySelectorAll('blockquote');
    expect(quotes).toHaveLength(2);
    // First sentence has mentions (offsets into the file): exactly Russia and Mali are marked.
    expect([...(quotes[0]?.querySelectorAll('mark') ?? [])].map((m) => m.textContent)).toEqual([
      'Russia',
      'Mali',
    ]);
    // Second has none: aliases are matched instead (Burkina Faso is not an end of this edge).
    expect([...(quotes[1]?.querySelectorAll('mark') ?? [])].map((m) => m.textContent)).toEqual([
      'Russia',
      'Mali',
    ]);
    expect(region).toHaveTextContent('10 Apr 2025 · relative');
    expect(region).toHaveTextContent('Russia and Sahel states deepen security ties');
    expect(region).toHaveTextContent('Sahel Monitor');
  });

  it('"Read article" opens the text with the sentence highlighted', async () => {
    const user = userEvent.setup();
    renderWithGraph(
      <>
        <EvidencePanel relationId="niger--rupture--ecowas" />
        <ArticleReader />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Read article' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Russia and Sahel states deepen security ties',
    });
    expect(dialog.querySelector('mark')).toHaveTextContent(
      'Niger left ECOWAS in January 2025 together with Mali.',
    );
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('renders planted markup as text', async () => {
    const user = userEvent.setup();
    const { container } = renderWithGraph(
      <>
        <EvidencePanel relationId="r1" />
        <ArticleReader />
      </>,
      'planted',
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('region', { name: 'Evidence' })).toHaveTextContent(
      'Russia <img src=x onerror="window.__xss = 2"> armed Mali',
    );
    await user.click(screen.getByRole('button', { name: 'Read article' }));
    expect(screen.getByTestId('article-text')).toHaveTextContent(
      '<script>window.__xss = 1</script>',
    );
    expect(document.querySelector('script')).toBeNull();
  });
});

describe('actor panel', () => {
  it('shows type, aliases, dates, relations by counterpart and articles', async () => {
    const user = userEvent.setup();
    const { store } = renderWithGraph(<ActorPanel actorId="mali" />);
    const region = screen.getByRole('region', { name: 'Actor' });
    expect(within(region).getByRole('heading', { name: 'Mali' })).toBeInTheDocument();
    expect(region).toHaveTextContent('State');
    expect(region).toHaveTextContent('Malian · Bamako · Goita');
    expect(region).toHaveTextContent('First2021');
    expect(region).toHaveTextContent('LastSep 2025'); // JNIM's attacks near Bamako
    expect(within(region).getByRole('button', { name: 'France' })).toBeInTheDocument();
    expect(
      within(region).getByRole('heading', { name: /Articles mentioning Mali \(4\)/ }),
    ).toBeInTheDocument();

    await user.click(within(region).getByRole('button', { name: '2 steps' }));
    expect(store.getState().focus).toEqual({ actorId: 'mali', depth: 2 });
    const [rupture] = within(region).getAllByRole('button', { name: /rupture/ });
    if (rupture) await user.click(rupture);
    expect(store.getState().selection?.kind).toBe('relation');
  });

  it('the side panel follows the selection', () => {
    const { store } = renderWithGraph(<SidePanel />);
    expect(screen.getByText('Explore the sources')).toBeInTheDocument();
    act(() => store.getState().selectActor('wagner'));
    expect(screen.getByRole('region', { name: 'Actor' })).toHaveTextContent('Wagner Group');
    act(() => store.getState().selectRelation('jnim--armed_conflict--mali'));
    expect(screen.getByRole('region', { name: 'Evidence' })).toHaveTextContent('JNIM → Mali');
  });
});

describe('search box', () => {
  it('is a keyboard-first combobox that finds actors by alias', async () => {
    const user = userEvent.setup();
    const { store } = renderWithGraph(<SearchBox />);
    const input = screen.getByRole('combobox', { name: 'Find actor' });
    await user.click(input);
    await user.keyboard('africa');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    const options = screen.getAllByRole('option');
    expect(options[0]).toHaveTextContent('Wagner');
    expect(options[0]).toHaveTextContent('Africa Corps');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    await user.keyboard('{Enter}');
    expect(store.getState().selection).toEqual({ kind: 'actor', id: 'wagner' });
    expect(input).toHaveAttribute('aria-expanded', 'false');

    await user.clear(input);
    await user.keyboard('a');
    const before = input.getAttribute('aria-activedescendant');
    await user.keyboard('{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).not.toBe(before);
    await user.keyboard('{Escape}');
    expect(input).toHaveAttribute('aria-expanded', 'false');
  });
});
