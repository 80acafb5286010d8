import { describe, expect, it } from 'vitest';
import { edges, graphOf, pairs } from './pipeline-helpers';

const dated = (body: string) => ` date 2024-05-15 ${body}`;

describe('relations: who acts on whom', () => {
  it('reads subject and object of a plain clause', () => {
    expect(edges(graphOf(dated('France criticized Algeria over the border dispute.')))).toEqual([
      'fra criticism/hostile dza',
    ]);
  });

  it('reads the agent of a passive clause from its by-phrase', () => {
    const g = graphOf(
      dated('A fuel blockade orchestrated by Boko Haram has cut off the Nigerian capital, Abuja.'),
    );
    expect(edges(g)).toEqual(['boko-haram armed_conflict/hostile nga']);
  });

  it('pairs the members of a coordinated subject with a reciprocal verb', () => {
    expect(
      pairs(graphOf(dated('Senegal and Gambia agreed to strengthen border security cooperation.'))),
    ).toEqual(['gmb~sen cooperative']);
  });

  it('takes every member of a listed object', () => {
    const g = graphOf(dated('Chad cut ties with France, Germany and Italy last month.'));
    expect(edges(g)).toEqual([
      'tcd rupture/hostile deu',
      'tcd rupture/hostile fra',
      'tcd rupture/hostile ita',
    ]);
  });

  it('reads the subject of a relative clause', () => {
    const g = graphOf(
      dated('China is the main ally of Burkina Faso and Niger, who left ECOWAS in January.'),
    );
    expect(edges(g)).toEqual(
      expect.arrayContaining([
        'bfa rupture/hostile ecowas',
        'ner rupture/hostile ecowas',
        'chn alliance/cooperative bfa',
      ]),
    );
    expect(edges(g)).not.toContain('chn rupture/hostile ecowas');
  });

  it('does not make the source of an attribution a party', () => {
    const g = graphOf(dated('Ghana cut ties with Togo, according to Vladimir Putin.'));
    expect(pairs(g)).toEqual(['gha~tgo hostile']);
  });

  it('does not make the speaker of a trailing "X said" a party', () => {
    const g = graphOf(dated('Mali and Guinea agreed to deepen economic ties, the Kremlin said.'));
    expect(pairs(g)).toEqual(['gin~mli cooperative']);
  });
});

describe('relations: negation and hedging', () => {
  it('drops a negated statement and says so in a diagnostic', () => {
    const g = graphOf(dated('Niger did not cut ties with Benin.'));
    expect(g.relations).toEqual([]);
    expect(g.diagnostics.map((d) => d.message).join(' ')).toMatch(/negated or hedged/);
  });

  it('drops a hypothetical statement', () => {
    expect(graphOf(dated('Togo may seek to sign a defence pact with Ghana.')).relations).toEqual(
      [],
    );
  });

  it('keeps the positive statement beside a negated one', () => {
    const g = graphOf(dated('Senegal signed a trade deal with Mali. Senegal never attacked Mali.'));
    expect(edges(g)).toEqual(['sen economic_cooperation/cooperative mli']);
  });
});

