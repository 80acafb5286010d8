import { describe, expect, it } from 'vitest';
import { edges, graphOf, pairs } from './pipeline-helpers';

const dated = (body: string) => ` date 2024-05-15 ${body}`;

describe('actors: dictionary, demonyms, leaders', () => {
  it('maps names, demonyms and official names to one state', () => {
    const g = graphOf(
      dated('The Russian Federation and Malian officials met. Russian troops arrived.'),
    );
    const rus = g.actors.find((a) => a.id === 'rus');
    expect(rus?.name).toBe('Russia');
    expect(rus?.aliases).toEqual(expect.arrayContaining(['Russian', 'Russian Federation']));
  });

  it('maps a leader to his state within his tenure, not outside it', () => {
    const during = graphOf(dated('Macron criticized Mali.'));
    expect(edges(during)).toEqual(['fra criticism/hostile mli']);
    const before = graphOf(' date 2010-05-15 Macron criticized Mali.');
    expect(before.relations).toEqual([]);
  });

  it('matches acronyms exactly and names regardless of hyphens', () => {
    const g = graphOf(dated('al Qaeda attacked Mali. The is a word, IS is a group.'));
    expect(pairs(g)).toEqual(['al-qaeda~mli hostile']);
    expect(g.actors.map((a) => a.id)).toContain('is');
  });

  it('types states by the focus region and alliances from the data', () => {
    const g = graphOf(
      dated('Mali, Niger and Chad signed a defence pact. Russia criticized ECOWAS.'),
    );
    const type = (id: string) => g.actors.find((a) => a.id === id)?.type;
    expect(g.focusRegion).toBe('Africa');
    expect([type('mli'), type('rus'), type('ecowas')]).toEqual([
      'state',
      'foreign_power',
      'alliance',
    ]);
  });

  it('finds named organisations by their head noun', () => {
    const g = graphOf(dated('The Sahel Peace Network condemned Wagner.'));
    expect(edges(g)).toEqual(['org-sahel-peace-network criticism/hostile wagner']);
    expect(g.actors.find((a) => a.id === 'org-sahel-peace-network')?.type).toBe('organization');
  });
});

describe('actors: metonymy', () => {
  it('reads a capital that acts as its state', () => {
    expect(edges(graphOf(dated('Paris condemned Bamako.')))).toEqual(['fra criticism/hostile mli']);
    expect(edges(graphOf(dated('The Kremlin criticized Kyiv.')))).toContain(
      'rus criticism/hostile ukr',
    );
  });

  it('does not read a capital named as a place as its state', () => {
    const g = graphOf(dated('At a summit in Bamako, Niger and Chad signed a defence pact.'));
    expect(pairs(g)).toEqual(['ner~tcd cooperative']);
  });
});

describe('actors: lists and collective phrases', () => {
  it('resolves "the three countries" to the last list of three', () => {
    const g = graphOf(
      dated(
        'Mali, Burkina Faso and Niger met in Niamey. The three countries cut ties with France.',
      ),
    );
    expect(edges(g)).toEqual(
      expect.arrayContaining([
        'mli rupture/hostile fra',
        'bfa rupture/hostile fra',
        'ner rupture/hostile fra',
      ]),
    );
  });

  it('resolves "Sahel states" to the members of the AES', () => {
    const g = graphOf(dated('Sahel states cut ties with Ukraine.'));
    expect(edges(g)).toEqual([
      'bfa rupture/hostile ukr',
      'mli rupture/hostile ukr',
      'ner rupture/hostile ukr',
    ]);
  });

  it('resolves "the alliance" to the alliance last named', () => {
    const g = graphOf(dated('ECOWAS met in Abuja. Senegal remains a member of the alliance.'));
    expect(edges(g)).toContain('sen alliance/cooperative ecowas');
  });
});

describe('actors: short references', () => {
  it('reads a later short form of a named organisation as the same body', () => {
    const g = graphOf(
      dated('The Sahel Peace Network met Mali. The Peace Network later condemned Wagner.'),
    );
    expect(g.actors.filter((a) => a.id.startsWith('org-')).map((a) => a.id)).toEqual([
      'org-sahel-peace-network',
    ]);
  });

  it('resolves "the alliance" only to an alliance named just before', () => {
    const far = graphOf(
      dated(
        'ECOWAS met in Abuja. Prices rose in Mali. Rains came to Niger. Chad joined the alliance.',
      ),
    );
    expect(far.relations).toEqual([]);
  });
});

describe('actors: states named as places', () => {
  it('does not make "troops in Mali" the subject of what the troops do', () => {
    const g = graphOf(dated('France has thousands of troops in Mali fighting al-Qaeda.'));
    expect(edges(g)).toEqual(['fra armed_conflict/hostile al-qaeda']);
  });
});
