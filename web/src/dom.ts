/**
 * Building the page: elements are created with createElement and filled with text nodes, never from
 * HTML strings, so text from the store (article text, names, URLs from the open web) is always shown
 * as text. Links to other sites are only http(s).
 */

export type Child = Node | string | number | null | undefined | false;

export interface Attrs {
  class?: string;
  id?: string;
  title?: string;
  href?: string;
  download?: string;
  type?: string;
  value?: string;
  name?: string;
  placeholder?: string;
  for?: string;
  list?: string;
  colspan?: number;
  disabled?: boolean;
  checked?: boolean;
  selected?: boolean;
  hidden?: boolean;
  target?: string;
  rel?: string;
  role?: string;
  tabindex?: number;
  min?: string;
  max?: string;
  data?: Record<string, string>;
  aria?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (ev: HTMLElementEventMap[K]) => void }>;
}

function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'on') {
      for (const [ev, fn] of Object.entries(v as Record<string, EventListener>)) el.addEventListener(ev, fn);
    } else if (k === 'data') {
      for (const [dk, dv] of Object.entries(v as Record<string, string>)) el.dataset[dk] = dv;
    } else if (k === 'aria') {
      for (const [ak, av] of Object.entries(v as Record<string, string>)) el.setAttribute(`aria-${ak}`, av);
    } else if (k === 'class') {
      el.className = String(v);
    } else if (k === 'checked' || k === 'selected' || k === 'disabled' || k === 'hidden') {
      (el as unknown as Record<string, boolean>)[k] = Boolean(v);
    } else if (k === 'value') {
      (el as HTMLInputElement).value = String(v);
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number | undefined> = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, String(v));
  append(el, children);
  return el;
}

/** An SVG <title> (the browser's tooltip) with text content. */
export function tip(text: string): SVGTitleElement {
  return svg('title', {}, text);
}

/** The URL when it is an absolute http(s) URL, else null (no javascript:, data: or relative links from stored data). */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A link to another site, opened without giving it this page (rel=noopener noreferrer). */
export function outLink(url: string | null | undefined, text?: string): HTMLElement {
  const href = safeHref(url);
  if (!href) return h('span', { class: 'muted' }, text ?? url ?? '');
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer external' }, text ?? href);
}

export function clear(el: Element): void {
  el.replaceChildren();
}

/** "1 event", "3 events". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** The nodes of a list without the null/false placeholders of optional parts. */
export function present(...xs: (Node | null | undefined | false)[]): Node[] {
  return xs.filter((x): x is Node => !!x);
}