describe('relations: types and polarity from the lexicon', () => {
  it.each([
    ['Russia will train troops for Mali.', 'rus military_support/cooperative mli'],
    ['Islamic State attacked Niger.', 'is armed_conflict/hostile ner'],
    ['Burkina Faso expelled France.', 'bfa rupture/hostile fra'],
    ['Algeria condemned Morocco.', 'dza criticism/hostile mar'],
    ['Turkey delivered drones to Niger.', 'tur military_support/cooperative ner'],
  ])('%s', (sentence, expected) => {
    expect(edges(graphOf(dated(sentence)))).toContain(expected);
  });

  it('reads hosting foreign troops or bases as their state stationing them there', () => {
    expect(edges(graphOf(dated('Poland hosts thousands of US troops.')))).toEqual([
      'usa military_support/cooperative pol',
    ]);
    expect(edges(graphOf(dated('Djibouti hosts French and Chinese military bases.')))).toEqual([
      'chn military_support/cooperative dji',
      'fra military_support/cooperative dji',
    ]);
    expect(edges(graphOf(dated("Mali's junta welcomed Russian instructors.")))).toEqual([
      'rus military_support/cooperative mli',
    ]);
    // A guest is no garrison: hosting an envoy stays diplomacy, from the host.
    expect(edges(graphOf(dated('Kenya hosted the Sudanese envoy on Monday.')))).toEqual([
      'ken diplomatic_engagement/cooperative sdn',
    ]);
  });

  it('reads troops sent to help in a place as support for that state, not troops sent to fight there', () => {
    expect(
      edges(
        graphOf(
          dated(
            'Rwanda is deploying 2,000 more troops to help fight the insurgency in Mozambique.',
          ),
        ),
      ),
    ).toEqual(['rwa military_support/cooperative moz']);
    expect(edges(graphOf(dated('Russia sent mercenaries to fight in Ukraine.')))).toEqual([]);
  });

  it.each([
    [
      'India and Pakistan exchanged fire along the Line of Control.',
      'ind armed_conflict/hostile pak',
    ],
    ['China and the Philippines traded accusations over the shoal.', 'chn criticism/hostile phl'],
    ['Ethiopia and Egypt have been at odds over the Nile dam.', 'egy criticism/hostile eth'],
    ['Kenya is at loggerheads with Somalia over the maritime border.', 'ken criticism/hostile som'],
  ])('reads the reciprocal idiom in "%s"', (sentence, expected) => {
    expect(edges(graphOf(dated(sentence)))).toEqual([expected]);
  });

  it('reads buying or receiving from a state as that state supplying, and a guest as diplomacy', () => {
    expect(edges(graphOf(dated('Mali acquired Bayraktar drones from Turkey.')))).toEqual([
      'tur military_support/cooperative mli',
    ]);
    expect(edges(graphOf(dated('Egypt imports most of its wheat from Russia.')))).toEqual([
      'rus economic_cooperation/cooperative egy',
    ]);
    expect(edges(graphOf(dated('Kenya received the Sudanese envoy.')))).toEqual([
      'ken diplomatic_engagement/cooperative sdn',
    ]);
  });

  it('reads a past form the tagger took for an adjective as the verb after a name', () => {
    expect(edges(graphOf(dated('Togo mediated between Mali and ECOWAS.')))).toEqual([
      'tgo diplomatic_engagement/cooperative ecowas',
      'tgo diplomatic_engagement/cooperative mli',
    ]);
  });

  it('reads ending a military operation or presence in a state as a rupture, not an attack', () => {
    expect(edges(graphOf(dated('France ended its military operation in Mali.')))).toEqual([
      'fra rupture/hostile mli',
    ]);
  });

  it('reads a member ending or suspending its membership as a rupture with the bloc', () => {
    expect(edges(graphOf(dated('Burkina Faso ended its membership of the G5 Sahel.')))).toEqual([
      'bfa rupture/hostile g5-sahel',
    ]);
    expect(edges(graphOf(dated('Niger suspended its membership in ECOWAS.')))).toEqual([
      'ner rupture/hostile ecowas',
    ]);
  });

  it("reads a base as its owner's presence in the place, not the presence of whoever fires at it", () => {
    expect(
      edges(graphOf(dated('Iran-backed militias fired rockets at a US base in Syria.'))),
    ).toEqual([
      'group-irn-backed-militias armed_conflict/hostile usa',
      'irn military_support/cooperative group-irn-backed-militias',
      'usa military_support/cooperative syr',
    ]);
    expect(edges(graphOf(dated('Militias attacked a base in Syria.')))).toEqual([]);
  });

  it('reads strikes inside a state as attacks on it', () => {
    expect(edges(graphOf(dated('Turkey launched strikes inside Iraq.')))).toEqual([
      'tur armed_conflict/hostile irq',
    ]);
  });

  it('reads a bloc suspending a member as a rupture', () => {
    expect(edges(graphOf(dated('The African Union suspended Gabon after the coup.')))).toEqual([
      'au rupture/hostile gab',
    ]);
  });

  it("does not make the owner of an actor ('Sudan's RSF') a party of its own", () => {
    expect(
      edges(graphOf(dated("Russia's Wagner Group helped Sudan's RSF acquire missiles."))),
    ).toEqual(['wagner military_support/cooperative rsf']);
  });

  it('does not read a prisoner exchange as fighting', () => {
    expect(edges(graphOf(dated('Russia and Ukraine exchanged prisoners.')))).toEqual([]);
  });

  it('takes the subject of a clause coordinated after "and" from that clause', () => {
    expect(
      edges(
        graphOf(
          dated(
            'Rebel fighters took the town of Bunia last week and Congolese soldiers traded artillery fire with the Ugandan army.',
          ),
        ),
      ),
    ).toContain('cod armed_conflict/hostile uga');
  });

  it('keeps partners who fight a third side together on one side', () => {
    expect(
      edges(graphOf(dated('Mali and Niger are fighting against jihadists in the border region.'))),
    ).toEqual([]);
    expect(
      edges(graphOf(dated('Mali and Burkina Faso waged war on the jihadist groups.'))),
    ).toEqual([]);
    // With no third side they are each other's: 'fought a war', and cooperation 'on' a topic.
    expect(edges(graphOf(dated('Ethiopia and Eritrea fought a war from 1998 to 2000.')))).toEqual([
      'eri armed_conflict/hostile eth',
    ]);
  });

  it('does not give a participle after unnamed forces to the clause subject', () => {
    expect(
      edges(
        graphOf(
          dated(
            "Haftar's forces were pushed back from Tripoli by forces aligned to the government with support from Turkey.",
          ),
        ),
      ),
    ).not.toContain('lna alliance/cooperative tur');
    // Named forces keep their participle: 'Malian troops backed by …'.
    expect(edges(graphOf(dated('Malian troops backed by Russia retook Kidal.')))).toContain(
      'rus military_support/cooperative mli',
    );
  });

  it('gives a participle after a named object phrase to that phrase, not the subject', () => {
    // A reduced relative: the convoys' state withdraws, not the state escorting them.
    const escort = edges(
      graphOf(
        dated(
          'Tanzania offers safe conduct to lorries of [SADC] soldiers and vehicles withdrawing from Mozambique.',
        ),
      ),
    );
    expect(escort).toContain('sadc rupture/hostile moz');
    expect(escort).not.toContain('tza rupture/hostile moz');
    // Unnamed troops name no one; a statement is its issuer's; a coalition's members act.
    expect(
      edges(
        graphOf(dated('Tanzania offers safe conduct to soldiers withdrawing from Mozambique.')),
      ),
    ).not.toContain('tza rupture/hostile moz');
    expect(edges(graphOf(dated('Mali issued a statement condemning France.')))).toContain(
      'mli criticism/hostile fra',
    );
    expect(
      edges(graphOf(dated('Chad had been part of a Nigerian-led coalition fighting Boko Haram.'))),
    ).toContain('tcd armed_conflict/hostile boko-haram');
  });

  it('reads through a hyphenated modifier between a verb and its noun', () => {
    expect(
      edges(graphOf(dated('The UN chose to end a two-decade-old monitoring mission in Chad.'))),
    ).toContain('un rupture/hostile tcd');
    expect(edges(graphOf(dated('Chad cut decades-old diplomatic ties with France.')))).toEqual([
      'tcd rupture/hostile fra',
    ]);
  });

  it('reads past an apposition: to the verb of its subject, and to the actor it names', () => {
    // 'after X, a …, seized': a clause of its own after 'after', not an object of 'resumed'.
    expect(
      edges(graphOf(dated('The talks resumed after the M23, a rebel group, seized Goma.'))),
    ).toContain('m23 armed_conflict/hostile cod');
    // An object phrase that names no actor, then an apposition that does.
    expect(
      edges(
        graphOf(
          dated("Ethiopia sent soldiers to detain leaders of the province's main party, the TPLF."),
        ),
      ),
    ).toContain('eth armed_conflict/hostile tplf');
    // A name with a verb after the comma is a clause of its own, not an apposition.
    expect(edges(graphOf(dated('Mali attacked the camp, the Malian army said.')))).toEqual([]);
  });

  it('gives a purpose clause after a verb of sending to who is sent', () => {
    expect(
      edges(graphOf(dated('Russia sent Wagner Group fighters to support the government of Chad.'))),
    ).toEqual([
      'rus military_support/cooperative wagner',
      'wagner military_support/cooperative tcd',
    ]);
    // Sent somewhere, not someone: the sender acts.
    expect(
      edges(graphOf(dated('Rwanda sent troops to Mozambique to fight Islamic State.'))),
    ).toContain('rwa armed_conflict/hostile is');
  });

  it("reads a convoy's people as the one acted on and helped", () => {
    expect(edges(graphOf(dated('JNIM attacked a convoy of Malian soldiers near Gao.')))).toEqual([
      'jnim armed_conflict/hostile mli',
    ]);
    expect(
      edges(graphOf(dated('Rwanda is providing an escort for convoys of Kenyan troops.'))),
    ).toEqual(['rwa military_support/cooperative ken']);
  });

  it("reads 'would' after 'announced in November that' as a reported decision", () => {
    expect(
      edges(graphOf(dated('Chad announced in May that every French soldier would leave Chad.'))),
    ).toEqual(['tcd rupture/hostile fra']); // (Chad's decision: see the departures below.)
    // A real hedge stays one.
    expect(edges(graphOf(dated('Mali said on Monday that it could expel France.')))).toEqual([]);
  });

  it("reads 'X, the Iranian-backed group,' as X backed, and X as the subject after it", () => {
    expect(
      edges(
        graphOf(dated('Hezbollah, the Iranian-backed group, exchanged fire with Israeli forces.')),
      ),
    ).toEqual([
      'hezbollah armed_conflict/hostile isr',
      'irn military_support/cooperative hezbollah',
    ]);
    // No unnamed 'UAE-backed militia' beside the RSF it describes.
    expect(edges(graphOf(dated('The RSF, a UAE-backed militia, seized El Fasher.')))).toEqual([
      'are military_support/cooperative rsf',
      'rsf armed_conflict/hostile sdn',
    ]);
  });

  it("reads 'an offensive against X' when the tagger makes 'offensive' an adjective", () => {
    expect(
      edges(graphOf(dated('Azerbaijani forces launched an offensive against Armenian positions.'))),
    ).toEqual(['aze armed_conflict/hostile arm']);
    expect(edges(graphOf(dated("Mali's offensive posture worried Algeria.")))).toEqual([]);
  });

  it("reads condemning the coup in a country as criticism of it, not of an attempt's", () => {
    expect(edges(graphOf(dated('ECOWAS condemned the military takeover in Niger.')))).toEqual([
      'ecowas criticism/hostile ner',
    ]);
    // The plotters of an attempt are not the country; nor is the scene of an attack.
    expect(edges(graphOf(dated('France condemned the coup attempt in Benin.')))).toEqual([]);
    expect(edges(graphOf(dated('The AU condemned the attack in Mali.')))).toEqual([]);
  });

  it('reads a delegation received as a visit, and a government in its capital as its state', () => {
    expect(edges(graphOf(dated("Niger's president received a delegation from Iran.")))).toEqual([
      'ner diplomatic_engagement/cooperative irn',
    ]);
    expect(edges(graphOf(dated('Mali received drones from Turkey.')))).toEqual([
      'tur military_support/cooperative mli',
    ]);
    expect(edges(graphOf(dated("Algeria's president criticised the junta in Bamako.")))).toEqual([
      'dza criticism/hostile mli',
    ]);
  });

  it('gives the bare verb after "helped X\'s forces" to X', () => {
    expect(
      edges(graphOf(dated("Turkish drones helped Tripoli's forces repel Haftar's offensive."))),
    ).toEqual(['lby armed_conflict/hostile lna', 'tur military_support/cooperative lby']);
  });

  it('ends an object list at a verb the tagger read as a plural noun', () => {
    expect(
      edges(graphOf(dated("Chad's rapprochement with Russia worries Washington."))),
    ).not.toContain('tcd alliance/cooperative usa');
    expect(edges(graphOf(dated("Chad's rapprochement with Russia worries Washington.")))).toContain(
      'tcd alliance/cooperative rus',
    );
  });

  it('gives an act of unnamed fighters affiliated with a group to that group', () => {
    expect(
      edges(graphOf(dated('Jihadists affiliated with al-Qaeda killed 20 Nigerien soldiers.'))),
    ).toEqual(['al-qaeda armed_conflict/hostile ner']);
    // In an apposition the named actor acts, not its sponsor.
    expect(
      edges(
        graphOf(
          dated('The talks resumed after the M23, a rebel group linked to Rwanda, seized Goma.'),
        ),
      ),
    ).toContain('m23 armed_conflict/hostile cod');
    // 'the town of X' is X.
    expect(edges(graphOf(dated('JNIM fighters besieged the town of Djibo for months.')))).toEqual([
      'jnim armed_conflict/hostile bfa',
    ]);
  });

  it('reads a hostile act vetoed or halted as one that did not happen', () => {
    expect(edges(graphOf(dated('Hungary vetoed new EU sanctions against Russia.')))).toEqual([]);
    expect(edges(graphOf(dated('The court halted the attack on Kyiv.')))).toEqual([]);
    // Refusing help is still a rupture with who offered it.
    expect(edges(graphOf(dated('Hungary blocked EU aid to Ukraine.')))).toEqual([
      'hun rupture/hostile ukr',
    ]);
  });

  it('gives an expulsion without a possessor to the state the expelled leave', () => {
    expect(
      edges(graphOf(dated('The expulsion of French troops from Burkina Faso was completed.'))),
    ).toEqual(['bfa rupture/hostile fra']);
    expect(edges(graphOf(dated("Niger's expulsion of the French ambassador was sudden.")))).toEqual(
      ['ner rupture/hostile fra'],
    );
  });

  it("keeps 'Reports that X …' opening a sentence a claim", () => {
    expect(
      edges(
        graphOf(dated('Reports that China had supplied weapons to the RSF could not be verified.')),
      ),
    ).toEqual([]);
    // Reported speech names its source and stays a report.
    expect(edges(graphOf(dated('Analysts say that Russia supplied weapons to Mali.')))).toEqual([
      'rus military_support/cooperative mli',
    ]);
  });

  it('gives help to the one helped, not to the object of what they then do', () => {
    // Unnamed rebels are helped and ambush: neither edge is Ukraine's with Wagner.
    expect(
      edges(graphOf(dated("Ukraine's intelligence helped Malian rebels ambush Wagner fighters."))),
    ).toEqual([]);
    expect(edges(graphOf(dated('Turkey helped Somali forces fight al-Shabaab.')))).not.toContain(
      'tur military_support/cooperative al-shabaab',
    );
    // Sent troops are the sender's own.
    expect(edges(graphOf(dated('Russia sent troops to fight JNIM.')))).toContain(
      'rus armed_conflict/hostile jnim',
    );
  });

  it('reads dissolving or annulling a military agreement as a rupture', () => {
    expect(
      edges(
        graphOf(dated("Burkina Faso's government dissolved its military agreement with France.")),
      ),
    ).toEqual(['bfa rupture/hostile fra']);
    expect(
      edges(graphOf(dated('Niger annulled its defence cooperation with the United States.'))),
    ).toEqual(['ner rupture/hostile usa']);
  });

  it('reads a case or a complaint filed against a state as criticism of it', () => {
    expect(
      edges(graphOf(dated('South Africa filed a genocide case against Israel at the court.'))),
    ).toEqual(['zaf criticism/hostile isr']);
    expect(
      edges(graphOf(dated('Mali lodged a complaint against Algeria with the Security Council.'))),
    ).toEqual(['mli criticism/hostile dza']);
  });

  it('reads licences granted and borders reopened', () => {
    expect(edges(graphOf(dated('Niger granted Russia a uranium mining licence.')))).toEqual([
      'ner economic_cooperation/cooperative rus',
    ]);
    expect(edges(graphOf(dated('Niger reopened its border with Benin.')))).toEqual([
      'ner diplomatic_engagement/cooperative ben',
    ]);
    expect(edges(graphOf(dated('Algeria closed its border with Morocco.')))).toEqual([
      'dza rupture/hostile mar',
    ]);
  });

  it('gives a base to who opens it, and its closing to who closes it', () => {
    expect(edges(graphOf(dated('Turkey opened a military base in Somalia.')))).toEqual([
      'tur military_support/cooperative som',
    ]);
    // The host does not own the base; the one who closes another's base breaks with it.
    expect(edges(graphOf(dated('Djibouti hosts a US base.')))).toEqual([
      'usa military_support/cooperative dji',
    ]);
    expect(edges(graphOf(dated('Niger closed the US base in Agadez.')))).toEqual([
      'ner rupture/hostile usa',
    ]);
  });

  it("reads 'has yet to sign' as not done", () => {
    expect(edges(graphOf(dated('Niger has yet to sign the treaty with Benin.')))).toEqual([]);
  });

  it('reads tariffs as sanctions, and their lifting as their end', () => {
    expect(edges(graphOf(dated('Washington imposed tariffs on Chinese goods.')))).toEqual([
      'usa rupture/hostile chn',
    ]);
    expect(edges(graphOf(dated('The United States lifted tariffs on Canada.')))).toEqual([
      'usa diplomatic_engagement/cooperative can',
    ]);
  });

  it("reads a verb the tagger took for a noun after a named actor's troops", () => {
    expect(
      edges(graphOf(dated('Ukrainian forces shot down a Russian helicopter near Kharkiv.'))),
    ).toEqual(['ukr armed_conflict/hostile rus']);
  });

  it('carries a list of objects past an apposition to an office of a state', () => {
    expect(
      edges(
        graphOf(
          dated(
            'Putin spoke to the head of the Malian junta, Colonel Assimi Goita, and the President of Chad, Mahamat Deby, the Kremlin said.',
          ),
        ),
      ),
    ).toEqual([
      'rus diplomatic_engagement/cooperative mli',
      'rus diplomatic_engagement/cooperative tcd',
    ]);
  });

  it('reads talks between two sides at war in the same article as neutral', () => {
    const atWar = 'The RSF attacked the Sudanese army in Khartoum.';
    const talks = "Negotiations between Sudan's army and the RSF opened in Geneva.";
    expect(edges(graphOf(dated(`${atWar} ${talks}`)))).toEqual([
      'rsf armed_conflict/hostile sdn',
      'rsf diplomatic_engagement/neutral sdn',
    ]);
    // Without the fighting, talks are cooperation; a deal the two sign is never neutral.
    expect(edges(graphOf(dated(talks)))).toEqual(['rsf diplomatic_engagement/cooperative sdn']);
    expect(
      edges(graphOf(dated(`${atWar} The Sudanese army and the RSF signed a deal in Jeddah.`))),
    ).not.toContain('rsf diplomatic_engagement/neutral sdn');
  });

  it("reads 'brought in X' as a verb's particle, not a place", () => {
    expect(edges(graphOf(dated('Mali brought in Wagner in 2021.')))).toEqual([
      'wagner military_support/cooperative mli',
    ]);
    expect(edges(graphOf(dated('Mali called in Russia.')))).toEqual([
      'rus military_support/cooperative mli',
    ]);
  });

  it("never reads a speaker's 'they' as the speaker, nor a coordinated verb's subject as another", () => {
    // The speaker says 'we'; 'they' are someone the sentence does not name.
    const quoted = graphOf(
      dated(
        'The CMA called the move expected. “Ever since they brought in Wagner, threw out the UN mission and began fighting us, this was coming,” a CMA spokesman said.',
      ),
    );
    expect(edges(quoted)).toEqual([]);
    // Someone else's quote: 'they' is who the text was about.
    expect(
      edges(graphOf(dated('Mali said it would leave. "They brought in Wagner," the CMA said.'))),
    ).toEqual(['wagner military_support/cooperative mli']);
  });

  it("finds an accord's other party in the relative clause after it", () => {
    expect(
      edges(
        graphOf(dated('Mali ended the agreement which let French troops operate from its soil.')),
      ),
    ).toEqual(['mli rupture/hostile fra']);
    expect(edges(graphOf(dated('Chad ended the agreement that it signed in 2019.')))).toEqual([]);
  });

  it('takes the object of a verb of causing as the one who acts after "to"', () => {
    expect(
      edges(graphOf(dated('Pressure from Paris forced Mali to expel the Danish troops.'))),
    ).toEqual(['mli rupture/hostile dnk']);
    expect(edges(graphOf(dated('The coup prompted ECOWAS to impose sanctions on Niger.')))).toEqual(
      ['ecowas rupture/hostile ner'],
    );
  });

  it('does not make a helper attack the state it helps retake its own town', () => {
    expect(
      edges(
        graphOf(dated('Wagner fighters helped the Malian army to retake Kidal from the rebels.')),
      ),
    ).toEqual(['wagner military_support/cooperative mli']);
  });

  it('reads the bare verb after "helped X" as X\'s', () => {
    expect(edges(graphOf(dated('France helped Chad fight Boko Haram.')))).toEqual([
      'fra military_support/cooperative tcd',
      'tcd armed_conflict/hostile boko-haram',
    ]);
  });

  it("joins a list across the first name's head noun", () => {
    expect(edges(graphOf(dated('Malian troops and Tuareg rebels clashed near Kidal.')))).toEqual([
      'mli armed_conflict/hostile tuareg-separatists',
    ]);
    expect(
      edges(
        graphOf(
          dated('Russian officials and their Malian counterparts discussed mining projects.'),
        ),
      ),
    ).toEqual(['mli economic_cooperation/cooperative rus']);
    expect(
      edges(graphOf(dated('France withdrew its troops and Russia sent mercenaries.'))),
    ).toEqual([]);
  });

  it('ends an object list before the subject of the next verb', () => {
    expect(edges(graphOf(dated('The US sanctioned Iran and China condemned the move.')))).toEqual([
      'usa rupture/hostile irn',
    ]);
    expect(edges(graphOf(dated('Russia armed Mali and Burkina Faso, officials said.')))).toEqual([
      'rus military_support/cooperative bfa',
      'rus military_support/cooperative mli',
    ]);
  });

  it('leaves out what a condition or a claim says, unless someone vouches for the claim', () => {
    expect(edges(graphOf(dated('If Mali leaves ECOWAS, Senegal would suffer.')))).toEqual([]);
    expect(
      edges(graphOf(dated('Niger rejected claims that it had received weapons from Iran.'))),
    ).toEqual([]);
    expect(edges(graphOf(dated('There are reports that Russia sent troops to Niger.')))).toEqual(
      [],
    );
    expect(
      edges(graphOf(dated('Investigators cited credible reports that Iran armed the Houthis.'))),
    ).toEqual(['irn military_support/cooperative houthis']);
  });

  it('reads a terrorist designation as a rupture', () => {
    expect(
      edges(graphOf(dated('Washington designated the Wagner Group a terrorist organisation.'))),
    ).toEqual(['usa rupture/hostile wagner']);
  });

  it('finds the subject after a fronted year without a comma', () => {
    expect(edges(graphOf(dated('In 2019 Turkey sent mercenaries to Libya.')))).toEqual([
      'tur military_support/cooperative lby',
    ]);
  });

  it('reads condemning "the attack" as criticism of whoever just attacked', () => {
    const attack = 'Boko Haram gunmen killed 30 villagers in northern Nigeria.';
    expect(edges(graphOf(dated(`${attack} The African Union condemned the killings.`)))).toEqual([
      'au criticism/hostile boko-haram',
      'boko-haram armed_conflict/hostile nga',
    ]);
    // No attack in particular, or one reported too long before: nobody to blame.
    expect(
      edges(graphOf(dated(`${attack} The African Union condemned attacks on civilians.`))),
    ).toEqual(['boko-haram armed_conflict/hostile nga']);
    const filler =
      ' The rainy season began early. Markets stayed open. Schools reopened. Roads flooded.';
    expect(
      edges(graphOf(dated(`${attack}${filler} The African Union condemned the killings.`))),
    ).toEqual(['boko-haram armed_conflict/hostile nga']);
  });

  it('decides a generic trigger by the cue words around it', () => {
    expect(
      edges(graphOf(dated('Russia and Mali discussed cooperation in energy and mining projects.'))),
    ).toEqual(['mli economic_cooperation/cooperative rus']);
  });

  it('keeps one relation per pair, type and polarity, with evidence from every article', () => {
    const g = graphOf(
      dated('Mali cut ties with Ukraine.'),
      ' date 2024-06-01 Mali cut ties with Ukraine in 2022.',
    );
    expect(g.relations).toHaveLength(1);
    expect(g.relations[0]?.evidence.map((e) => e.date)).toEqual(
      expect.arrayContaining(['2024-05-15', '2022']),
    );
  });
});

