import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse, type TextDoc } from '../../src/pipeline/text.js';
import { findCasualties, casualtiesFor, loadCasualtyLexicon, type CasualtyCount } from '../../src/pipeline/casualties.js';

/** The casualty statements of a one-sentence text, as "kind=count(qualifier)". */
function read(text: string): string[] {
  const d = analyse(text);
  assert.equal(d.sentStart.length, 1, `expected one sentence: ${text}`);
  return findCasualties(d, d.sentStart[0], d.sentEnd[0]).map((c) => `${c.kind}=${c.count}${c.qualifier ? `(${c.qualifier})` : ''}`);
}

function tokenOf(d: TextDoc, word: string, nth = 0): number {
  let seen = 0;
  for (let i = 0; i < d.n; i++) if (d.lower[i] === word && seen++ === nth) return i;
  throw new Error(`no token "${word}"`);
}

/** Counts for the event triggered by `word` with CAMEO `cameo`. */
function eventCounts(text: string, word: string, cameo: string) {
  const d = analyse(text);
  const counts: CasualtyCount[] = findCasualties(d, d.sentStart[0], d.sentEnd[0]);
  const t = tokenOf(d, word);
  return casualtiesFor(counts, { start: t, end: t + 1 }, cameo);
}

const SEED = 'Armenia’s Defense Ministry said at the time that three of its troops were killed and two more were wounded in clashes '
  + 'with Azerbaijani forces on the border between the two ex-Soviet nations, which have been locked in a decades-long tug-of-war '
  + 'over the Nagorno-Karabakh region, AP reported.';

test('seed sentence: the killed event carries killed 3, wounded 2; the wounded event wounded 2', () => {
  assert.deepEqual(read(SEED), ['killed=3', 'wounded=2']);
  assert.deepEqual(eventCounts(SEED, 'killed', '190'), { killed: 3, wounded: 2, qualifier: null });
  assert.deepEqual(eventCounts(SEED, 'wounded', '190'), { killed: null, wounded: 2, qualifier: null });
  assert.deepEqual(eventCounts(SEED, 'clashes', '190'), { killed: 3, wounded: 2, qualifier: null });
});

test('statements carry the spans of the number and of the casualty word', () => {
  const d = analyse(SEED);
  const [k, w] = findCasualties(d, d.sentStart[0], d.sentEnd[0]);
  assert.equal(d.value.slice(k.numStart, k.numEnd).join(' '), 'three');
  assert.equal(d.value.slice(k.wordStart, k.wordEnd).join(' '), 'killed');
  assert.equal(d.value.slice(w.numStart, w.numEnd).join(' '), 'two');
  assert.equal(d.value.slice(w.wordStart, w.wordEnd).join(' '), 'wounded');
  assert.match(k.rule, /^casualties\.tsv:\d+ kill$/);
  assert.equal(k.total, false);
});

test('the object of an active verb; a subset after "including" does not add', () => {
  assert.deepEqual(read('Police opened fire, killing 6 civilians, including 2 women.'), ['killed=6']);
  assert.deepEqual(read('Gunmen killed 6 civilians, 2 of them women.'), ['killed=6']);
  assert.deepEqual(read('The attack killed 2 and wounded 30.'), ['killed=2', 'wounded=30']);
  assert.deepEqual(read('The explosion killed one person and injured two others.'), ['killed=1', 'wounded=2']);
  assert.deepEqual(read('Flight 17 was shot down, killing all 298 people on board.'), ['killed=298']);
  assert.deepEqual(read('Israeli troops shot dead 2 Palestinians.'), ['killed=2']);
});

test('"lost their lives" with digits and commas, and the qualifier', () => {
  assert.deepEqual(read('More than 5,000 people lost their lives in the war.'), ['killed=5000(more than)']);
  assert.deepEqual(eventCounts('More than 5,000 people lost their lives in the fighting.', 'fighting', '190'),
    { killed: 5000, wounded: null, qualifier: 'more than' });
});

test('number words: compounds, hundreds, "a dozen", "two more"', () => {
  assert.deepEqual(read('Twenty-five soldiers were killed.'), ['killed=25']);
  assert.deepEqual(read('Three hundred civilians were killed.'), ['killed=300']);
  assert.deepEqual(read('Two thousand five hundred and ten people died.'), ['killed=2510']);
  assert.deepEqual(read('A dozen others were hurt.'), ['wounded=12']);
  assert.deepEqual(read('Two dozen people were injured.'), ['wounded=24']);
  assert.deepEqual(read('At least 1.2 million people died.'), ['killed=1200000(at least)']);
});

