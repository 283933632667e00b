// The search page of `naviny serve`. It reads what to show from its URL (/?q=… or /show/ID) and
// draws it from the JSON API. Text from articles and queries goes into the page as text nodes
// only (textContent, createTextNode), never as markup.
'use strict';

const PAGE_SIZE = 10;
const FACETS = 6;
const TYPE_NAMES = { person: 'People', org: 'Organisations', place: 'Places' };

function $(id) { return document.getElementById(id); }

// An element with attributes and children (strings become text nodes).
function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) element.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

// Links from article data only to web pages: no javascript: or data: URLs.
function webUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (e) {
    return null;
  }
}

function searchUrl(query, extra) {
  const parameters = new URLSearchParams({ q: query, ...(extra || {}) });
  return '/?' + parameters.toString();
}

async function api(path) {
  const response = await fetch(path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function showError(error) {
  const status = $('status');
  status.className = 'error';
  status.textContent = error.message;
}

// A snippet with **markers** around matched words: the words in <mark>, the rest as text.
function snippetNode(snippet) {
  const paragraph = el('p', { class: 'snippet' });
  snippet.split('**').forEach((part, i) => {
    if (part) paragraph.append(i % 2 === 1 ? el('mark', {}, part) : document.createTextNode(part));
  });
  return paragraph;
}

function metaLine(item) {
  const meta = el('div', { class: 'meta' });
  for (const value of [item.date, item.source, item.lang]) {
    if (value) meta.append(el('span', {}, value));
  }
  const url = item.url && webUrl(item.url);
  if (url) meta.append(el('a', { href: url, rel: 'noopener noreferrer' }, new URL(url).host));
  return meta;
}

function articleLink(item) {
  return el('a', { href: '/show/' + encodeURIComponent(item.id) }, item.title || item.id);
}

// person:/org:/place: filters of the query, each with a link to the query without it.
function showFilters(query) {
  const filters = $('filters');
  const found = query.match(/(?:^|\s)(?:person|org|place|entity):\S+/g) || [];
  filters.replaceChildren();
  for (const match of found) {
    const filter = match.trim();
    const without = query.replace(match, ' ').trim();
    filters.append(el('span', { class: 'filter' }, filter,
                      el('a', { href: searchUrl(without), 'aria-label': 'remove ' + filter }, '×')));
  }
  filters.hidden = found.length === 0;
}

function showFacets(query, facets) {
  const aside = $('facets');
  aside.replaceChildren();
  for (const [type, entities] of Object.entries(facets || {})) {
    if (!entities.length) continue;
    const list = el('ul');
    for (const entity of entities) {
      const filter = type + ':' + entity.id;
      const refined = query.split(/\s+/).includes(filter) ? query : query + ' ' + filter;
      list.append(el('li', {}, el('a', { href: searchUrl(refined), class: 'facet' }, entity.name),
                     el('span', { class: 'count' }, String(entity.articles))));
    }
    aside.append(el('h3', {}, TYPE_NAMES[type] || type), list);
  }
  aside.hidden = aside.childElementCount === 0;
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attributes, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

// Bars of matching articles per period, from /api/timeline.
function showTimeline(timeline) {
  const figure = $('timeline');
  figure.replaceChildren();
  const periods = timeline.periods;
  if (!periods.length) {
    figure.hidden = true;
    return;
  }
  const width = 600, height = 100, axis = 14;
  const most = Math.max(...periods.map((p) => p.articles), 1);
  const step = width / periods.length;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height + axis}`, role: 'img',
                             preserveAspectRatio: 'none', id: 'timeline-chart',
                             'aria-label': 'matching articles per ' + timeline.unit });
  periods.forEach((period, i) => {
    const barHeight = (period.articles / most) * height;
    const bar = svg('rect', { class: 'bar', x: i * step + step * 0.1, width: Math.max(step * 0.8, 0.5),
                              y: height - barHeight, height: barHeight });
    bar.append(svg('title', {}, `${period.period}: ${period.articles}`));
    chart.append(bar);
  });
  chart.append(svg('text', { class: 'axis', x: 0, y: height + axis - 2 }, periods[0].period));
  chart.append(svg('text', { class: 'axis', x: width, y: height + axis - 2, 'text-anchor': 'end' },
                   periods[periods.length - 1].period));
  const undated = timeline.undated ? `; ${timeline.undated} without a date` : '';
  figure.append(chart, el('figcaption', {},
                          `${timeline.dated} dated matching articles per ${timeline.unit}${undated}`));
  figure.hidden = false;
}

function showPager(query, sort, offset, total) {
  const pager = $('pager');
  pager.replaceChildren();
  const extra = sort !== 'relevance' ? { sort } : {};
  if (offset > 0) {
    pager.append(el('a', { href: searchUrl(query, { ...extra, offset: Math.max(offset - PAGE_SIZE, 0) }),
                           rel: 'prev' }, '← previous'));
  }
  if (offset + PAGE_SIZE < total) {
    pager.append(el('a', { href: searchUrl(query, { ...extra, offset: offset + PAGE_SIZE }),
                           rel: 'next' }, 'next →'));
  }
}

async function showSearch(parameters) {
  const query = (parameters.get('q') || '').trim();
  const sort = parameters.get('sort') || 'relevance';
  const offset = Math.max(parseInt(parameters.get('offset') || '0', 10) || 0, 0);
  $('q').value = query;
  $('sort').value = sort;
  if (!query) {
    $('status').textContent = 'Search the archive: names in any script or spelling, ' +
      '"phrases", person:, org:, place:, date:2021-06, AND, OR, NOT.';
    return;
  }
  document.title = query + ' — naviny';
  showFilters(query);
  const request = new URLSearchParams({ q: query, limit: PAGE_SIZE, offset, sort, facets: FACETS });
  const [results, timeline] = await Promise.all([
    api('/api/search?' + request.toString()),
    api('/api/timeline?' + new URLSearchParams({ q: query }).toString()).catch(() => null),
  ]);
  const total = results.total;
  const shown = results.hits.length
    ? `; showing ${offset + 1}–${offset + results.hits.length}` : '';
  $('status').textContent =
    `${results.total_exact ? '' : 'more than '}${total.toLocaleString('en-US')} ` +
    `${total === 1 ? 'result' : 'results'} for ‘${query}’${shown}` +
    (results.partial ? ` (partial: ${results.missing_shards.join(', ')} could not be reached)` : '');
  if (results.suggestion) {
    const suggestion = $('suggestion');
    suggestion.replaceChildren('Did you mean ',
                               el('a', { href: searchUrl(results.suggestion) }, results.suggestion),
                               '?');
    suggestion.hidden = false;
  }
  const list = $('results');
  list.replaceChildren();
  list.start = offset + 1;
  for (const hit of results.hits) {
    const copies = hit.hidden_copies ? el('div', { class: 'meta' },
                                          `and ${hit.hidden_copies} near-duplicate copies`) : null;
    list.append(el('li', {}, el('h2', {}, articleLink(hit)), metaLine(hit), snippetNode(hit.snippet),
                   copies));
  }
  showFacets(query, results.facets);
  if (timeline) showTimeline(timeline);
  showPager(query, sort, offset, total);
}

// The body with each entity mention (byte offsets of the UTF-8 text) in a <mark>.
function bodyNode(body, mentions) {
  const node = el('div', { class: 'body' });
  const bytes = new TextEncoder().encode(body);
  const decoder = new TextDecoder();
  let copied = 0;
  for (const mention of mentions || []) {
    if (mention.begin < copied || mention.end > bytes.length) continue;
    node.append(decoder.decode(bytes.subarray(copied, mention.begin)));
    node.append(el('mark', { class: 'entity', title: mention.name, 'data-entity': mention.id },
                   decoder.decode(bytes.subarray(mention.begin, mention.end))));
    copied = mention.end;
  }
  node.append(decoder.decode(bytes.subarray(copied)));
  return node;
}

async function showArticle(id) {
  const article = await api('/api/show/' + encodeURIComponent(id));
  document.title = article.title + ' — naviny';
  $('status').textContent = '';
  const entities = el('ul', { class: 'entities' });
  for (const entity of article.entities) {
    entities.append(el('li', {}, el('a', { href: searchUrl(entity.type + ':' + entity.id),
                                           class: 'filter' }, `${entity.name} (${entity.mentions})`)));
  }
  const view = $('article');
  view.replaceChildren(el('h1', {}, article.title), metaLine(article),
                       el('div', { class: 'meta' }, el('span', {}, article.id)), entities,
                       bodyNode(article.body, article.mentions));
  view.hidden = false;
  const similar = await api('/api/similar/' + encodeURIComponent(id) + '?limit=5').catch(() => null);
  if (similar && similar.hits.length) {
    const list = el('ul');
    for (const hit of similar.hits) list.append(el('li', {}, articleLink(hit)));
    view.append(el('h3', {}, 'Similar articles'), list);
  }
}

async function main() {
  try {
    if (location.pathname.startsWith('/show/')) {
      await showArticle(decodeURIComponent(location.pathname.slice('/show/'.length)));
    } else {
      await showSearch(new URLSearchParams(location.search));
    }
  } catch (error) {
    showError(error);
  }
  document.body.dataset.ready = 'true';
}

main();