describe('relations: regressions found on unseen articles', () => {
  it('does not treat a clause after the first comma as an attribution', () => {
    const g = graphOf(
      dated('Mali, Niger and Chad said they were recalling their ambassadors from Algeria.'),
    );
    expect(edges(g)).toEqual([
      'mli rupture/hostile dza',
      'ner rupture/hostile dza',
      'tcd rupture/hostile dza',
    ]);
  });

  it('keeps the subject of a clause opened by "after"', () => {
    expect(
      edges(graphOf(dated('Mali protested after Algeria shot down a Malian drone.'))),
    ).toContain('dza armed_conflict/hostile mli');
  });

  it('finds an object named inside the trigger phrase', () => {
    expect(edges(graphOf(dated('Niger orders U.S. troops out.')))).toEqual([
      'ner rupture/hostile usa',
    ]);
  });

  it('reads revoking an agreement as a rupture, not as cooperation', () => {
    expect(
      pairs(
        graphOf(dated('Niger revoked a military cooperation agreement with the United States.')),
      ),
    ).toEqual(['ner~usa hostile']);
  });

  it('reads fighting alongside as support and lifting sanctions as engagement', () => {
    expect(
      edges(
        graphOf(
          dated('Wagner fought alongside the Malian army. ECOWAS lifted sanctions on Niger.'),
        ),
      ),
    ).toEqual([
      'ecowas diplomatic_engagement/cooperative ner',
      'wagner military_support/cooperative mli',
    ]);
  });

  it('keeps a reported decision ("announced that they would leave")', () => {
    expect(pairs(graphOf(dated('Niger and Mali announced that they would leave ECOWAS.')))).toEqual(
      ['ecowas~mli hostile', 'ecowas~ner hostile'],
    );
  });

  it('does not date an event by a year inside a relative clause', () => {
    const g = graphOf(
      dated("Mali's junta, which seized power in 2021, has turned to Russia for support."),
    );
    expect(g.relations[0]?.evidence[0]?.date).toBe('2024-05-15');
  });
});

