import { describe, expect, it } from 'vitest';
import { getLexicon } from '../../src/pipeline/lexicon';
import { findMentions } from '../../src/pipeline/mentions';
import { edges, graphOf } from './pipeline-helpers';

const dated = (body: string) => ` date 2024-05-15 ${body}`;

/** The mentions of one sentence as 'surface=id(kind)'. */
function mentionsOf(sentence: string, date = '2024-05-15'): string[] {
  return findMentions(
    sentence,
    0,
    sentence.length,
    getLexicon(),
    date,
    { lists: [], lastOfType: new Map() },
    new Map(),
    new Map(),
  ).map((m) => `${m.surface}=${m.actorIds.join('+')}(${m.kind})`);
}

describe('mentions: a nationality is not its state', () => {
  it('does not read a demonym before rebels, militants or an armed group as the state', () => {
    expect(edges(graphOf(dated('Chadian rebels shelled a garrison in Niger on Tuesday.')))).toEqual(
      [],
    );
    expect(mentionsOf('A Syrian rebel group ambushed Turkish soldiers.')).toEqual([
      'Turkish=tur(actor)',
    ]);
    expect(mentionsOf('Malian jihadists and Nigerien militias clashed.')).toEqual([]);
    expect(mentionsOf('Somali pirates seized a Greek tanker.')).toEqual(['Greek=grc(actor)']);
  });

  it('keeps the state behind the group when a backer or an apposition names it', () => {
    // The group is what Iran supports, not the state whose nationality it has.
    expect(
      edges(graphOf(dated('The Houthis, a Yemeni armed movement backed by Iran, fired missiles.'))),
    ).toEqual(['irn military_support/cooperative houthis']);
    expect(edges(graphOf(dated('Kenyan troops attacked Somali militants near Kismayo.')))).toEqual(
      [],
    );
  });

  it('reads refugees, civilians and migrants as people, not as their state', () => {
    expect(edges(graphOf(dated('Iran expelled thousands of Afghan migrants in March.')))).toEqual(
      [],
    );
    expect(edges(graphOf(dated('RSF fighters shot Sudanese civilians near Omdurman.')))).toEqual(
      [],
    );
  });

  it('keeps state armies, names and capitalised names that begin with a state', () => {
    expect(edges(graphOf(dated('Ethiopian troops attacked Eritrean positions.')))).toEqual([
      'eth armed_conflict/hostile eri',
    ]);
    // A capitalised name is a name ('Sudan Liberation Movement' is no nationality phrase).
    expect(mentionsOf('The Sudan Liberation Movement attacked the RSF.')).not.toContain(
      'Sudan=sdn(actor)',
    );
  });

  it('does not read "ethnic Armenians" as Armenia', () => {
    expect(mentionsOf('Azerbaijan shelled villages of ethnic Armenians.')).toEqual([
      'Azerbaijan=aze(actor)',
    ]);
  });
});

describe('mentions: a state named as a border, coast or part is a place', () => {
  it('reads "the border with X" and "the X border" as a place', () => {
    expect(mentionsOf('Rebels massed along the border with China.')).toEqual(['China=chn(place)']);
    expect(mentionsOf('Troops patrolled the Chadian border.')).toEqual(['Chadian=tcd(place)']);
    expect(mentionsOf('A drone fell off the coast of Yemen.')).toEqual(['Yemen=yem(place)']);
    // A coast guard acts.
    expect(mentionsOf('The Somali coast guard seized a dhow.')).toEqual(['Somali=som(actor)']);
  });

  it('gives no relation with a state that only marks where the fighting was', () => {
    expect(
      edges(
        graphOf(dated('Pakistani troops killed TTP fighters near the border with Afghanistan.')),
      ),
    ).toEqual(['pak armed_conflict/hostile ttp']);
  });

  it('reads "northern Mozambique" as a place of Mozambique', () => {
    expect(mentionsOf('The insurgency in the north spread to northern Mozambique.')).toEqual([
      'Mozambique=moz(place)',
    ]);
    // Names that begin with a direction are names.
    expect(mentionsOf('South Sudan and North Korea met.')).toEqual([
      'South Sudan=ssd(actor)',
      'North Korea=prk(actor)',
    ]);
  });

  it('reads the states listed after "in" as places too', () => {
    expect(mentionsOf('Militias in Iraq and Syria have fired rockets at US bases.')).toEqual([
      'Iraq=irq(place)',
      'Syria=syr(place)',
      'US=usa(actor)',
    ]);
    expect(mentionsOf('French troops left bases in Chad, Gabon, and Senegal last year.')).toEqual([
      'French=fra(actor)',
      'Chad=tcd(place)',
      'Gabon=gab(place)',
      'Senegal=sen(place)',
    ]);
    // ', and' may begin a clause whose subject is the next state.
    expect(
      mentionsOf('The fighting spread in Mali, and Niger said it would close the border.'),
    ).toEqual(['Mali=mli(place)', 'Niger=ner(actor)']);
  });

  it('reads a capital after a direction ("in east Beirut", "southern Kyiv") as a place', () => {
    expect(mentionsOf('A drone hit a car in east Beirut.')).toEqual(['Beirut=lbn(place)']);
    expect(mentionsOf('Missiles struck southern Kyiv overnight.')).toEqual(['Kyiv=ukr(place)']);
  });

  it('does not read "Syrian media reported" as Syria', () => {
    expect(mentionsOf('The strikes continued, Syrian media reported.')).toEqual([]);
    expect(mentionsOf('Israeli analysts doubt the truce.')).toEqual([]);
  });

  it('does not read seas and currencies named after a state as that state', () => {
    expect(mentionsOf('Ships crossed the Indian Ocean and the Gulf of Mexico.')).toEqual([]);
    expect(mentionsOf('The Iranian rial fell against the US dollar.')).toEqual([]);
    expect(mentionsOf('Warships crossed the Taiwan Strait into the Philippine Sea.')).toEqual([]);
  });
});

