import { describe, expect, it } from 'vitest';
import { getLexicon } from '../../src/pipeline/lexicon';
import { findMentions } from '../../src/pipeline/mentions';
import placeData from '../../src/pipeline/data/places.json';
import { edges, graphOf } from './pipeline-helpers';

const dated = (body: string) => ` date 2024-05-15 ${body}`;

/** The mentions of one sentence as 'surface=id(kind)'. */
function mentionsOf(sentence: string): string[] {
  return findMentions(
    sentence,
    0,
    sentence.length,
    getLexicon(),
    '2024-05-15',
    { lists: [], lastOfType: new Map() },
    new Map(),
    new Map(),
  ).map((m) => `${m.surface}=${m.actorIds.join('+')}(${m.kind})`);
}

describe('places: the gazetteer', () => {
  it('makes a town a place of its state, which a seizure takes as the one acted on', () => {
    expect(mentionsOf('M23 seized Goma.')).toEqual(['M23=m23(actor)', 'Goma=cod(place)']);
    expect(edges(graphOf(dated('M23 seized Goma.')))).toEqual(['m23 armed_conflict/hostile cod']);
  });

  it('reads spelling variants, provinces and advances on a town', () => {
    for (const town of ['El Fasher', 'El-Fasher', 'Al-Fashir'])
      expect(edges(graphOf(dated(`The RSF captured ${town} after a long siege.`)))).toEqual([
        'rsf armed_conflict/hostile sdn',
      ]);
    expect(edges(graphOf(dated('Rwandan troops deployed to Cabo Delgado in July.')))).toEqual([
      'rwa military_support/cooperative moz',
    ]);
    expect(edges(graphOf(dated("Haftar's forces advanced on Sirte from the east.")))).toEqual([
      'lna armed_conflict/hostile lby',
    ]);
    expect(edges(graphOf(dated('JNIM fighters attacked Barsalogho at dawn.')))).toEqual([
      'jnim armed_conflict/hostile bfa',
    ]);
  });

  it('reads fire at a place, incursions into one and a seizure of its control', () => {
    expect(edges(graphOf(dated('Hezbollah fired rockets at Haifa on Sunday.')))).toEqual([
      'hezbollah armed_conflict/hostile isr',
    ]);
    expect(edges(graphOf(dated('Ukraine launched an incursion into Kursk in August.')))).toEqual([
      'ukr armed_conflict/hostile rus',
    ]);
    expect(edges(graphOf(dated('The rebels of M23 claimed control of Bukavu.')))).toEqual([
      'm23 armed_conflict/hostile cod',
    ]);
    expect(edges(graphOf(dated('Mali launched a drone programme with Turkey.')))).toEqual([]);
  });

  it('gives nothing for a place where no event takes one', () => {
    expect(
      graphOf(dated('A summit in Goma brought the regional leaders together.')).relations,
    ).toEqual([]);
  });

  it('never makes a town an actor: "Goma said" is not the DR Congo speaking', () => {
    expect(mentionsOf('Goma said it would resist the rebels.')).toEqual(['Goma=cod(place)']);
    expect(graphOf(dated('Goma condemned Rwanda on Friday.')).relations).toEqual([]);
  });

  it('keeps the actor whose name holds a place', () => {
    expect(mentionsOf('The Darfur Bar Association condemned the RSF.')).toEqual([
      'Darfur Bar Association=org-darfur-bar-association(actor)',
      'RSF=rsf(actor)',
    ]);
    expect(edges(graphOf(dated('The Darfur Bar Association condemned the RSF.')))).toEqual([
      'org-darfur-bar-association criticism/hostile rsf',
    ]);
    expect(
      edges(
        graphOf(dated('The Tripoli government condemned the Benghazi-based forces of Haftar.')),
      ),
    ).toEqual(['lby criticism/hostile lna']);
    // A place at the head of a new group's name begins the name; it is not its state's agent.
    expect(
      edges(graphOf(dated('The Goma Liberation Front (GLF) attacked Palma on Tuesday.'))),
    ).toEqual(['group-goma-liberation-front armed_conflict/hostile moz']);
  });

  it('tells a place that names a state from the state', () => {
    expect(mentionsOf('Gunmen attacked oil facilities in the Niger Delta.')).toEqual([
      'Niger Delta=nga(place)',
    ]);
    // The matcher folds case, so 'Niger State' (Nigeria's) would also be 'Niger state television'.
    expect(mentionsOf('Niger state television said the junta had expelled France.')).toEqual([
      'Niger=ner(actor)',
      'France=fra(actor)',
    ]);
  });

  it('reads further spellings of capitals as capitals, which act', () => {
    expect(edges(graphOf(dated('Kiev condemned Russia on Monday.')))).toEqual([
      'ukr criticism/hostile rus',
    ]);
  });

  it('has every place match as itself, a place of a known state', () => {
    const lex = getLexicon();
    const wrong: string[] = [];
    for (const group of placeData.states) {
      const id = group.state.toLowerCase();
      for (const place of group.places) {
        for (const name of typeof place === 'string' ? [place] : place) {
          const hits = lex.matcher.findAll(name);
          const hit = hits[0];
          const ok =
            hits.length === 1 &&
            hit?.start === 0 &&
            hit.end === name.length &&
            hit.value.kind === 'place' &&
            hit.value.actorId === id;
          if (!ok) wrong.push(`${name} (${group.state})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
