import type { Article, CodedEvent } from './types.js';
import type { PersonRow } from '../lexicon/actors.js';

export interface CoderOptions {
  /** Also emit plain statements (CAMEO 01: said, stated...). Off by default: they are not events. */
  statements?: boolean;
  /** Directory holding data/lexicon and data/ontology (defaults to the package's own data/). */
  dataDir?: string;
  /** An event more than this many days before publication is `historical` (default 30). */
  historicalDays?: number;
  /** People known from outside the lexicon files: a user's corrections (win over the files) and people
   * the store learned from earlier articles (only names the files lack). Plain data: workers get a copy. */
  people?: { overrides?: PersonRow[]; learned?: PersonRow[] };
}

/** The pipeline as seen by the CLI, the eval and (later) the store: one article in, events out. */
export interface Coder {
  code(article: Article): CodedEvent[];
  /** The same events, with the number of sentences the text stage found (for counts and throughput). */
  codeCounted(article: Article): { events: CodedEvent[]; sentences: number };
}
