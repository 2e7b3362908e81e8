/**
 * Manner refinement: "guerrillas wounded two soldiers in a bomb attack" is one bombing (183), not a
 * generic assault (190) plus an actorless "bomb attack". A violent verb with a generic code takes the
 * more specific code of a violent noun in a prepositional phrase of its clause, and the noun is dropped.
 */
import type { TextDoc } from '../text.js';
import type { TriggerMatch } from './match.js';
import { clauseEnd } from './clause.js';

const VIOLENT_ROOTS = new Set(['18', '19', '20']);
const GENERIC = new Set(['180', '190']);
const MANNER_PREPS = new Set(['in', 'with', 'during', 'by', 'using']);

export function refineManner(doc: TextDoc, triggers: TriggerMatch[], to: number): TriggerMatch[] {
  const dropped = new Set<TriggerMatch>();
  for (const v of triggers) {
    if (v.rule.pos !== 'verb' || !GENERIC.has(v.cameo)) continue;
    const until = clauseEnd(doc, v.end, to);
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