test('coordinated subjects and objects add up', () => {
  assert.deepEqual(read('Three soldiers and two civilians were killed.'), ['killed=5']);
  assert.deepEqual(read('A soldier and a civilian were killed.'), ['killed=2']);
  assert.deepEqual(read('Gunmen killed 3 soldiers, 2 police and a civilian.'), ['killed=6']);
  // A plural with no number makes the sum a lower bound.
  assert.deepEqual(read('Police said soldiers and 3 civilians were killed.'), ['killed=3(at least)']);
});

test('lists with a serial comma, in capitals (wire copy), after a bracketed header', () => {
  assert.deepEqual(read('One army lieutenant, four soldiers, and three civilians were killed during the attacks.'), ['killed=8']);
  assert.deepEqual(read('Gunmen killed 3 soldiers, 2 police, and a civilian.'), ['killed=6']);
  assert.deepEqual(read('BOGOTA, 2 FEB 89 -- [SUMMARY] SIX GUERRILLAS AND ONE SOLDIER WERE KILLED AND TWO SOLDIERS WERE WOUNDED IN RECENT FIGHTING.'),
    ['killed=7', 'wounded=2']);
  assert.deepEqual(read('His source said "three terrorists" were killed in a firefight.'), ['killed=3']);
});

test('"shot him dead", "beat two men to death", "stabbed"', () => {
  assert.deepEqual(read('The officers eventually shot him dead outside a store.'), ['killed=1']);
  assert.deepEqual(read('Mobs beat two men to death.'), ['killed=2']);
  assert.deepEqual(read('Three people were stabbed to death.'), ['killed=3']);
  assert.deepEqual(read('A man stabbed 3 people.'), ['wounded=3']);
});

test('an assassination is one victim unless a number is given; an attempted one is none', () => {
  assert.deepEqual(read('Kennedy, who had himself been assassinated in 1963, was buried.'), ['killed=1']);
  assert.deepEqual(read('They mourned the assassination of former Prime Minister Abe Shinzo.'), ['killed=1']);
  assert.deepEqual(read('The assassination of six Jesuit priests and two women shocked the country.'), ['killed=8']);
  assert.deepEqual(read('He survived an attempted assassination.'), []);
  assert.deepEqual(read('Police foiled an assassination plot.'), []);
  assert.deepEqual(read('There has been a wave of assassinations.'), []);
  assert.deepEqual(read('The rebels plotted to assassinate the president.'), []);
});

test('an object or earlier clause is not coordinated with the victims', () => {
  assert.deepEqual(read('Troops opened fire and 3 protesters were killed.'), ['killed=3']);
  assert.deepEqual(read('The army shelled 2 villages and 3 civilians were killed.'), ['killed=3']);
  assert.deepEqual(read('Rockets killed 3 Israelis and 7 were wounded.'), ['killed=3', 'wounded=7']);
});

test('one person: "a man", "the driver", pronouns; not "the bill"', () => {
  assert.deepEqual(read('A man was killed.'), ['killed=1']);
  assert.deepEqual(read('A 25-year-old man was killed.'), ['killed=1']);
  assert.deepEqual(read('The driver was killed.'), ['killed=1']);
  assert.deepEqual(read('He was killed.'), ['killed=1']);
  assert.deepEqual(read('Gunmen killed him.'), ['killed=1']);
  assert.deepEqual(read('Two gunmen killed a policeman.'), ['killed=1']);
  assert.deepEqual(read('The killing of a journalist drew protests.'), ['killed=1']);
  assert.deepEqual(read('Congress killed the bill.'), []);
  assert.deepEqual(read('The ceasefire is dead.'), []);
  assert.deepEqual(read('A family of five was killed.'), []);
});

test('tolls, "died", "dead", nouns', () => {
  assert.deepEqual(read('The death toll rose to 12.'), ['killed=12']);
  assert.deepEqual(read('The death toll has risen to at least 40.'), ['killed=40(at least)']);
  assert.deepEqual(read('The death toll rose from 10 to 12.'), ['killed=12']);
  assert.deepEqual(read('The number of dead rose to 40.'), ['killed=40']);
  assert.deepEqual(read('12 people died.'), ['killed=12']);
  assert.deepEqual(read('The bombing left 3 dead and 10 injured.'), ['killed=3', 'wounded=10']);
  assert.deepEqual(read('The blast left two people dead and five others injured.'), ['killed=2', 'wounded=5']);
  assert.deepEqual(read('There were 3 fatalities and 2 civilian deaths.'), ['killed=3', 'killed=2']);
  assert.deepEqual(read('The deaths of 3 protesters sparked outrage.'), ['killed=3']);
  assert.deepEqual(read('8 people suffered serious injuries.'), ['wounded=8']);
  assert.deepEqual(read('Two Palestinians were shot dead.'), ['killed=2']);
  assert.deepEqual(read('Three people were reported killed.'), ['killed=3']);
});