describe('relations: more regressions found on unseen articles', () => {
  it('reads the agent of "which was claimed by X"', () => {
    expect(
      edges(graphOf(dated('The attack, which was claimed by JNIM, killed 50 Malian soldiers.'))),
    ).toEqual(['jnim armed_conflict/hostile mli']);
  });

  it('takes the head of a subject, not its apposition', () => {
    expect(
      edges(
        graphOf(
          dated('Senegal and Mauritania, both ECOWAS members, called for dialogue with the AES.'),
        ),
      ),
    ).toEqual([
      // 'both ECOWAS members' states their membership; it does not make ECOWAS the subject.
      'mrt alliance/cooperative ecowas',
      'mrt diplomatic_engagement/cooperative aes',
      'sen alliance/cooperative ecowas',
      'sen diplomatic_engagement/cooperative aes',
    ]);
  });

  it('reads suspending support as a rupture', () => {
    expect(
      edges(graphOf(dated('The European Union suspended its budget support to Niger.'))),
    ).toEqual(['eu rupture/hostile ner']);
  });

  it('does not read "called for" as a phone call', () => {
    expect(graphOf(dated('France called for calm in Mali.')).relations).toEqual([]);
  });
});

describe('relations: the wider lexicon', () => {
  it.each([
    ['ECOWAS suspended Guinea from the bloc.', 'ecowas rupture/hostile gin'],
    ['Algeria summoned the Malian ambassador.', 'dza criticism/hostile mli'],
    ['Niger restored diplomatic ties with Benin.', 'ner diplomatic_engagement/cooperative ben'],
    ['Russia and Mali held joint military exercises.', 'mli military_support/cooperative rus'],
    ['Lakurawa abducted Nigerien soldiers.', 'lakurawa armed_conflict/hostile ner'],
  ])('%s', (sentence, expected) => {
    expect(edges(graphOf(dated(sentence)))).toContain(expected);
  });

  it('does not read a common surname alone as a state', () => {
    expect(graphOf(dated('Diop criticized Ghana.')).relations).toEqual([]);
  });
});

