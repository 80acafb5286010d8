import { describe, expect, it } from 'vitest';
import { act, screen, fireEvent } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FilterPanel } from '../../src/components/FilterPanel';
import { TimeBar } from '../../src/components/TimeBar';
import { StatusLine } from '../../src/components/StatusLine';
import { RelationsTable } from '../../src/components/RelationsTable';
import { renderWithGraph } from './render';

const status = () => screen.getByRole('status').textContent;

describe('filters', () => {
  it('actor-type checkboxes have the names the tests rely on and filter the view', async () => {
    const user = userEvent.setup();
    renderWithGraph(
      <>
        <FilterPanel />
        <StatusLine />
      </>,
    );
    for (const name of ['State', 'Alliance', 'Armed group', 'Foreign power', 'Organization']) {
      expect(screen.getByRole('checkbox', { name })).toBeChecked();
    }
    expect(status()).toBe('Showing 20 of 20 relations, 11 of 11 actors');
    await user.click(screen.getByRole('checkbox', { name: 'Organization' }));
    expect(status()).toBe('Showing 18 of 20 relations, 10 of 11 actors');
    await user.click(screen.getByRole('checkbox', { name: 'hostile' }));
    expect(status()).toMatch(/^Showing 9 of 20 relations/);
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(status()).toBe('Showing 20 of 20 relations, 11 of 11 actors');
  });

  it('filters by outlet, article and minimum evidence', async () => {
    const user = userEvent.setup();
    const { store } = renderWithGraph(<FilterPanel />);
    await user.click(screen.getByRole('checkbox', { name: 'Unknown outlet' }));
    expect(store.getState().filters.hiddenOutlets).toEqual(['']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Article' }), 'a2');
    expect(store.getState().filters.articleId).toBe('a2');
    const min = screen.getByRole('spinbutton', { name: 'Minimum evidence' });
    fireEvent.change(min, { target: { value: '2' } });
    expect(store.getState().filters.minEvidence).toBe(2);
  });

  it('the table follows the filters and sorts', async () => {
    const user = userEvent.setup();
    const { store } = renderWithGraph(<RelationsTable />);
    const table = screen.getByRole('table', { name: 'Relations' });
    expect(table.querySelectorAll('tbody tr')).toHaveLength(20);
    act(() => store.getState().setPolarityEnabled('cooperative', false));
    expect(screen.getAllByRole('row')).toHaveLength(1 + 11 + 1); // header, hostile, neutral
    await user.click(screen.getByRole('button', { name: /Articles/ }));
    await user.click(screen.getByRole('button', { name: /Articles/ }));
    expect(screen.getByRole('columnheader', { name: /Articles/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    act(() => store.getState().setPolarityEnabled('cooperative', true));
    const articles = [...table.querySelectorAll('tbody tr')].map((row) =>
      Number(row.querySelectorAll('td')[4]?.textContent),
    );
    expect(articles[0]).toBe(2);
    expect(articles).toEqual([...articles].sort((a, b) => b - a));

    // Selecting an actor narrows the table to its relations.
    act(() => store.getState().selectActor('hrw'));
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(screen.getByText(/Showing the 2 visible relations of/)).toBeInTheDocument();
  });
});

describe('time slider', () => {
  it('is two real sliders with dates as value text, moved by keys', async () => {
    const user = userEvent.setup();
    const { store } = renderWithGraph(
      <>
        <TimeBar />
        <StatusLine />
      </>,
    );
    const start = screen.getByRole('slider', { name: 'Start date' });
    const end = screen.getByRole('slider', { name: 'End date' });
    expect(start).toHaveAttribute('aria-valuetext', '2021-01-01');
    expect(end).toHaveAttribute('aria-valuetext', '2025-11-30');

    start.focus();
    await user.keyboard('{ArrowRight}');
    expect(start).toHaveAttribute('aria-valuetext', '2021-02-01');
    await user.keyboard('{PageUp}');
    expect(start).toHaveAttribute('aria-valuetext', '2022-02-01');
    // Evidence dated '2022' covers the whole year: still in.
    expect(screen.getByRole('status').textContent).toMatch(/^Showing 20 of 20/);
    await user.keyboard('{PageUp}');
    expect(start).toHaveAttribute('aria-valuetext', '2023-02-01');
    // Mali's 2022 rupture with France drops out; Wagner's 2024 evidence keeps its 2021 edge.
    expect(screen.getByRole('status').textContent).toMatch(/^Showing 19 of 20/);
    await user.keyboard('{End}');
    expect(start).toHaveAttribute('aria-valuetext', '2025-11-01');
    expect(screen.getByRole('status').textContent).toMatch(/^Showing 4 of 20/); // 1 dated + 3 undated

    end.focus();
    await user.keyboard('{Home}');
    // The end handle cannot pass the start handle.
    expect(end).toHaveAttribute('aria-valuetext', '2025-11-30');
    await user.click(screen.getByRole('button', { name: 'All time' }));
    expect(store.getState().window).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Last 12 months' }));
    expect(start).toHaveAttribute('aria-valuetext', '2024-12-01');
  });

  it('toggles undated relations and plays', async () => {
    const user = userEvent.setup();
    const { store } = renderWithGraph(
      <>
        <TimeBar />
        <StatusLine />
      </>,
    );
    await user.click(screen.getByRole('checkbox', { name: 'Undated relations (3)' }));
    expect(screen.getByRole('status').textContent).toMatch(/^Showing 17 of 20/);
    await user.click(screen.getByRole('button', { name: /Play/ }));
    expect(store.getState().playing).toBe(true);
    expect(screen.getByRole('slider', { name: 'End date' })).toHaveAttribute(
      'aria-valuetext',
      '2021-12-31',
    );
    await user.click(screen.getByRole('button', { name: /Pause/ }));
    expect(store.getState().playing).toBe(false);
  });
});
