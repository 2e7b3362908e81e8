/**
 * Articles: the stored articles, and one article with what was coded in it highlighted in its text:
 * triggers (tinted by quad class), source and target actors (underlined), dates (marked). Every
 * highlight carries the code and the rule in its tooltip; clicking one shows them in the panel with
 * the event it belongs to. The text is put on the page as text nodes only (it comes from the open web).
 */
import { h, outLink, plural } from '../dom.js';
import { get } from '../api.js';
import { go, hashOf, type Route } from '../route.js';
import { typeChip } from '../eventlist.js';
import type { Ctx } from '../main.js';
import type { Annotation, ArticleDetail, ArticleSummary } from '../types.js';

const KIND_NAMES: Record<Annotation['kind'], string> = { trigger: 'event trigger', source: 'source actor', target: 'target actor', date: 'date' };

export async function renderArticles(root: HTMLElement, route: Route, ctx: Ctx): Promise<void> {
  const p = route.params;
  const search = p.get('search') ?? '';
  const offset = Number(p.get('offset') ?? 0) || 0;
  const data = await get<{ total: number; articles: ArticleSummary[] }>('articles', { search: search || undefined, offset, limit: 50 });
  if (!ctx.current()) return;
  const box = h('input', { type: 'search', name: 'search', value: search, placeholder: 'title, id or publisher' });
  const form = h('form', { class: 'toolbar', on: { submit: (ev) => { ev.preventDefault(); go('articles', { search: box.value.trim() }); } } },
    h('strong', {}, plural(data.total, 'article')), box, h('button', { type: 'submit' }, 'Search'));
  const rows = data.articles.map((a) => h('tr', {},
    h('td', { class: 'nowrap' }, a.published ?? '—'),
    h('td', {}, h('a', { href: hashOf('article', {}, a.id), class: 'article-link' }, a.title || a.ext_id)),
    h('td', {}, a.publisher),
    h('td', { class: 'num' }, String(a.events)),
    h('td', { class: 'num' }, String(a.mentions))));
  root.replaceChildren(h('section', { class: 'card' }, form,
    data.articles.length
      ? h('table', { class: 'articles' }, h('thead', {}, h('tr', {}, ...['Published', 'Title', 'Publisher', 'Events', 'Mentions'].map((t) => h('th', {}, t)))), h('tbody', {}, ...rows))
      : h('p', { class: 'muted empty' }, 'No articles.')));
}

function quadClass(q: number): string {
  return `q${q}`;
}

