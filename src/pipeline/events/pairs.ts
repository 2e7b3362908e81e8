/** Source x target pairs of one trigger: compound actors give one event per actor. */
import type { ActorRef } from '../types.js';
import { sameActor } from '../actors/mentions.js';
import type { Roles } from './roles.js';

export function pairs(r: Roles): [ActorRef | null, ActorRef | null][] {
  const srcs: (ActorRef | null)[] = r.source ? r.source.members : [null];
  if (r.reciprocal && r.source && r.source.members.length > 1) {
    const out: [ActorRef, ActorRef][] = [];
    for (const a of r.source.members) for (const b of r.source.members) if (a !== b && !sameActor(a, b)) out.push([a, b]);
    return out;
  }
  // "The leaders reiterated their commitment to both countries' ...": a group acting on itself is a
  // mutual act between its members, first-named -> the others.
  const selfGroup = r.source && r.target && r.source.members.length > 1 && r.target.anaphor &&
    r.target.members.every((b) => r.source!.members.some((a) => a.country === b.country));
  if ((r.compoundRecip || selfGroup) && r.source) {
    const [first, ...rest] = r.source.members;
    return rest.filter((b) => !sameActor(first, b)).map((b) => [first, b]);
  }
  const tgts: (ActorRef | null)[] = r.target ? r.target.members : [null];
  const out: [ActorRef | null, ActorRef | null][] = [];
  for (const a of srcs) {
    // An actor acting on itself (a misread pronoun, a compound with itself) keeps the act, without the target.
    // ... and in "the U.S.-Japan Alliance" after a U.S. subject, only Japan is on the other side.
    const others = tgts.filter((b) => !(a && b && (a === b || sameActor(a, b) || (tgts.length > 1 && a.country !== null && b.country === a.country && b.sector === null))));
    if (others.length === 0) out.push([a, null]);
    for (const b of others) out.push([a, b]);
  }
  return out;
}