describe('relations: lists, commas and former ties', () => {
  it('ends a list at its conjunction: "Mali, Niger and Chad, the AES…" is not a list of four', () => {
    const g = graphOf(
      dated('Since its founding in 2023 by Mali, Niger and Chad, the AES has grown.'),
    );
    expect(edges(g)).toEqual([
      'mli alliance/cooperative aes',
      'ner alliance/cooperative aes',
      'tcd alliance/cooperative aes',
    ]);
  });

  it('does not take an object across a comma that starts a new phrase', () => {
    const g = graphOf(
      dated(
        'France criticized Mali for seeking security assistance, a move Paris deems a failure.',
      ),
    );
    expect(pairs(g)).toEqual(['fra~mli hostile']);
  });

  it('does not read "former partners" as a current tie', () => {
    const g = graphOf(dated('Niger cut ties with its former security partners, including France.'));
    expect(edges(g)).toEqual(['ner rupture/hostile fra']);
  });

  it('does not make a list of a fronted phrase and the subject', () => {
    const g = graphOf(
      dated(
        'At a meeting with Chinese Foreign Minister Wang Yi, Lavrov criticized the United States.',
      ),
    );
    expect(edges(g)).toEqual(['rus criticism/hostile usa']);
  });
});

describe('relations: coordination, appositions and compounds', () => {
  it('gives a coordinated verb the sentence subject and reads the apposition of its object', () => {
    const g = graphOf(
      dated(
        'Mali and Niger left ECOWAS and formed the AES, a confederation that has deepened ties with Moscow.',
      ),
    );
    expect(edges(g)).toEqual(
      expect.arrayContaining([
        'mli rupture/hostile ecowas',
        'ner rupture/hostile ecowas',
        'mli alliance/cooperative aes',
        'ner alliance/cooperative aes',
        'aes diplomatic_engagement/cooperative rus',
      ]),
    );
    expect(edges(g).some((e) => e.includes('ecowas alliance'))).toBe(false);
  });

  it('reads "Kremlin-controlled" and "controlled by" as support from the controller', () => {
    expect(
      edges(graphOf(dated('Wagner handed over to the Kremlin-controlled Africa Corps.'))),
    ).toContain('rus military_support/cooperative africa-corps');
    expect(
      edges(
        graphOf(
          dated("The Africa Corps, which is controlled by Russia's defence ministry, stays."),
        ),
      ),
    ).toEqual(['rus military_support/cooperative africa-corps']);
  });
});

describe('relations: compounds, closed relatives, receiving', () => {
  it.each([
    ["Chad's relations with Sudan have soured.", ['tcd criticism/hostile sdn']],
    ['Russia-Mali talks ended on Friday.', ['mli diplomatic_engagement/cooperative rus']],
    [
      'Wagner, which is backed by Moscow, fought JNIM near Gao.',
      ['rus military_support/cooperative wagner', 'wagner armed_conflict/hostile jnim'],
    ],
    [
      'Burkina Faso received a shipment of drones from Turkey.',
      ['tur military_support/cooperative bfa'],
    ],
  ])('%s', (sentence, expected) => {
    expect(edges(graphOf(dated(sentence)))).toEqual(expected);
  });
});

describe('the token reader: one test per construction', () => {
  it.each([
    // A purpose clause takes the main subject; the enemy is not the place the troops go to.
    [
      'Chad deployed soldiers to Niger to fight Boko Haram.',
      ['tcd armed_conflict/hostile boko-haram', 'tcd military_support/cooperative ner'],
    ],
    // An event noun embedded in the slot of a verb lends the verb its agent.
    ['Mali grappled with attacks from JNIM.', ['mli armed_conflict/hostile jnim']],
    // A governing verb over an event noun: condemning a deployment criticises who deploys.
    [
      'Senegal condemned the deployment of Wagner in Mali.',
      ['sen criticism/hostile wagner', 'wagner military_support/cooperative mli'],
    ],
    // 'X-backed Y' is support from X to Y.
    [
      'Iran-backed Houthi rebels attacked Israel.',
      ['houthis armed_conflict/hostile isr', 'irn military_support/cooperative houthis'],
    ],
    // Reversed frames: the one who gives is in the 'from' or 'to' slot.
    ['Burkina Faso received drones from Turkey.', ['tur military_support/cooperative bfa']],
    ['Niger turned to Russia for support.', ['rus military_support/cooperative ner']],
    // An accusation is a criticism; what it alleges is not a fact.
    ['Sudan accused the UAE of arming the RSF.', ['sdn criticism/hostile are']],
    // 'X, like Y and Z, …' acts together.
    [
      'Niger, like Mali and Burkina Faso, expelled French troops.',
      ['bfa rupture/hostile fra', 'mli rupture/hostile fra', 'ner rupture/hostile fra'],
    ],
    // The passive with the state left named as a place.
    ['French troops were expelled from Mali.', ['mli rupture/hostile fra']],
    // A light verb lends its subject to the event noun.
    ['The United States imposed sanctions on Rwanda.', ['usa rupture/hostile rwa']],
    ['Russia and Mali held talks in Moscow.', ['mli diplomatic_engagement/cooperative rus']],
    // A headline in title case is read as a sentence.
    ['Chad Cuts Ties With France', ['tcd rupture/hostile fra']],
    // 'criticized X for turning to Y': X is the one turning.
    [
      'France criticized Mali for turning to Russia.',
      ['fra criticism/hostile mli', 'rus military_support/cooperative mli'],
    ],
  ])('%s', (sentence, expected) => {
    expect(edges(graphOf(dated(sentence)))).toEqual(expected);
  });

  it.each([
    // The members a state's coalition includes are its allies.
    [
      'Troops fought a Malian government coalition, which includes Burkina Faso and the Wagner Group.',
      ['bfa alliance/cooperative mli', 'wagner alliance/cooperative mli'],
    ],
    [
      'EAC troops had been part of a Somali government coalition.',
      ['som alliance/cooperative eac'],
    ],
    // A possessive pronoun before an event noun is the subject ('their withdrawal').
    [
      'Mali and Niger met in May. In June they announced their withdrawal from ECOWAS.',
      [
        'mli diplomatic_engagement/cooperative ner',
        'mli rupture/hostile ecowas',
        'ner rupture/hostile ecowas',
      ],
    ],
    // An event noun's own intransitive verb does not end its phrase.
    [
      'Clashes erupted last week between the Ethiopian army and the TPLF.',
      ['eth armed_conflict/hostile tplf'],
    ],
    // Coordinated verbs in a purpose clause share the main subject.
    [
      'Ethiopia sent troops into Tigray to disarm and detain TPLF leaders.',
      ['eth armed_conflict/hostile tplf'],
    ],
    // "X's breakaway region of Y" is Y.
    [
      "Ethiopia signed a deal with Somalia's breakaway region of Somaliland.",
      ['eth diplomatic_engagement/cooperative somaliland'],
    ],
    // A verb with an object of its own is not reciprocal among its subjects.
    ['Mali and Niger fought jihadists near the border.', []],
    // 'while also forging ties' keeps the subject of the clause before.
    [
      'Mali and Niger are cooperating while also forging closer ties with Russia.',
      expect.arrayContaining([
        'mli diplomatic_engagement/cooperative rus',
        'ner diplomatic_engagement/cooperative rus',
      ]),
    ],
  ])('%s', (sentence, expected) => {
    expect(edges(graphOf(dated(sentence)))).toEqual(expected);
  });

  it('reads "those countries" as the last list named, not every state of a sentence', () => {
    const g = graphOf(
      dated(
        'France left Chad. Mali, Niger and Burkina Faso expelled France. These nations now look to Beijing for loans.',
      ),
    );
    expect(edges(g)).toEqual(
      expect.arrayContaining([
        'chn economic_cooperation/cooperative bfa',
        'chn economic_cooperation/cooperative mli',
        'chn economic_cooperation/cooperative ner',
      ]),
    );
    expect(edges(g)).not.toContain('chn economic_cooperation/cooperative fra');
  });

  it('reads "the junta" as the state the article is about, not the last one named', () => {
    const g = graphOf(
      dated(
        'Mali has been ruled by soldiers since 2020. France criticised Mali. The junta expelled French troops.',
      ),
    );
    expect(edges(g)).toContain('mli rupture/hostile fra');
  });
});

