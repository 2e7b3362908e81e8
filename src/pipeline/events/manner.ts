/**
 * Manner refinement: "guerrillas wounded two soldiers in a bomb attack" is one bombing (183), not a
 * generic assault (190) plus an actorless "bomb attack". A violent verb with a generic code takes the
 * more specific code of a violent noun in a prepositional phrase of its clause, and the noun is dropped.
 */
import type { TextDoc } from '../text.js';
import type { TriggerMatch } from './match.js';
import { clauseEnd, clauseStart } from './clause.js';

/** Whether the noun phrase ending at token i (going left over modifiers) follows a preposition. */
function afterPreposition(doc: TextDoc, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (doc.pos[k] === 'DET' || doc.pos[k] === 'ADJ' || doc.pos[k] === 'NUM' || doc.pos[k] === 'NOUN' || doc.value[k] === '-')) k--;
  return k >= 0 && doc.pos[k] === 'ADP';
}

const VIOLENT_ROOTS = new Set(['18', '19', '20']);
const GENERIC = new Set(['180', '190']);
const MANNER_PREPS = new Set(['in', 'with', 'during', 'by', 'using']);

export function refineManner(doc: TextDoc, triggers: TriggerMatch[], to: number): TriggerMatch[] {
  const dropped = new Set<TriggerMatch>();
  for (const v of triggers) {
    if (v.rule.pos !== 'verb' || !GENERIC.has(v.cameo)) continue;
    const until = clauseEnd(doc, v.end, to);
    // "A roadside bombing near Samarra killed one soldier": the violent noun is the verb's subject.
    const subject = triggers.find((n) => n !== v && !dropped.has(n) && n.rule.pos === 'noun' && n.end <= v.start &&
      n.start >= clauseStart(doc, v.head, 0) && VIOLENT_ROOTS.has(n.cameo.slice(0, 2)) && !GENERIC.has(n.cameo) && !afterPreposition(doc, n.start));
    if (subject) {
      v.cameo = subject.cameo;
      v.note = `manner: ${subject.rule.id}`;
      dropped.add(subject);
      continue;
    }
    for (const n of triggers) {
      if (n === v || dropped.has(n) || n.rule.pos !== 'noun' || n.start < v.end || n.start >= until) continue;
      if (!VIOLENT_ROOTS.has(n.cameo.slice(0, 2)) || GENERIC.has(n.cameo)) continue;
      let k = n.start - 1;
      while (k >= v.end && (doc.pos[k] === 'DET' || doc.pos[k] === 'ADJ' || doc.pos[k] === 'NUM' || doc.pos[k] === 'NOUN')) k--;
      if (k < v.end || !MANNER_PREPS.has(doc.lower[k])) continue;
      v.cameo = n.cameo;
      v.note = `manner: ${n.rule.id}`;
      dropped.add(n);
      break;
    }
  }
  return dropped.size ? triggers.filter((t) => !dropped.has(t)) : triggers;
}
