/** What the input readers yield: an article with where it came from, or a skipped input with the reason. */
import type { Article } from '../../pipeline/types.js';

/**
 * `origin` names the place in the input: "path" (a .txt/.html file, or a whole file that was
 * skipped), "path:LINE" (JSON Lines), "path#item N" (the Nth item of a feed, 1-based) or
 * "path@record N" (the Nth record of a WARC file, 1-based, counting every record).
 *
 * `reason` starts with a fixed phrase; details that vary (language and score, byte counts, HTTP
 * status, the parser's message) follow in parentheses or after it, so a summary can group skips by
 * the text before " (".
 */
export type InputItem =
  | { kind: 'article'; article: Article; origin: string }
  | { kind: 'skip'; origin: string; reason: string };

export const article = (article: Article, origin: string): InputItem => ({ kind: 'article', article, origin });
export const skip = (origin: string, reason: string): InputItem => ({ kind: 'skip', origin, reason });