describe('relations: lists that name members or allies without a verb', () => {
  it('reads a bracketed list after an alliance as its members', () => {
    const g = graphOf(
      dated('Observers from the East African Community (Kenya, Uganda and Tanzania) arrived.'),
    );
    expect(edges(g)).toEqual([
      'ken alliance/cooperative eac',
      'tza alliance/cooperative eac',
      'uga alliance/cooperative eac',
    ]);
  });

  it('reads a dashed list after "the member states" of an alliance', () => {
    const g = graphOf(
      dated('The two ECOWAS member states—Ghana and Togo—opened a joint border post on Monday.'),
    );
    expect(edges(g)).toEqual(
      expect.arrayContaining([
        'gha alliance/cooperative ecowas',
        'tgo alliance/cooperative ecowas',
      ]),
    );
  });

  it('reads a list after "their allies:" as allies of the plural group named before', () => {
    const g = graphOf(
      dated(
        'Both Sudan and Chad have turned to what they describe as their true partners: China and Qatar.',
      ),
    );
    expect(pairs(g)).toEqual(
      expect.arrayContaining([
        'chn~sdn cooperative',
        'chn~tcd cooperative',
        'qat~sdn cooperative',
        'qat~tcd cooperative',
      ]),
    );
  });

  it('does not read a bracketed list after a state as its members', () => {
    const g = graphOf(dated('Talks were held in Kenya (Nairobi, Mombasa) and Ethiopia.'));
    expect(edges(g)).toEqual([]);
  });
});

describe('relations: refusals, fronted comparisons, asides and pronouns', () => {
  it('reads help that a state rejected as a rupture, not as support', () => {
    expect(edges(graphOf(dated('Guinea has rejected help from Morocco.')))).toEqual([
      'gin rupture/hostile mar',
    ]);
    expect(edges(graphOf(dated('Chad refused military aid from Japan.')))).toEqual([
      'tcd rupture/hostile jpn',
    ]);
  });

  it('reads help that a state halted as its break with the one it helped', () => {
    expect(edges(graphOf(dated('Sweden halted development assistance to Mali.')))).toEqual([
      'swe rupture/hostile mli',
    ]);
  });

  it('gives a fronted "like" phrase the verb of the subject it is compared to', () => {
    const g = graphOf(dated('Like Ghana and Benin, which border the Sahel, Togo has left OPEC.'));
    expect(edges(g)).toEqual(
      expect.arrayContaining([
        'ben rupture/hostile opec',
        'gha rupture/hostile opec',
        'tgo rupture/hostile opec',
      ]),
    );
  });

  it('reads an event noun that names a body or its people as no event', () => {
    // 'coordination office': what the office does, not coordination between the UN and Chad.
    const g = graphOf(
      dated(
        "Chad summoned the UN's envoy and the director of the UN relief coordination office to complain.",
      ),
    );
    expect(edges(g)).toEqual(['tcd criticism/hostile un']);
  });

  it('reads a clash at a meeting as a quarrel and an accusation by its content clause', () => {
    expect(
      edges(
        graphOf(dated('Chadian and Japanese envoys clashed at a UN Security Council session.')),
      ),
    ).toEqual(['jpn criticism/hostile tcd']);
    // On the ground it is still a battle.
    expect(
      edges(graphOf(dated('Chadian and Sudanese troops clashed at the border on Monday.'))),
    ).toEqual(['sdn armed_conflict/hostile tcd']);
    expect(
      edges(graphOf(dated('Accusations by Chad that Japan is arming the rebels grew louder.'))),
    ).toEqual(['tcd criticism/hostile jpn']);
  });

  it('reads no reporter as the subject of a report inside a relative clause', () => {
    // 'they' report the abuses; Chadian troops commit them, and nothing names who suffers.
    expect(
      edges(
        graphOf(
          dated(
            'The UN raised the blockade again. Its envoy said medics keep finding abuses which they say are committed by Chadian troops.',
          ),
        ),
      ),
    ).toEqual([]);
  });

  it('reads no help in a base that is attacked', () => {
    // The base is Kenya's, but those who overran it are not the ones it serves.
    const g = graphOf(dated('Al-Qaeda-linked gunmen raided a Kenyan army base near the border.'));
    expect(edges(g)).not.toContainEqual(expect.stringMatching(/^ken military_support/u));
    expect(g.relations.length).toBeLessThanOrEqual(1);
    // Help with a hostile act still goes to the one who acts.
    expect(edges(graphOf(dated('Mali struck rebel camps with support from Russia.')))).toEqual([
      'rus military_support/cooperative mli',
    ]);
  });

  it('reads "with support from" inside a dashed aside as support for the one who acts', () => {
    const g = graphOf(
      dated(
        'Kenyan forces -- together with Uganda and with support from Japan and Italy - struck bases in Somalia.',
      ),
    );
    expect(edges(g)).toEqual(
      expect.arrayContaining([
        'ita military_support/cooperative ken',
        'jpn military_support/cooperative ken',
        'ken military_support/cooperative uga',
      ]),
    );
  });

  it('reads "it" after "after" as the actor named before it in the sentence', () => {
    const g = graphOf(
      dated(
        'The vote closes a chapter for Belgium in the region after it was made to withdraw its soldiers from Rwanda and Burundi.',
      ),
    );
    expect(edges(g)).toEqual(['bel rupture/hostile bdi', 'bel rupture/hostile rwa']);
  });
});

describe('relations: meetings brought together, coalitions and lists of phrases', () => {
  it('pairs everyone a meeting brought together, counterparts by their states', () => {
    const g = graphOf(
      dated(
        'The summit, which brought together Kenyan officials and their counterparts from Ghana and Peru, ended well.',
      ),
    );
    expect(pairs(g)).toEqual(
      expect.arrayContaining(['gha~ken cooperative', 'ken~per cooperative']),
    );
  });

  it('makes the members of a state coalition its allies, alliances among them', () => {
    const g = graphOf(
      dated(
        'Chad backed the Nigerian government coalition, which includes units from ECOWAS, private contractors and the CJTF.',
      ),
    );
    expect(edges(g)).toEqual(expect.arrayContaining(['ecowas alliance/cooperative nga']));
    expect(edges(g)).not.toContain('nga alliance/cooperative ecowas');
  });
});

describe('relations: compared subjects', () => {
  it('does not pair the states a "like" phrase compares as fighting one another', () => {
    const g = graphOf(
      dated('Like Ghana and Benin, which are also coastal, Togo is fighting Islamist insurgents.'),
    );
    expect(edges(g)).toEqual([]);
  });
});