export async function renderArticle(root: HTMLElement, route: Route, ctx: Ctx): Promise<void> {
  const id = route.id ?? '';
  if (!/^\d+$/.test(id)) throw new Error(`not an article id: "${id}"`);
  const d = await get<ArticleDetail>(`articles/${id}`);
  if (!ctx.current()) return;
  const a = d.article;
  const text = a.text;

  // The text: plain segments as text nodes, annotated ones as <mark> with the annotations' kinds.
  const body = h('div', { class: 'article-text', id: 'article-text' });
  const marksOf = new Map<number, HTMLElement[]>();
  for (const s of d.segments) {
    const words = text.slice(s.start, s.end);
    if (!s.marks.length) { body.append(document.createTextNode(words)); continue; }
    const anns = s.marks.map((k) => d.annotations[k]);
    const kinds = new Set(anns.map((x) => x.kind));
    const trig = anns.find((x) => x.kind === 'trigger');
    const cls = ['hl', ...[...kinds].map((k) => `hl-${k}`)];
    if (trig) cls.push(quadClass(d.mentions[trig.mentions[0]].event.quad_class));
    const m = h('mark', {
      class: cls.join(' '), tabindex: 0,
      title: anns.map((x) => `${KIND_NAMES[x.kind]}: ${x.label}\n  ${x.kind === 'date' ? 'from' : 'rule'} ${x.rule}`).join('\n'),
      data: { marks: s.marks.join(','), mentions: [...new Set(anns.flatMap((x) => x.mentions))].join(',') },
    }, words);
    for (const x of anns) for (const mi of x.mentions) {
      const l = marksOf.get(mi) ?? [];
      l.push(m);
      marksOf.set(mi, l);
    }
    body.append(m);
  }

  const detail = h('div', { class: 'highlight-detail', id: 'highlight-detail' },
    h('p', { class: 'muted' }, 'Click a highlight to see what was coded and by which rule.'));
  const select = (mentions: number[], annIdx: number[] | null) => {
    for (const el of body.querySelectorAll('mark.selected')) el.classList.remove('selected');
    for (const mi of mentions) for (const el of marksOf.get(mi) ?? []) el.classList.add('selected');
    for (const li of list.querySelectorAll('li')) li.classList.toggle('selected', mentions.includes(Number((li as HTMLElement).dataset.mention)));
    // The annotations clicked, then (for up to three events) the rest of what was coded for the same events.
    const clicked = annIdx ? annIdx.map((k) => d.annotations[k]) : [];
    const related = !annIdx || mentions.length <= 3 ? d.annotations.filter((x) => x.mentions.some((mi) => mentions.includes(mi)) && !clicked.includes(x)) : [];
    const anns = [...clicked, ...related];
    detail.replaceChildren(...anns.map((x) => h('div', { class: `ann ann-${x.kind}` },
      h('div', {}, h('span', { class: `kind kind-${x.kind}` }, KIND_NAMES[x.kind]), ' ', h('q', {}, x.text)),
      h('div', { class: 'ann-label' }, x.label),
      h('div', { class: 'rule' }, `${x.kind === 'date' ? 'from ' : 'rule '}${x.rule}`),
      h('div', { class: 'small' }, ...x.mentions.flatMap((mi, i) => {
        const ev = d.mentions[mi];
        return [i ? ', ' : '', ev.event_id !== null ? h('a', { href: hashOf('event', {}, ev.event_id) }, `event ${ev.event_id}`) : 'not in an event',
          ` (sentence ${ev.event.sentence + 1})`];
      })))));
  };
  body.addEventListener('click', (ev) => {
    const m = (ev.target as HTMLElement).closest('mark');
    if (!m) return;
    select((m.dataset.mentions ?? '').split(',').filter(Boolean).map(Number), (m.dataset.marks ?? '').split(',').filter(Boolean).map(Number));
  });
  body.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter') return;
    (ev.target as HTMLElement).closest('mark')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  });

  // The article's event mentions in text order; clicking one selects its highlights.
  const order = d.mentions.map((m, i) => ({ m, i })).sort((x, y) => x.m.event.trigger.start - y.m.event.trigger.start);
  const list = h('ol', { class: 'mention-list', id: 'mention-list' }, ...order.map(({ m, i }) => {
    const e = m.event;
    return h('li', { data: { mention: String(i) }, tabindex: 0, on: {
      click: () => { select([i], null); marksOf.get(i)?.[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' }); },
      keydown: (ev) => { if (ev.key === 'Enter') (ev.currentTarget as HTMLElement).click(); },
    } },
    typeChip(e.plover.event, e.plover.mode), ' ',
    h('span', { class: 'mono' }, `${e.source?.code ?? '—'} → ${e.target?.code ?? '—'}`), ' ',
    h('q', {}, e.trigger.text),
    h('span', { class: 'muted small' }, ` ${e.date ?? 'undated'}${e.historical ? ' · background' : ''}${e.negated ? ' · negated' : ''}${e.hypothetical ? ' · hypothetical' : ''}`));
  }));

  const legend = h('div', { class: 'legend' },
    h('span', { class: 'legend-item' }, h('mark', { class: 'hl hl-trigger q1' }, 'trigger'), ' (tint: quad class)'),
    h('span', { class: 'legend-item' }, h('mark', { class: 'hl hl-source' }, 'source')),
    h('span', { class: 'legend-item' }, h('mark', { class: 'hl hl-target' }, 'target')),
    h('span', { class: 'legend-item' }, h('mark', { class: 'hl hl-date' }, 'date')));
  const head = h('header', { class: 'article-head' },
    h('h2', { id: 'article-title' }, a.title || a.ext_id),
    h('p', { class: 'muted' }, `${a.publisher || 'unknown publisher'} · ${a.published ?? 'undated'} · id ${a.ext_id}`,
      a.url ? h('span', {}, ' · ', outLink(a.url, 'original')) : null,
      a.source && a.source !== a.publisher ? ` · ${a.source}` : ''),
    a.superseded_by !== null ? h('p', { class: 'notice' }, 'A later version of this URL replaced this article; its mentions are no longer counted in events. ',
      h('a', { href: hashOf('article', {}, a.superseded_by) }, 'Open the later version')) : null,
    h('p', { class: 'summary' }, `${plural(d.mentions.length, 'event mention')}, ${plural(new Set(d.mentions.map((m) => m.event_id).filter((x) => x !== null)).size, 'event')}`),
    legend);
  root.replaceChildren(h('div', { class: 'two-col article-layout' },
    h('article', { class: 'card main-col' }, head, body),
    h('aside', { class: 'side card sticky' }, h('h3', {}, 'Coded here'), detail, h('h3', {}, 'Events in this article'), list)));
}
