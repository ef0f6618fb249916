// The search form and its results: each result with its metadata, why it matched, and a preview of its notation.
import { api } from './api.js';
import { clear, el, setStatus, splitList } from './dom.js';
import { hitFacts, scoreLink } from './hits.js';
import { renderNotation } from './notation.js';

const pageSize = 10;
let lastQuery = null;
let nextPage = null;

export function setupSearch() {
  const form = document.getElementById('search-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    lastQuery = queryOf(form);
    search(false);
  });
  document.getElementById('more-results').addEventListener('click', () => search(true));
}

function queryOf(form) {
  const data = new FormData(form);
  const params = new URLSearchParams({ q: data.get('q').trim(), mode: data.get('mode'), k: String(pageSize) });
  for (const name of ['type', 'key', 'meter', 'collection']) {
    const value = data.get(name).trim();
    if (value) params.append(name, value);
  }
  for (const tag of splitList(data.get('tag'))) params.append('tag', tag);
  return params;
}

async function search(more) {
  const status = document.getElementById('search-status');
  const results = document.getElementById('results');
  const moreButton = document.getElementById('more-results');
  const params = new URLSearchParams(lastQuery);
  if (more && nextPage) params.set('page', nextPage);
  if (!more) clear(results);
  moreButton.hidden = true;
  setStatus(status, 'Searching…', 'busy');
  try {
    const page = await api(`/api/search?${params}`);
    nextPage = page.nextPage;
    const total = results.children.length + page.hits.length;
    setStatus(status, total === 0 ? 'No scores matched.' : `${total} ${total === 1 ? 'score' : 'scores'} found.`, 'ok');
    for (const hit of page.hits) results.append(resultItem(hit));
    moreButton.hidden = !nextPage;
  } catch (error) {
    setStatus(status, `The search failed: ${error.message}`, 'error');
  }
}

function resultItem(hit) {
  const notation = el('div', { class: 'notation notation-preview' });
  const item = el('li', { class: 'result' },
    el('h3', {}, scoreLink(hit)),
    el('p', { class: 'facts' }, hitFacts(hit)),
    hit.matched.length > 0 ? el('p', { class: 'matched' }, `Matched: ${hit.matched.join(', ')}`) : null,
    notation);
  renderNotation(notation, hit.id, { preview: true, label: `Opening bars of ${hit.title || 'the score'}` });
  return item;
}
