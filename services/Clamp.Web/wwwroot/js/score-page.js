// A score's page: its notation and playback, what is known about it, the scores most like it, and zero-shot
// classification against labels the person types.
import { api } from './api.js';
import { clear, el, setStatus, splitList } from './dom.js';
import { hitFacts, scoreLink } from './hits.js';
import { renderNotation } from './notation.js';
import { loadTune } from './player.js';

let currentId = null;

export function setupScorePage() {
  document.getElementById('classify-form').addEventListener('submit', (event) => {
    event.preventDefault();
    classify(event.target.elements.labels.value);
  });
}

export async function showScore(id) {
  currentId = id;
  const title = document.getElementById('score-title');
  const status = document.getElementById('score-status');
  title.textContent = 'Score';
  clear(document.getElementById('score-metadata'));
  clear(document.getElementById('classify-results'));
  setStatus(document.getElementById('classify-status'), '');
  loadTune(null, 'Loading the music…');
  title.focus();
  setStatus(status, 'Loading…', 'busy');

  try {
    const score = await api(`/api/scores/${encodeURIComponent(id)}`);
    if (id !== currentId) return;
    title.textContent = score.metadata?.title || score.fileName;
    document.title = `${title.textContent} — Clamp`;
    setStatus(status, score.status === 'indexed' ? '' : `Status: ${score.status}`);
    showMetadata(score);
  } catch (error) {
    setStatus(status, `This score cannot be shown: ${error.message}`, 'error');
    loadTune(null, '');
    return;
  }
  const notation = document.getElementById('score-notation');
  const tune = await renderNotation(notation, id, { label: `Notation of ${title.textContent}` });
  if (id === currentId) loadTune(tune, tune ? '' : 'There is no notation to play.');
  showSimilar(id);
}

function showMetadata(score) {
  const m = score.metadata ?? {};
  const facts = [
    ['Composer', m.composer], ['Lyricist', m.lyricist], ['Arranger', m.arranger], ['Also known as', (m.alternativeTitles ?? []).join('; ')],
    ['Type', m.type], ['Key', m.key], ['Meter', m.meter], ['Collection', m.collection], ['Origin', m.origin],
    ['Tags', (m.tags ?? []).join(', ')], ['Notes', m.notes], ['File', `${score.fileName} (${score.format})`],
    ['Status', score.failure ? `${score.status}: ${score.failure.reason} (${score.failure.code})` : score.status],
    ['Indexed by model', (score.indexedModelVersions ?? []).join(', ')],
  ];
  const list = document.getElementById('score-metadata');
  for (const [name, value] of facts) {
    if (value) list.append(el('dt', {}, name), el('dd', {}, value));
  }
}

async function showSimilar(id) {
  const status = document.getElementById('similar-status');
  const list = clear(document.getElementById('similar-results'));
  setStatus(status, 'Looking for similar scores…', 'busy');
  try {
    const page = await api(`/api/scores/${encodeURIComponent(id)}/similar?k=8`);
    if (id !== currentId) return;
    setStatus(status, page.hits.length === 0 ? 'No other score is indexed yet.' : '');
    for (const hit of page.hits) {
      list.append(el('li', {}, scoreLink(hit), ' ', el('span', { class: 'facts' }, hitFacts(hit)),
        ' ', el('span', { class: 'similarity' }, `similarity ${hit.score.toFixed(2)}`)));
    }
  } catch (error) {
    setStatus(status, `Similar scores cannot be shown: ${error.message}`, 'error');
  }
}

async function classify(text) {
  const id = currentId;
  const status = document.getElementById('classify-status');
  const list = clear(document.getElementById('classify-results'));
  const labels = splitList(text);
  if (labels.length < 2) {
    setStatus(status, 'Type at least two labels, separated by commas.', 'error');
    return;
  }
  setStatus(status, 'Classifying…', 'busy');
  try {
    const result = await api(`/api/scores/${encodeURIComponent(id)}/classify`, { method: 'POST', json: { labels } });
    if (id !== currentId) return;
    setStatus(status, `Most likely: ${result.labels[0].label}.`, 'ok');
    for (const label of result.labels) {
      const percent = `${(label.probability * 100).toFixed(1)} %`;
      list.append(el('li', { class: 'label-result' },
        el('span', { class: 'label-name' }, label.label),
        el('meter', { min: 0, max: 1, value: label.probability, 'aria-label': `${label.label}: ${percent}` }),
        el('span', { class: 'label-probability' }, percent)));
    }
  } catch (error) {
    setStatus(status, `The classification failed: ${error.message}`, 'error');
  }
}
