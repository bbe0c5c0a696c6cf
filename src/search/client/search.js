// The search page's script: reads ?q= and the form, asks engine.js, renders results with DOM calls only
// (textContent, never innerHTML), so document text can never become markup. Copied verbatim to the site.

import { createSearch, highlight, snippet } from './engine.js';
import { markRanges } from './tokens.js';

const PAGE = 20;
const SAFE_PROTOCOLS = new Set(['http:', 'https:']);
const DEFAULT_MESSAGES = {
  empty: 'No results. 没有找到结果。',
  any: 'No page has all the words; showing pages with any of them. 没有同时包含所有词的结果，显示包含任一词的结果。',
  count: '{n} results. 共 {n} 条结果。',
  error: 'Search is unavailable right now. 搜索暂时不可用。',
  more: 'More results 更多结果',
};

const form = document.getElementById('search-form');
const input = document.getElementById('search-q');
const list = document.getElementById('search-results');
if (!form || !input || !list) {
  throw new Error('search/search.js: the page needs #search-form, #search-q and #search-results');
}
const engine = createSearch(loadJson);
const status = statusElement();
let current = null;

async function loadJson(path, fresh) {
  const response = await fetch(new URL(path, import.meta.url), fresh ? { cache: 'no-cache' } : {});
  if (!response.ok) throw new Error(`search/${path}: HTTP ${response.status}`);
  return response.json();
}

/** Messages: the defaults, each overridable by a `data-` attribute on the results list (data-empty=…). */
function message(name, n = 0) {
  return (list.dataset[name] ?? DEFAULT_MESSAGES[name]).replaceAll('{n}', String(n));
}

function statusElement() {
  const existing = document.getElementById('search-status');
  if (existing) return existing;
  const element = document.createElement('p');
  element.id = 'search-status';
  element.setAttribute('role', 'status');
  list.before(element);
  return element;
}

async function show(query, offset) {
  const ticket = Symbol(query);
  current = ticket;
  if (offset === 0) list.replaceChildren();
  list.querySelector('.search-more')?.remove();
  if (!query.trim()) {
    status.textContent = '';
    list.removeAttribute('aria-busy');
    return;
  }
  list.setAttribute('aria-busy', 'true');
  try {
    const found = await engine.search(query, { offset, limit: PAGE });
    if (current !== ticket) return;
    status.textContent = found.mode === 'none' ? message('empty') : summary(found);
    list.append(...found.results.map((result) => resultItem(result, found.terms)));
    if (offset + PAGE < found.total) list.append(moreItem(query, offset + PAGE));
  } catch (error) {
    if (current !== ticket) return;
    status.textContent = message('error');
    console.warn('search failed:', error);
  } finally {
    if (current === ticket) list.removeAttribute('aria-busy');
  }
}

function summary(found) {
  const count = message('count', found.total);
  return found.mode === 'any' ? `${message('any')} ${count}` : count;
}

function resultItem(result, terms) {
  const item = document.createElement('li');
  if (result.lang) item.lang = result.lang;
  const link = document.createElement('a');
  const href = safeHref(result.url);
  if (href) link.href = href;
  link.append(...marked(highlight(result.title, markRanges(result.title, terms))));
  const time = document.createElement('time');
  time.dateTime = result.date;
  time.textContent = result.date;
  const text = document.createElement('p');
  text.append(...marked(snippet(result.text, terms)));
  item.append(link, ' ', time, text);
  return item;
}

function moreItem(query, offset) {
  const item = document.createElement('li');
  item.className = 'search-more';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = message('more');
  button.addEventListener('click', () => show(query, offset));
  item.append(button);
  return item;
}

/** `{ text, mark }` pieces as text nodes and <mark> elements. */
function marked(pieces) {
  return pieces.map(({ text, mark }) => {
    if (!mark) return document.createTextNode(text);
    const element = document.createElement('mark');
    element.textContent = text;
    return element;
  });
}

/** Relative links and http(s) only: a `javascript:` URL in a document never becomes a link. */
function safeHref(url) {
  try {
    const resolved = new URL(url, document.baseURI);
    return SAFE_PROTOCOLS.has(resolved.protocol) ? resolved.href : null;
  } catch {
    return null;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const url = new URL(location.href);
  url.searchParams.set('q', input.value);
  history.replaceState(null, '', url);
  show(input.value, 0);
});

const initial = new URLSearchParams(location.search).get('q') ?? '';
if (initial) {
  input.value = initial;
  show(initial, 0);
}
