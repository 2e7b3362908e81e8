/** Library entry point: `import { createCoder } from 'dyad'`. */
export { createCoder, loadResources } from './pipeline/index.js';
export type { Coder, CoderOptions } from './pipeline/coder-api.js';
export type { Article, CodedEvent, ActorRef, Span, PloverRef, LocationRef } from './pipeline/types.js';