describe('relations: demands, hired forces, joined actions', () => {
  it('reads a demand that another state withdraw as a break with it', () => {
    expect(edges(graphOf(dated('Gabon urged Japan to withdraw its advisers.')))).toEqual([
      'gab rupture/hostile jpn',
    ]);
    expect(edges(graphOf(dated('Chad demanded the exit of the UN force.')))).toEqual([
      'tcd rupture/hostile un',
    ]);
  });

  it('reads forces pushed back by others as fighting, and "by forces loyal to X" as X', () => {
    expect(
      edges(
        graphOf(dated('Al-Shabaab fighters were driven back by Kenyan troops near the border.')),
      ),
    ).toEqual(['ken armed_conflict/hostile al-shabaab']);
    expect(
      edges(
        graphOf(
          dated("Haftar's forces were pushed back by militias loyal to the Tripoli government."),
        ),
      ),
    ).toEqual(['lby armed_conflict/hostile lna']);
    // A capital they are loyal to is its government, not a place.
    expect(
      edges(graphOf(dated("Haftar's fighters were driven back by gunmen aligned with Tripoli."))),
    ).toEqual(['lby armed_conflict/hostile lna']);
    // Pushing back against criticism is no fighting.
    expect(edges(graphOf(dated('Chad pushed back against French criticism.')))).toEqual([]);
  });

  it('reads a visit to a part of a state as meeting whom it names, not the state', () => {
    expect(
      edges(graphOf(dated('Lavrov has flown to eastern Libya twice this year to meet Haftar.'))),
    ).toEqual(['rus diplomatic_engagement/cooperative lna']);
    expect(
      edges(graphOf(dated('Lavrov has visited eastern Libya twice this year to meet Haftar.'))),
    ).toEqual(['rus diplomatic_engagement/cooperative lna']);
    expect(edges(graphOf(dated('Lavrov visited the Central African Republic.')))).toEqual([
      'rus diplomatic_engagement/cooperative caf',
    ]);
  });

  it('reads a power extending its influence in states as ties with them', () => {
    expect(
      edges(
        graphOf(
          dated(
            'China has steadily extended its influence in Asia in states including Laos and Nepal.',
          ),
        ),
      ),
    ).toEqual([
      'chn diplomatic_engagement/cooperative lao',
      'chn diplomatic_engagement/cooperative npl',
    ]);
    expect(edges(graphOf(dated("China's growing influence in Laos worries Vietnam.")))).toEqual([
      'chn diplomatic_engagement/cooperative lao',
    ]);
    // Influence lost or waning is no tie.
    expect(edges(graphOf(dated('France lost influence in Mali.')))).toEqual([]);
    expect(edges(graphOf(dated("France's influence in Mali is waning.")))).toEqual([]);
  });

  it('reads sanctions with no target named as punishing the coup the sentence names', () => {
    expect(
      edges(
        graphOf(
          dated(
            'The dispute dates from a 2021 coup in Chad, which led the regional bloc ECOWAS to impose tough sanctions.',
          ),
        ),
      ),
    ).toEqual(['ecowas rupture/hostile tcd']);
    expect(edges(graphOf(dated('After the coup in Gabon, the EU imposed sanctions.')))).toEqual([
      'eu rupture/hostile gab',
    ]);
    // A failed coup is not the state's; a named target stays the target.
    expect(
      edges(graphOf(dated('After the failed coup in Gabon, the EU imposed sanctions.'))),
    ).toEqual([]);
    expect(
      edges(graphOf(dated('After the coup in Gabon, the EU imposed sanctions on Russia.'))),
    ).toEqual(['eu rupture/hostile rus']);
  });

  it("reads 'relations between X and Y have soured' as a quarrel between them", () => {
    expect(
      edges(graphOf(dated('Relations between Kenya and Tanzania have soured since May.'))),
    ).toEqual(['ken criticism/hostile tza']);
    expect(
      edges(graphOf(dated('Ties between Kenya and Tanzania deteriorated sharply last year.'))),
    ).toEqual(['ken criticism/hostile tza']);
    // Not any pair named before such a verb: only the ties between them.
    expect(edges(graphOf(dated('Prices in Kenya and Tanzania have soured the mood.')))).toEqual([]);
  });

  it("reads no noun's partners past a predicate with its own object", () => {
    // 'ties' are between them, not 'the deal'.
    expect(edges(graphOf(dated('The deal strained ties between Kenya and Tanzania.')))).toEqual([]);
    expect(
      edges(graphOf(dated('The deal has strained relations between Kenya and Tanzania.'))),
    ).toEqual(['ken criticism/hostile tza']);
    expect(edges(graphOf(dated('A deal between Kenya and Tanzania was signed.')))).toEqual([
      'ken diplomatic_engagement/cooperative tza',
    ]);
  });

  it('reads a demand past a relative clause set off by commas', () => {
    expect(
      edges(
        graphOf(
          dated(
            "In May, Chad's military government, which took power in 2021, demanded the exit of the UN mission.",
          ),
        ),
      ),
    ).toEqual(['tcd rupture/hostile un']);
  });

  it('does not read what a state urges its own people to do as done', () => {
    expect(edges(graphOf(dated('Kenya urged its citizens to leave Somalia at once.')))).toEqual([]);
  });

  it("reads a departure from a place that the place's side announces as its decision", () => {
    // The host announces it: the host sends the troops away.
    expect(
      edges(
        graphOf(
          dated("Chad's president announced in March that all French troops would leave Chad."),
        ),
      ),
    ).toEqual(['tcd rupture/hostile fra']);
    expect(
      edges(
        graphOf(
          dated(
            "Gabon's president, who took office promising reform, said that the last Japanese soldiers would withdraw from Gabon.",
          ),
        ),
      ),
    ).toEqual(['gab rupture/hostile jpn']);
    // With no place named, the state that announces the departure is the host.
    expect(
      edges(graphOf(dated('Chad announced in November that French troops would leave.'))),
    ).toEqual(['tcd rupture/hostile fra']);
    // The troops' own side announces it, or a third party reports it: unchanged.
    expect(
      edges(graphOf(dated('France announced that its troops would leave Chad this year.'))),
    ).toEqual(['fra rupture/hostile tcd']);
    expect(edges(graphOf(dated('Kenya said Russian fighters would leave Libya.')))).toEqual([
      'rus rupture/hostile lby',
    ]);
  });

  it('reads a force a state "brought in" as support for that state', () => {
    expect(edges(graphOf(dated('The government of Sudan brought in the Wagner Group.')))).toEqual([
      'wagner military_support/cooperative sdn',
    ]);
  });

  it('gives the actors a state "joined in" an action that action too', () => {
    const g = graphOf(dated('Norway joined Canada and Japan in imposing sanctions on Eritrea.'));
    expect(edges(g)).toEqual([
      'can rupture/hostile eri',
      'jpn rupture/hostile eri',
      'nor rupture/hostile eri',
    ]);
  });

  it('reads a progressive the tagger took for an adjective as a verb', () => {
    expect(edges(graphOf(dated('Benin has been engaging with Beijing on trade.')))).toEqual([
      'ben diplomatic_engagement/cooperative chn',
    ]);
  });
});

describe('relations: fronted help', () => {
  it('gives the help of a fronted "despite support from" phrase to the clause subject', () => {
    const g = graphOf(
      dated('Despite strong support from Iran and Qatar, the Houthi rebels were pushed back.'),
    );
    expect(edges(g)).toEqual(
      expect.arrayContaining([
        'irn military_support/cooperative houthis',
        'qat military_support/cooperative houthis',
      ]),
    );
  });
});