test('qualifiers are normalised', () => {
  assert.deepEqual(read('Some 200 people were killed, around 30 hurt, nearly 50 dead, up to 20 injured and over 100 wounded.'),
    ['killed=200(about)', 'wounded=30(about)', 'killed=50(about)', 'wounded=20(up to)', 'wounded=100(more than)']);
  assert.deepEqual(read('Between 10 and 15 people died.'), ['killed=10(at least)']);
  assert.deepEqual(read('Three to four soldiers were wounded.'), ['wounded=3(at least)']);
  assert.deepEqual(read('The strike killed a total of 12 people.'), ['killed=12']);
});

test('vague amounts are statements with count null', () => {
  assert.deepEqual(read('Dozens were killed.'), ['killed=null']);
  assert.deepEqual(read('One of those killed was wearing a uniform.'), []);
  assert.deepEqual(read('The researchers found in 36 states most of the people who died were affected.'), ['killed=null']);
  assert.deepEqual(read('The air force repelled the attack with a minimum of civilians wounded.'), []);
  assert.deepEqual(read('Hundreds of people died.'), ['killed=null']);
  assert.deepEqual(read('The clashes killed at least 12 people and injured dozens.'), ['killed=12(at least)', 'wounded=null']);
  assert.deepEqual(eventCounts('Dozens of people were killed in the attack.', 'attack', '180'), { killed: null, wounded: null, qualifier: null });
});

test('zero: "no one was killed", "no casualties"; but not "not killed" or "no reports of casualties"', () => {
  assert.deepEqual(read('No one was killed.'), ['killed=0']);
  assert.deepEqual(read('Nobody was hurt.'), ['wounded=0']);
  assert.deepEqual(read('None of the soldiers were wounded.'), ['wounded=0']);
  assert.deepEqual(read('NOT A SINGLE PERSON WAS KILLED IN MEDELLIN.'), ['killed=0']);
  assert.deepEqual(read('Not one soldier was wounded.'), ['wounded=0']);
  assert.deepEqual(read('There were no casualties.'), ['killed=0', 'wounded=0']);
  assert.deepEqual(read('The hostages were not killed.'), []);
  assert.deepEqual(read('There were no immediate reports of casualties.'), []);
  assert.deepEqual(read('The attack caused 10 casualties.'), []);
});

test('years, dates, ages, times, money, percentages and measures are not counts', () => {
  assert.deepEqual(read('In 2020, 3 soldiers were killed.'), ['killed=3']);
  assert.deepEqual(read('In 2020 soldiers were killed.'), []);
  assert.deepEqual(read('A soldier was killed on 12 May 2020 at 5:30 p.m.'), ['killed=1']);
  assert.deepEqual(read('Three soldiers were killed 2 days ago.'), ['killed=3']);
  assert.deepEqual(read('John Smith, 45, was killed.'), []);
  assert.deepEqual(read('Officials aged 60 died.'), []);
  assert.deepEqual(read('The attack that killed $5 million of cattle.'), []);
  assert.deepEqual(read('Fighting killed 10% of the herd.'), []);
  assert.deepEqual(read('The convoy was hit 5 km from the border, where 3 died.'), ['killed=3']);
  assert.deepEqual(read('The 1994 genocide killed 800,000 people.'), ['killed=800000']);
  assert.deepEqual(read('The court handed down 3 death sentences.'), []);
  assert.deepEqual(read('Resolution 2334 was adopted after 3 were killed.'), ['killed=3']);
});

test('future, conditional and intended killings give no count; "killed or wounded" gives none', () => {
  assert.deepEqual(read('The militants threatened to kill 5 hostages.'), []);
  assert.deepEqual(read('The strike could kill 100 people.'), []);
  assert.deepEqual(read('He advised her to kill her parents.'), []);
  assert.deepEqual(read('It would be worse if one were killed.'), []);
  assert.deepEqual(read('It is unclear whether anyone was hurt.'), []);
  assert.deepEqual(read('Waseem confessed to killing his sister.'), ['killed=1']);
  assert.deepEqual(read('3 people were killed or wounded.'), []);
});

test('casualtiesFor: only violent events carry counts', () => {
  const text = 'Three soldiers were killed and the government condemned the attack.';
  assert.deepEqual(eventCounts(text, 'killed', '190'), { killed: 3, wounded: null, qualifier: null });
  assert.deepEqual(eventCounts(text, 'attack', '1823'), { killed: 3, wounded: null, qualifier: null });
  assert.deepEqual(eventCounts(text, 'condemned', '111'), { killed: null, wounded: null, qualifier: null });
  assert.deepEqual(eventCounts('Riots left 4 dead.', 'riots', '145'), { killed: 4, wounded: null, qualifier: null });
  assert.deepEqual(eventCounts('Riots left 4 dead.', 'riots', '141'), { killed: null, wounded: null, qualifier: null });
});

