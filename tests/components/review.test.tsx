import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithGraph } from './render';
import { ArticleReader } from '../../src/components/ArticleReader';
import { EvidencePanel } from '../../src/components/EvidencePanel';

describe('review controls', () => {
  it('adds a sentence the extraction missed as analyst evidence', async () => {
    const user = userEvent.setup();
    const { store } = renderWithGraph(<ArticleReader />);
    const graph = store.getState().baseGraph;
    const article = graph?.articles.find((a) => a.text.length > 40);
    const [first, second] = graph?.actors ?? [];
    if (!article || !first || !second) throw new Error('fixture');
    await store.getState().setReviewer('Ana');
    store.getState().openReader({ articleId: article.id, quote: null });
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByText('Add a relation the extraction missed'));
    const sentence = article.text.slice(0, 30);
    await user.type(within(dialog).getByLabelText(/Sentence/), sentence);
    await user.selectOptions(within(dialog).getByLabelText('Source actor'), first.id);
    await user.selectOptions(within(dialog).getByLabelText('Target actor'), 'New actor…');
    await user.type(within(dialog).getByLabelText('Target actor: new actor name'), 'Dune Riders');
    await user.selectOptions(
      within(dialog).getByLabelText('Target actor: new actor type'),
      'armed_group',
    );
    await user.selectOptions(within(dialog).getByLabelText('Relation type'), 'armed_conflict');
    await user.click(within(dialog).getByRole('button', { name: 'Add evidence' }));
    const added = store
      .getState()
      .index?.graph.relations.find((r) => r.target === 'analyst-dune-riders');
    expect(added).toMatchObject({ source: first.id, type: 'armed_conflict', polarity: 'hostile' });
    expect(added?.evidence[0]).toMatchObject({
      articleId: article.id,
      quote: sentence,
      start: 0,
      end: sentence.length,
      addedBy: { by: 'Ana' },
    });
    expect(store.getState().index?.actorsById.get('analyst-dune-riders')?.type).toBe('armed_group');
  });

  it('rejects a sentence that is not in the article', async () => {
    const user = userEvent.setup();
    const { store } = renderWithGraph(<ArticleReader />);
    const article = store.getState().baseGraph?.articles[0];
    if (!article) throw new Error('fixture');
    await store.getState().setReviewer('Ana');
    store.getState().openReader({ articleId: article.id, quote: null });
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByText('Add a relation the extraction missed'));
    await user.type(within(dialog).getByLabelText(/Sentence/), 'Words nobody wrote here.');
    await user.click(within(dialog).getByRole('button', { name: 'Add evidence' }));
    expect(within(dialog).getByRole('status')).toHaveTextContent(/word for word/);
    expect(store.getState().decisions).toEqual([]);
  });

  it('confirms a sentence from the Evidence panel and shows who did', async () => {
    const user = userEvent.setup();
    const { store } = renderWithGraph(<div />);
    const relation = store.getState().index?.relations[0]?.relation;
    if (!relation) throw new Error('fixture');
    const { store: s2 } = renderWithGraph(<EvidencePanel relationId={relation.id} />);
    const panel = screen.getByRole('region', { name: 'Evidence' });
    expect(within(panel).getAllByRole('button', { name: 'Confirm' })[0]).toBeDisabled();
    await user.type(within(panel).getByLabelText('Reviewer name'), 'Bo');
    await user.click(within(panel).getByRole('button', { name: 'Set name' }));
    await user.click(within(panel).getAllByRole('button', { name: 'Confirm' })[0] as HTMLElement);
    expect(within(panel).getByText(/^Confirmed by Bo/)).toBeInTheDocument();
    expect(s2.getState().decisions).toHaveLength(1);
    // No storage in this test: the failure is said, and the decision stays.
    expect(within(panel).getByRole('alert')).toHaveTextContent(/Not saved/);
  });

  it('walks to the next unreviewed relation with the N key', async () => {
    const user = userEvent.setup();
    const { store } = renderWithGraph(<div />);
    const [first, second] = store.getState().index?.relations ?? [];
    if (!first || !second) throw new Error('fixture');
    const { store: s2 } = renderWithGraph(<EvidencePanel relationId={first.relation.id} />);
    s2.getState().selectRelation(first.relation.id);
    expect(screen.getByRole('button', { name: 'Next unreviewed' })).toHaveAttribute(
      'aria-keyshortcuts',
      'n',
    );
    await user.keyboard('n');
    const selection = s2.getState().selection;
    expect(selection?.kind).toBe('relation');
    expect(selection?.kind === 'relation' && selection.id).not.toBe(first.relation.id);
    // Typed into a field, the key is only a letter.
    await user.click(screen.getByLabelText('Reviewer name'));
    const before = s2.getState().selection;
    await user.keyboard('n');
    expect(s2.getState().selection).toEqual(before);
  });
});