describe('relations: help in a fight, places set off by a comma', () => {
  it('reads "to help fight X" as fighting X, not as helping X', () => {
    const g = graphOf(
      dated('Kenya is sending more police to help fight attacks by Al-Shabaab fighters.'),
    );
    expect(edges(g)).toContain('ken armed_conflict/hostile al-shabaab');
    expect(edges(g)).not.toContain('ken military_support/cooperative al-shabaab');
  });

  it('does not take the state of an apposed province as the one fought', () => {
    const g = graphOf(
      dated("Nigeria fought Boko Haram in Borno, Nigeria's northeastern state, last year."),
    );
    expect(edges(g)).toEqual(['nga armed_conflict/hostile boko-haram']);
  });
});

describe('relations: tours', () => {
  it("reads the states a leader's tour included as states the leader's side engaged", () => {
    const g = graphOf(
      dated("Mnangagwa's regional tour, which included Angola and Namibia, ended on Friday."),
    );
    expect(edges(g)).toEqual([
      'zwe diplomatic_engagement/cooperative ago',
      'zwe diplomatic_engagement/cooperative nam',
    ]);
  });
});

describe('relations: attributive -ing words', () => {
  it('does not read "the warring" before a name as a war between the ones who report it', () => {
    const g = graphOf(
      dated('Kenya and Ghana welcomed talks between the warring Ethiopian army and the TPLF.'),
    );
    expect(pairs(g)).not.toContain('gha~ken hostile');
  });
});

describe('relations: third parties that bring two sides to talks', () => {
  it('gives the host, broker or mediator of talks between two sides a tie with each', () => {
    for (const sentence of [
      'Kenya mediated talks between Chad and Niger in Nairobi.',
      'Talks between Chad and Niger were hosted by Kenya.',
      'The talks between Chad and Niger, facilitated by Kenya, ended in a deal.',
      'The Kenya-brokered deal between Chad and Niger was signed on Friday.',
    ])
      expect(edges(graphOf(dated(sentence))), sentence).toEqual([
        'ken diplomatic_engagement/cooperative ner',
        'ken diplomatic_engagement/cooperative tcd',
        'ner diplomatic_engagement/cooperative tcd',
      ]);
  });

  it('does not make a state that welcomes or comments on talks a party to them', () => {
    for (const sentence of [
      'Kenya welcomed the talks between Chad and Niger.',
      'Analysts in Kenya said talks between Chad and Niger would resume.',
    ])
      expect(edges(graphOf(dated(sentence))), sentence).toEqual([
        'ner diplomatic_engagement/cooperative tcd',
      ]);
  });
});

describe('relations: reports after a time phrase, missions ended in a state', () => {
  it('reads the pronoun after "said on Sunday" as the one who said it', () => {
    expect(edges(graphOf(dated('Chad said on Sunday it was leaving the African Union.')))).toEqual([
      'tcd rupture/hostile au',
    ]);
    expect(
      edges(
        graphOf(dated('Peru and Chile said in a statement they had expelled the Bolivian envoy.')),
      ),
    ).toEqual(['chl rupture/hostile bol', 'per rupture/hostile bol']);
  });

  it('reads the state where an ended mission or programme was as its other side', () => {
    expect(edges(graphOf(dated('The UN voted to end its peacekeeping mission in Haiti.')))).toEqual(
      ['un rupture/hostile hti'],
    );
    expect(edges(graphOf(dated('Norway suspended its aid programmes in Niger.')))).toEqual([
      'nor rupture/hostile ner',
    ]);
    // A war in a state is no mission of the one who ends it.
    expect(edges(graphOf(dated('Egypt wants to end the war in Sudan.')))).toEqual([]);
  });
});

describe('relations: places restated and clauses after a comma', () => {
  it('does not take the state that places a province as one more side fought', () => {
    const g = graphOf(
      dated(
        'Kenya sent troops to fight attacks by al-Shabaab in Cabo Delgado, Mozambique, a minister said.',
      ),
    );
    expect(edges(g)).not.toContain('ken armed_conflict/hostile moz');
    expect(edges(g)).toContain('ken armed_conflict/hostile al-shabaab');
  });

  it('does not give the subject an attack whose own agent is named, known or not', () => {
    const g = graphOf(
      dated(
        'Kenya is sending more police to help fight attacks by gangs in Port-au-Prince, the capital of Haiti, President William Ruto was quoted as saying.',
      ),
    );
    expect(edges(g)).toEqual([]);
  });
});

describe('relations: event nouns in an apposition', () => {
  it('gives an event noun in a participle phrase after a name to that name', () => {
    expect(
      edges(
        graphOf(
          dated(
            "Chad has since brought in Russia's Wagner Group, the contractors engaged in attacks on Sudan.",
          ),
        ),
      ),
    ).toEqual(['wagner armed_conflict/hostile sdn', 'wagner military_support/cooperative tcd']);
  });

  it('leaves an adverbial participle after the comma to the clause subject', () => {
    expect(
      edges(
        graphOf(
          dated('Peru turned away from Chile and Bolivia, aiming for stronger ties with Brazil.'),
        ),
      ),
    ).toContain('per diplomatic_engagement/cooperative bra');
  });
});

describe('relations: "its" with no acting subject', () => {
  it("reads 'its' as the nearest owner named before it", () => {
    expect(
      edges(
        graphOf(
          dated("The port deal is part of Ankara's plan, in light of its rivalry with Greece."),
        ),
      ),
    ).toEqual(['tur criticism/hostile grc']);
  });

  it('does not guess an owner when none is marked', () => {
    expect(
      edges(
        graphOf(
          dated('The plan of Turkey and Libya is ambitious, in light of its rivalry with Greece.'),
        ),
      ),
    ).toEqual([]);
  });
});

describe('relations: help ended by a noun, events judged by others', () => {
  it('reads help governed by "the end to" or "the suspension of" as a break', () => {
    expect(edges(graphOf(dated('Oslo announced the suspension of aid to Niger.')))).toEqual([
      'nor rupture/hostile ner',
    ]);
    expect(
      edges(
        graphOf(
          dated('After the end to defence cooperation between Paris and Dakar, troops left.'),
        ),
      ),
    ).toEqual(['fra rupture/hostile sen']);
  });

  it('does not make the one who condemns an attack its attacker', () => {
    expect(edges(graphOf(dated('Kenya condemned the attack on the African Union camp.')))).toEqual(
      [],
    );
    expect(edges(graphOf(dated('Kenya launched an attack on al-Shabaab camps.')))).toEqual([
      'ken armed_conflict/hostile al-shabaab',
    ]);
  });
});

describe('relations: "he" after a person noun', () => {
  it('reads "he" after an unnamed commander as that person, not the state before', () => {
    expect(
      edges(
        graphOf(
          dated(
            'Chad recalled its ambassador to protest the welcome given to the leader of the armed band, when he visited Kenya yesterday.',
          ),
        ),
      ),
    ).not.toContain('tcd diplomatic_engagement/cooperative ken');
  });

  it("reads 'he' after a state's leader as that state", () => {
    expect(
      edges(
        graphOf(dated("Chad protested at the welcome for Niger's leader, when he visited Kenya.")),
      ),
    ).toContain('ner diplomatic_engagement/cooperative ken');
  });
});

describe('relations: coordinated predicates', () => {
  it('ends a head phrase at "and" before an auxiliary: the rest is another predicate', () => {
    expect(
      edges(
        graphOf(
          dated('Gabon joined the Commonwealth last year and has been talking with Washington.'),
        ),
      ),
    ).toEqual([
      'gab alliance/cooperative commonwealth',
      'gab diplomatic_engagement/cooperative usa',
    ]);
  });
});

describe('mentions: "the country" refers back', () => {
  it('reads "the country" as the state named last before it', () => {
    const g = graphOf(
      dated(
        'France praised Chad on Monday. The country, long a partner of Paris, later improved its ties with Kenya.',
      ),
    );
    expect(edges(g)).toContain('tcd diplomatic_engagement/cooperative ken');
    expect(edges(g)).not.toContain('fra diplomatic_engagement/cooperative ken');
    // A phrase that refers back is no name of the state.
    expect(g.actors.find((a) => a.id === 'tcd')?.aliases).not.toContain('country');
  });
});
