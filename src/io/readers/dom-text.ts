/**
 * Plain text from a DOM subtree with the paragraph structure kept: every block element (p, div, li,
 * headings, blockquote, table row ...) becomes its own paragraph, paragraphs are separated by one
 * blank line, `<br>` is a line break inside a paragraph and two or more `<br>` in a row end the
 * paragraph. Whitespace inside a paragraph is collapsed to single spaces. Scripts, styles, forms,
 * embedded media and figure captions (photo credits, repeated story text) are left out.
 */
import { parseHTML } from 'linkedom';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'thead', 'tfoot', 'tr', 'ul', 'body', 'html',
]);

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'video', 'audio', 'button', 'select', 'textarea', 'input', 'head', 'title', 'meta', 'link',
  'figcaption',
]);

const CELL = new Set(['td', 'th']);

/** Collects paragraphs; `line` is the text of the current line, `lines` the finished lines of the paragraph. */
class ParagraphBuilder {
  readonly paragraphs: string[] = [];
  private lines: string[] = [];
  private line = '';
  private breaks = 0;

  text(data: string): void {
    const t = data.replace(/[\s\u00a0]+/g, ' ');
    if (t === '') return;
    if (t !== ' ') this.breaks = 0;
    this.line += t;
  }

  space(): void {
    this.line += ' ';
  }

  lineBreak(): void {
    this.breaks++;
    if (this.breaks >= 2) {
      this.paragraph();
      return;
    }
    this.lines.push(this.line);
    this.line = '';
  }

  paragraph(): void {
    this.lines.push(this.line);
    const text = this.lines.map((l) => l.trim()).filter((l) => l !== '').join('\n');
    if (text !== '') this.paragraphs.push(text);
    this.lines = [];
    this.line = '';
    this.breaks = 0;
  }
}

/** Text of `root` and its descendants as blank-line-separated paragraphs. */
export function blockText(root: Node): string {
  const b = new ParagraphBuilder();
  // Iterative walk (pages can nest deeply): an entry is a node to enter, or the element to leave.
  const stack: Array<{ node: Node; leave: boolean }> = [{ node: root, leave: false }];
  while (stack.length > 0) {
    const { node, leave } = stack.pop()!;
    if (node.nodeType === 3) {
      b.text((node as Text).data);
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeType === 1 ? (node as Element).localName.toLowerCase() : '';
    if (leave) {
      if (BLOCK.has(name)) b.paragraph();
      else if (CELL.has(name)) b.space();
      continue;
    }
    if (SKIP.has(name)) continue;
    if (name === 'br') {
      b.lineBreak();
      continue;
    }
    if (BLOCK.has(name)) b.paragraph();
    stack.push({ node, leave: true });
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], leave: false });
  }
  b.paragraph();
  return b.paragraphs.join('\n\n');
}

/** Text of an HTML fragment (a feed item's description or content), paragraphs kept. */
export function htmlFragmentText(html: string): string {
  if (!/[<&]/.test(html)) return normalisePlainText(html);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blockText(document.body);
}

/** Plain text with its lines trimmed, runs of spaces collapsed and runs of blank lines cut to one. */
export function normalisePlainText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n\s*/)
    .map((p) => p.split('\n').map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim()).filter((l) => l !== '').join('\n'))
    .filter((p) => p !== '')
    .join('\n\n');
}
