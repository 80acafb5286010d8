import { describe, expect, it } from 'vitest';
import { getLexicon } from '../../src/pipeline/lexicon';
import actorData from '../../src/pipeline/data/actors.json';
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

  it("does not read a continent's adjective ('Latin American') as a state's demonym", () => {
    expect(
      edges(graphOf(dated('Venezuela expelled diplomats from seven Latin American countries.'))),
    ).toEqual([]);
    expect(edges(graphOf(dated('American troops left Niger.')))).toEqual([
      'usa rupture/hostile ner',
    ]);
  });

  it('maps a leader to his state within his tenure, not outside it', () => {
    const during = graphOf(dated('Macron criticized Mali.'));
    expect(edges(during)).toEqual(['fra criticism/hostile mli']);
    const before = graphOf(' date 2010-05-15 Macron criticized Mali.');
    expect(before.relations).toEqual([]);
  });

  it('keeps a state name that the dataset also spells with accents (Pakistan, Pākistān)', () => {
    expect(edges(graphOf(dated('Pakistan criticized India. Romania criticized Russia.')))).toEqual([
      'pak criticism/hostile ind',
      'rou criticism/hostile rus',
    ]);
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

describe('actors: a government in its state', () => {
  it("reads 'the central government' as the state the article is about", () => {
    expect(
      edges(
        graphOf(
          dated(
            'Nigeria is at war in the north. Boko Haram has fought for years to topple the federal government.',
          ),
        ),
      ),
    ).toEqual(['boko-haram armed_conflict/hostile nga']);
  });

  it('reads the regime a coup brought to power as the state the article is about', () => {
    expect(
      edges(
        graphOf(
          dated(
            'Chad is isolated. In 2021 a putsch installed a military regime which cut ties with France.',
          ),
        ),
      ),
    ).toEqual(['tcd rupture/hostile fra']);
    // Any other regime stays unnamed.
    expect(
      edges(graphOf(dated('Chad is isolated. A military regime cut ties with France.'))),
    ).toEqual([]);
  });

  it("reads 'the junta in Mali' and 'the authorities in Bamako' as the state", () => {
    expect(
      edges(graphOf(dated('The Russian-backed junta in Mali expelled the French ambassador.'))),
    ).toEqual(['mli rupture/hostile fra', 'rus military_support/cooperative mli']);
    expect(
      edges(graphOf(dated('The authorities in Bamako accused Algeria of interference.'))),
    ).toEqual(['mli criticism/hostile dza']);
    // Troops in a state are stationed there; a government in an aside stays an aside.
    expect(
      edges(graphOf(dated('French troops in Mali launched an operation against JNIM.'))),
    ).toEqual(['fra armed_conflict/hostile jnim']);
    expect(
      edges(
        graphOf(
          dated(
            'The Chadian junta, like the military government in Mali, has expelled French forces.',
          ),
        ),
      ),
    ).toEqual(['mli rupture/hostile fra', 'tcd rupture/hostile fra']);
  });
});

describe('actors: states named as places', () => {
  it('does not make "troops in Mali" the subject of what the troops do', () => {
    const g = graphOf(dated('France has thousands of troops in Mali fighting al-Qaeda.'));
    expect(edges(g)).toEqual(['fra armed_conflict/hostile al-qaeda']);
  });
});

const actorIds = (g: ReturnType<typeof graphOf>) => g.actors.map((a) => a.id);
const actor = (g: ReturnType<typeof graphOf>, id: string) => g.actors.find((a) => a.id === id);

describe('actors: discovery of names the dictionary lacks', () => {
  it('reads an acronym defined in parentheses as the named actor, there and later', () => {
    const g = graphOf(
      dated(
        'The Lakeside Liberation Front (LLF) attacked Chad on Monday. Later the LLF condemned Niger.',
      ),
    );
    expect(edges(g)).toEqual([
      'group-lakeside-liberation-front armed_conflict/hostile tcd',
      'group-lakeside-liberation-front criticism/hostile ner',
    ]);
    const llf = actor(g, 'group-lakeside-liberation-front');
    expect(llf?.type).toBe('armed_group');
    expect(llf?.aliases).toContain('LLF');
  });

  it('lists what it discovered in one info diagnostic per article', () => {
    const g = graphOf(dated('The Lakeside Liberation Front (LLF) attacked Chad.'));
    const notes = g.diagnostics.filter((d) => d.message.startsWith('actors not in the dictionary'));
    expect(notes).toHaveLength(1);
    expect(notes[0]?.level).toBe('info');
    expect(notes[0]?.message).toContain('Lakeside Liberation Front');
  });

  it('types a defined name by its head, and leaves a name that is no actor alone', () => {
    const g = graphOf(
      dated(
        'The Coastal States Authority (CSA) criticized Mali. The Northern Corridor Dam (NCD) worried Chad.',
      ),
    );
    expect(actor(g, 'org-coastal-states-authority')?.type).toBe('alliance');
    expect(actorIds(g).some((id) => id.includes('corridor'))).toBe(false);
  });

  it('lets an acronym the article defines override a state acronym for that article', () => {
    const g = graphOf(
      dated('The Popular Rescue Committees (PRC) condemned Mali. The PRC also condemned Niger.'),
    );
    expect(edges(g)).toEqual([
      'org-popular-rescue-committees criticism/hostile mli',
      'org-popular-rescue-committees criticism/hostile ner',
    ]);
  });

  it('lets the spelled-out name decide a known acronym that it does not fit', () => {
    const g = graphOf(
      dated('The Azande Defence Forces (ADF) attacked Cameroon. Later the ADF criticized Chad.'),
    );
    expect(edges(g)).toEqual([
      'group-azande-defence-forces armed_conflict/hostile cmr',
      'group-azande-defence-forces criticism/hostile tcd',
    ]);
    expect(edges(graphOf(dated('The ADF attacked Uganda.')))).toEqual([
      'adf armed_conflict/hostile uga',
    ]);
  });

  it('links an acronym spelled out as a state and agent words to that state', () => {
    const g = graphOf(
      dated('The Malawi Defence Force (MDF) attacked rebels. Later the MDF criticized Zambia.'),
    );
    expect(edges(g)).toContain('mwi criticism/hostile zmb');
  });

  it('finds a proper name with the head of an armed group', () => {
    const g = graphOf(
      dated('Zubara rebels attacked Mali. The Kivanda People’s Army ambushed Nigerien troops.'),
    );
    expect(edges(g)).toEqual([
      'group-kivanda-people-s-army armed_conflict/hostile ner',
      'group-zubara-rebels armed_conflict/hostile mli',
    ]);
    expect(actor(g, 'group-zubara-rebels')?.type).toBe('armed_group');
  });

  it('reads unknown names before a known group name as a longer name of another group', () => {
    const g = graphOf(
      dated(
        'The Zubara National Liberation Army attacked Chad. The National Liberation Army attacked Colombia.',
      ),
    );
    expect(edges(g)).toEqual([
      'eln armed_conflict/hostile col',
      'group-zubara-national-liberation-army armed_conflict/hostile tcd',
    ]);
  });

  it('makes unnamed backed rebels an actor beside their backer, not a name of the backer', () => {
    const g = graphOf(
      dated(
        'Zambian-backed rebels attacked Malawi. Chad-backed forces of the Nigerien government left.',
      ),
    );
    expect(actor(g, 'group-zmb-backed-rebels')?.name).toBe('Zambian-backed rebels');
    expect(actorIds(g)).toEqual(expect.arrayContaining(['zmb', 'mwi']));
    expect(actorIds(g).filter((id) => id.startsWith('group-'))).toEqual([
      'group-zmb-backed-rebels',
    ]);
  });

  it('makes no group of generic words, known names or a title-case headline', () => {
    const g = graphOf(
      dated(
        'Islamist militants and Government forces clashed in Mali. Ugandan forces fought M23 rebels. Coastal States Unite Forces Against Mali',
      ),
    );
    expect(actorIds(g).filter((id) => id.startsWith('group-'))).toEqual([]);
  });

  it('discovers no actor from page boilerplate', () => {
    const page = [
      ' date 2025-01-02 Mali and Niger sign pact',
      'Mali and Niger signed a defence pact on Monday.',
      'Read more',
      'TRENDING',
      '1',
      'Zubara rebels attack Chad as the Lakeside Liberation Front (LLF) regroups',
      '© Copyright 2025 Example Media',
    ].join('\n');
    const g = graphOf(page);
    expect(actorIds(g).some((id) => id.startsWith('group-'))).toBe(false);
    expect(g.diagnostics.some((d) => d.message.startsWith('actors not in'))).toBe(false);
  });
});

describe('actors: short references to armed groups', () => {
  it('reads "the rebels" and "the militia" as the armed group just named', () => {
    const g = graphOf(dated('M23 fighters entered Goma. The rebels then attacked Burundi.'));
    expect(edges(g)).toContain('m23 armed_conflict/hostile bdi');
    const far = graphOf(
      dated('M23 fighters entered Goma. Mali voted. Chad voted. The rebels then attacked Burundi.'),
    );
    expect(far.relations).toEqual([]);
  });
});

describe('actors: armies, governments and bodies stand for their state', () => {
  it('reads demonym or name plus agent words as the state', () => {
    expect(edges(graphOf(dated('The Sudanese Armed Forces attacked the RSF.')))).toEqual([
      'sdn armed_conflict/hostile rsf',
    ]);
    expect(edges(graphOf(dated('The Nigerien army criticized Benin.')))).toEqual([
      'ner criticism/hostile ben',
    ]);
    expect(edges(graphOf(dated("Egypt's government condemned Ethiopia.")))).toEqual([
      'egy criticism/hostile eth',
    ]);
  });

  it('reads army acronyms and bodies as their state', () => {
    const g = graphOf(
      dated('The UPDF and the FARDC attacked the ADF. The Pentagon criticized Iran.'),
    );
    expect(edges(g)).toEqual(
      expect.arrayContaining([
        'cod armed_conflict/hostile adf',
        'uga armed_conflict/hostile adf',
        'usa criticism/hostile irn',
      ]),
    );
  });

  it('finds a state whose dataset spellings differ only by accents (Pakistan, Romania)', () => {
    expect(edges(graphOf(dated('Pakistan criticized Romania.')))).toEqual([
      'pak criticism/hostile rou',
    ]);
  });

  it('reads the people of a state as the state and finds the short forms US and UK', () => {
    const g = graphOf(
      dated('South Africans and Malawians left. The US and UK condemned the Houthis.'),
    );
    expect(actorIds(g)).toEqual(expect.arrayContaining(['zaf', 'mwi', 'usa', 'gbr', 'houthis']));
  });
});

describe('actors: places that are not the state in their name', () => {
  it('keeps lakes, gulfs and rivers apart from the states named in them', () => {
    const g = graphOf(
      dated(
        'Boats on Lake Chad and in the Gulf of Guinea were seized. Barges on the Niger River sank.',
      ),
    );
    expect(actorIds(g).some((id) => ['tcd', 'gin', 'ner'].includes(id))).toBe(false);
  });

  it('reads Jordan as the state but not the Jordan River', () => {
    expect(edges(graphOf(dated("Jordan's government condemned Israel.")))).toEqual([
      'jor criticism/hostile isr',
    ]);
    expect(actorIds(graphOf(dated('Farms along the Jordan River dried up.')))).toEqual([]);
  });

  it('reads the Niger Delta as Nigeria and eastern Congo as the DR Congo', () => {
    const g = graphOf(dated('Militants in the Niger Delta and rebels in eastern Congo attacked.'));
    expect(actorIds(g)).toEqual(expect.arrayContaining(['nga', 'cod']));
    expect(actorIds(g).some((id) => ['ner', 'cog'].includes(id))).toBe(false);
  });

  it('reads bare Congo as the DR Congo unless the article names only the other Congo', () => {
    expect(edges(graphOf(dated('Congo accused Rwanda.')))).toEqual(['cod criticism/hostile rwa']);
    expect(edges(graphOf(dated('In Brazzaville, Congo accused Gabon.')))).toEqual([
      'cog criticism/hostile gab',
    ]);
  });

  it('reads an acronym of two actors by the one the article names', () => {
    expect(edges(graphOf(dated('The SNA attacked al-Shabaab.')))).toEqual([
      'som armed_conflict/hostile al-shabaab',
    ]);
    expect(
      edges(graphOf(dated('The Syrian National Army gathered. Later the SNA attacked the YPG.'))),
    ).toEqual(['sna-syria armed_conflict/hostile ypg']);
  });

  it('keeps the Congo River Alliance an armed group and the Sudans and Guineas apart', () => {
    const g = graphOf(
      dated(
        'The Congo River Alliance attacked Burundi. South Sudan criticized Sudan. Guinea-Bissau, Equatorial Guinea and Papua New Guinea condemned Guinea.',
      ),
    );
    expect(actor(g, 'afc')?.type).toBe('armed_group');
    expect(edges(g)).toEqual(
      expect.arrayContaining([
        'afc armed_conflict/hostile bdi',
        'ssd criticism/hostile sdn',
        'gnb criticism/hostile gin',
        'gnq criticism/hostile gin',
        'png criticism/hostile gin',
      ]),
    );
    expect(actorIds(g)).not.toContain('cog');
  });
});

describe('actors: leaders by tenure', () => {
  it('maps a name with two terms to its state in each, not between them', () => {
    expect(edges(graphOf(' date 2018-03-01 Trump criticized Iran.'))).toEqual([
      'usa criticism/hostile irn',
    ]);
    expect(edges(graphOf(' date 2022-03-01 Trump criticized Iran.'))).toEqual([]);
  });

  it('maps a name that held two offices to the actor of the one it held then', () => {
    expect(edges(graphOf(' date 2017-03-01 Von der Leyen criticized Russia.'))).toEqual([
      'deu criticism/hostile rus',
    ]);
    expect(edges(graphOf(' date 2022-03-01 Von der Leyen criticized Russia.'))).toEqual([
      'eu criticism/hostile rus',
    ]);
  });

  it('maps a warlord to his armed group, not to his state', () => {
    expect(edges(graphOf(dated('Haftar criticized Turkey.')))).toEqual([
      'lna criticism/hostile tur',
    ]);
  });
});

describe('actors: the dictionary data', () => {
  it('maps every leader to a known actor, with tenures that end after they begin', () => {
    const lex = getLexicon();
    const bad = actorData.leaders.flatMap((l) =>
      [{ actor: l.actor, from: l.from, to: l.to }, ...(l.terms ?? [])].flatMap((t) => {
        const id = lex.actors.has(t.actor) ? t.actor : t.actor.toLowerCase();
        return lex.actors.has(id) && (t.to === null || t.to >= t.from)
          ? []
          : [`${l.name}: ${t.actor}`];
      }),
    );
    expect(bad).toEqual([]);
  });

  it('gives every organisation a unique id and no alias to two of them', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const o of actorData.organizations)
      for (const alias of new Set([o.name, ...o.aliases])) {
        const prev = owner.get(alias);
        if (prev && prev !== o.id) clashes.push(`${alias}: ${prev}, ${o.id}`);
        owner.set(alias, o.id);
      }
    expect(clashes).toEqual([]);
    const ids = actorData.organizations.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