describe('actors: armies and bodies of states from other regions', () => {
  it("reads a state's army whose name ends like a known group's as the state", () => {
    // "People's Defence Force" alone is Myanmar's resistance; after 'Uganda' it is Uganda's army.
    expect(edges(graphOf(dated("The Uganda People's Defence Force attacked the ADF.")))).toEqual([
      'uga armed_conflict/hostile adf',
    ]);
    expect(
      edges(graphOf(dated("Uganda People's Defence Force (UPDF) soldiers attacked the ADF."))),
    ).toEqual(['uga armed_conflict/hostile adf']);
    expect(mentionsOf("The People's Defence Force attacked a junta convoy.")).toContain(
      "People's Defence Force=pdf-myanmar(actor)",
    );
  });

  it('maps armies, commands and agencies to their states', () => {
    expect(mentionsOf("Korean People's Army units trained with the FANB.")).toEqual([
      "Korean People's Army=prk(actor)",
      'FANB=ven(actor)',
    ]);
    expect(
      mentionsOf('The Armed Forces of Ukraine and SOUTHCOM and the Border Guard Police.'),
    ).toEqual([
      'Armed Forces of Ukraine=ukr(actor)',
      'SOUTHCOM=usa(actor)',
      'Border Guard Police=mmr(actor)',
    ]);
    expect(mentionsOf('The High Council of State rejected the plan.')).toEqual([
      'High Council of State=lby(actor)',
    ]);
  });

  it('knows armed groups of South Asia and Myanmar', () => {
    expect(mentionsOf('ARSA and the Chin National Front and the Haqqani network.')).toEqual([
      'ARSA=arsa(actor)',
      'Chin National Front=cnf(actor)',
      'Haqqani network=haqqani(actor)',
    ]);
    expect(mentionsOf('The United League of Arakan said so.')).toEqual([
      'United League of Arakan=arakan-army(actor)',
    ]);
  });

  it('maps ministers to their state only within their tenure', () => {
    expect(mentionsOf('Vladimir Padrino Lopez spoke.', '2024-05-15')).toEqual([
      'Vladimir Padrino Lopez=ven(actor)',
    ]);
    expect(mentionsOf('Vladimir Padrino Lopez spoke.', '2010-05-15')).toEqual([]);
    expect(mentionsOf('Rafael Grossi visited Tehran.', '2024-05-15')).toContain(
      'Rafael Grossi=iaea(actor)',
    );
  });
});

describe('actors: bodies named after a state', () => {
  it('reads a monitor or NGO named after a state as an organisation, not the state', () => {
    expect(
      edges(graphOf(dated('The Yemen Truce Monitoring Network condemned the Houthis.'))),
    ).toEqual(['org-yemen-truce-monitoring-network criticism/hostile houthis']);
    expect(
      edges(graphOf(dated('The Syrian Observatory for Human Rights criticised Turkey.'))),
    ).toEqual(['sohr criticism/hostile tur']);
  });

  it("keeps a state's own council the state, not the UN's Security Council", () => {
    expect(
      edges(graphOf(dated("Iran's Supreme National Security Council warned Israel."))),
    ).toEqual(['irn criticism/hostile isr']);
    expect(edges(graphOf(dated('The UN Security Council condemned Russia.')))).toEqual([
      'un criticism/hostile rus',
    ]);
  });

  it('reads "a London-based monitor" as a place, not Britain acting', () => {
    expect(mentionsOf('A Nairobi-based watchdog criticised Ethiopia.')).toEqual([
      'Nairobi=ken(place)',
      'Ethiopia=eth(actor)',
    ]);
    expect(edges(graphOf(dated('A Washington-based think tank criticised Russia.')))).toEqual([]);
  });
});

describe('actors: a body of agent words only', () => {
  it('is the state it belongs to, not a discovered organisation', () => {
    expect(mentionsOf('The Supreme Defence Council of Mali condemned the attack.')).toEqual([
      'Supreme Defence Council of Mali=mli(actor)',
    ]);
    expect(mentionsOf('The Security Council met again.')).not.toContain(
      'Security Council=org-security-council(actor)',
    );
    // A council with a name of its own is still discovered.
    expect(mentionsOf('The Kivu Peace Council condemned the M23.')).toContain(
      'Kivu Peace Council=org-kivu-peace-council(actor)',
    );
  });
});

describe('actors: adjectives and army branches the country dataset lacks', () => {
  it('reads "Philippine", "Botswanan" and "Tajik" as their states', () => {
    expect(mentionsOf('The Philippine Coast Guard said a Philippine boat was rammed.')).toEqual([
      'Philippine Coast Guard=phl(actor)',
      'Philippine=phl(actor)',
    ]);
    expect(mentionsOf('Botswanan and Tajik officials met.')).toEqual([
      'Botswanan=bwa(actor)',
      'Tajik=tjk(actor)',
    ]);
  });

  it("reads a branch of a state's forces as the state, not as a discovered group", () => {
    expect(edges(graphOf(dated('The Egyptian Aerospace Forces bombed RSF positions.')))).toEqual([
      'egy armed_conflict/hostile rsf',
    ]);
    expect(mentionsOf("Ukraine's 47th Mechanized Brigade held the town.")).toEqual([
      'Ukraine=ukr(actor)',
    ]);
  });
});