test('casualtiesFor: a running total wins over the counts it includes; separate counts add up', () => {
  assert.deepEqual(eventCounts('The death toll from the attack rose to 12 after 3 more people died.', 'attack', '180'),
    { killed: 12, wounded: null, qualifier: null });
  assert.deepEqual(eventCounts('Three soldiers were killed and two civilians died in the attack.', 'attack', '190'),
    { killed: 5, wounded: null, qualifier: null });
});

test('casualtiesFor: two killings in one sentence keep their own counts', () => {
  const text = 'The shooting followed two others, one in Gilroy, killing three, and another in Chippewa Falls, where at least five died.';
  assert.deepEqual(eventCounts(text, 'killing', '180'), { killed: 3, wounded: null, qualifier: null });
  assert.deepEqual(eventCounts(text, 'died', '180'), { killed: 5, wounded: null, qualifier: 'at least' });
  // An event that is not itself a casualty statement takes the sentence's totals.
  assert.deepEqual(eventCounts(text, 'shooting', '180'), { killed: 8, wounded: null, qualifier: 'at least' });
});

test('casualtiesFor: a "while" clause with its own counts is another event', () => {
  const text = 'Israeli strikes killed 10 people in Gaza, while Hamas rockets wounded 2 Israelis.';
  assert.deepEqual(eventCounts(text, 'killed', '195'), { killed: 10, wounded: null, qualifier: null });
  assert.deepEqual(eventCounts(text, 'wounded', '190'), { killed: null, wounded: 2, qualifier: null });
  // A part with no counts of its own takes the sentence's.
  assert.deepEqual(eventCounts('A soldier was killed while troops clashed with rebels.', 'clashed', '190'),
    { killed: 1, wounded: null, qualifier: null });
});

test('findCasualties reads only its token range and rejects a bad one', () => {
  const d = analyse('Two soldiers were killed. Five civilians were wounded.');
  assert.deepEqual(findCasualties(d, d.sentStart[1], d.sentEnd[1]).map((c) => `${c.kind}=${c.count}`), ['wounded=5']);
  assert.throws(() => findCasualties(d, 0, d.n + 1), /bad token range/);
});

test('the lexicon loader names file and line of a bad entry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-cas-'));
  try {
    mkdirSync(join(dir, 'lexicon'));
    const file = join(dir, 'lexicon', 'casualties.tsv');
    writeFileSync(file, '# header\nkilled\tkill\tverb\nkilled\tdie\tsideways\n');
    assert.throws(() => loadCasualtyLexicon(dir), /casualties\.tsv:3: value must be verb, subject, noun or toll/);
    writeFileSync(file, 'qualifier\tat least\tapproximately\n');
    assert.throws(() => loadCasualtyLexicon(dir), /casualties\.tsv:1: qualifier value must be/);
    writeFileSync(file, 'killed\tkill\tverb\nkilled\tkill\tverb\n');
    assert.throws(() => loadCasualtyLexicon(dir), /casualties\.tsv:2: duplicate entry/);
    writeFileSync(file, 'wounded\thurt\n');
    assert.throws(() => loadCasualtyLexicon(dir), /casualties\.tsv:1: expected 3-4 tab-separated columns/);
    writeFileSync(file, 'killed\tassassinate\tverb\tsome\n');
    assert.throws(() => loadCasualtyLexicon(dir), /casualties\.tsv:1: unknown flag "some"/);
    writeFileSync(file, 'killed\tshoot OBJ\tverb\n');
    assert.throws(() => loadCasualtyLexicon(dir), /casualties\.tsv:1: OBJ stands inside a verb pattern/);
    writeFileSync(file, 'unit\tday\t-\tone\n');
    assert.throws(() => loadCasualtyLexicon(dir), /casualties\.tsv:1: flags are only for casualty words/);
    writeFileSync(file, 'killed\tkill\tverb\nunit\tday\t-\n');
    const lex = loadCasualtyLexicon(dir);
    assert.equal(lex.heads.get('kill')?.length, 1);
    assert.ok(lex.units.has('day'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the shipped lexicon loads', () => {
  const lex = loadCasualtyLexicon();
  assert.ok(lex.heads.has('kill') && lex.heads.has('die') && lex.heads.has('wound'));
  assert.ok(lex.persons.has('soldier'), 'person words come from agents.tsv');
});

test('a count larger than any casualty figure is a misreading, not a count', () => {
  assert.deepEqual(read('Soldiers attacked the village, killing 99999999999 people.'), []);
  assert.deepEqual(read('Soldiers attacked the village, killing 1,200 people.'), ['killed=1200']);
});
