import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadLanguageIdentifier } from '../../../src/io/readers/language.js';
import { readInputs, type InputItem } from '../../../src/io/readers/index.js';

const fixturePath = (name: string) => fileURLToPath(new URL(`../../fixtures/ingest/${name}`, import.meta.url));
const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');

test('the bundled fastText model loads offline and tells English from French and German', async () => {
  const lid = await loadLanguageIdentifier();
  assert.equal(await loadLanguageIdentifier(), lid, 'loaded once per process');
  assert.equal(lid.identify(fixture('lang/en.txt'))?.lang, 'en');
  const fr = lid.notEnglish(fixture('lang/fr.txt'));
  assert.equal(fr?.lang, 'fr');
  assert.ok(fr!.score >= 0.5);
  assert.equal(lid.notEnglish(fixture('lang/de.txt'))?.lang, 'de');
  assert.equal(lid.notEnglish(fixture('lang/en.txt')), null);
  assert.equal(lid.notEnglish(fixture('news-page.html').replace(/<[^>]+>/g, ' ')), null);
});

test('paragraph breaks do not hide the text after the first line', async () => {
  const lid = await loadLanguageIdentifier();
  // fastText stops at a newline: an English first line would otherwise decide for a French article.
  const mixed = `Paris\n\n${fixture('lang/fr.txt')}`;
  assert.equal(lid.notEnglish(mixed)?.lang, 'fr');
});

test('very short texts are not judged; English names and datelines are kept', async () => {
  const lid = await loadLanguageIdentifier();
  for (const t of ['Merci', 'Guten Tag!', 'Iran', 'KABUL, Afghanistan']) assert.equal(lid.notEnglish(t), null, t);
  assert.equal(lid.notEnglish('Sergei Lavrov met Abdullah bin Zayed Al Nahyan in Moscow on Monday.'), null);
  assert.equal(lid.notEnglish('PRESIDENT SAYS TROOPS WILL LEAVE THE REGION BY THE END OF THE YEAR'), null);
});

test('readInputs skips non-English articles with language and score when asked to', async () => {
  const items: InputItem[] = [];
  for await (const x of readInputs([fixturePath('lang')], { languageId: true })) items.push(x);
  assert.deepEqual(items.map((i) => [i.origin.replace(/.*\//, ''), i.kind]), [['de.txt', 'skip'], ['en.txt', 'article'], ['fr.txt', 'skip']]);
  assert.match((items[0] as { reason: string }).reason, /^not English \(de, 0\.\d\d\)$/);
  assert.match((items[2] as { reason: string }).reason, /^not English \(fr, (0\.\d\d|1\.00)\)$/);
  const off: InputItem[] = [];
  for await (const x of readInputs([fixturePath('lang')])) off.push(x);
  assert.ok(off.every((i) => i.kind === 'article'), 'language ID is off by default');
});
