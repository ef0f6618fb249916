// Uploads: files chosen or dropped are sent one by one; each shows its own status, followed until the platform
// has indexed it (or says why it failed).
import { api } from './api.js';
import { el, splitList } from './dom.js';

const pollMilliseconds = 1000;
const pollLimitMilliseconds = 10 * 60 * 1000;
const finalStates = new Set(['indexed', 'failed']);

export function setupUpload() {
  const zone = document.getElementById('drop-zone');
  const input = document.getElementById('upload-files');
  input.addEventListener('change', () => {
    uploadAll([...input.files]);
    input.value = '';
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    uploadAll([...event.dataTransfer.files]);
  });
}

async function uploadAll(files) {
  for (const file of files) await upload(file);
}

function metadata() {
  const form = document.getElementById('upload-form');
  const data = new FormData();
  for (const name of ['collection', 'type']) {
    const value = form.elements[name].value.trim();
    if (value) data.append(name, value);
  }
  for (const tag of splitList(form.elements.tags.value)) data.append('tags', tag);
  return data;
}

async function upload(file) {
  const state = el('span', { class: 'state', 'data-state': 'uploading' }, 'uploading…');
  const items = el('ul', { class: 'upload-items' });
  const row = el('li', { class: 'upload' }, el('span', { class: 'file-name' }, file.name), ' ', state, items);
  document.getElementById('upload-list').prepend(row);

  const form = metadata();
  form.append('file', file, file.name);
  try {
    const batch = await api('/api/scores', { method: 'POST', formData: form });
    setState(state, 'sent', `sent: ${batch.stored} new, ${batch.duplicates} already stored, ${batch.errors} refused`);
    for (const item of batch.items) items.append(itemRow(item, batch.items.length === 1 ? file.name : item.source));
  } catch (error) {
    setState(state, 'failed', `refused: ${error.message}${error.code ? ` (${error.code})` : ''}`);
  }
}

function itemRow(item, name) {
  const state = el('span', { class: 'state' });
  const row = el('li', { class: 'upload-item', 'data-score-id': item.id ?? '' }, el('span', { class: 'item-name' }, name), ' ', state);
  if (!item.id) {
    setState(state, 'failed', `refused: ${item.error?.message ?? 'unknown reason'} (${item.error?.code ?? 'error'})`);
    return row;
  }
  setState(state, item.status, item.duplicate ? `${item.status} (already stored)` : item.status);
  follow(item.id, state, row);
  return row;
}

async function follow(id, state, row) {
  const deadline = Date.now() + pollLimitMilliseconds;
  let score = null;
  while (Date.now() < deadline) {
    try {
      score = await api(`/api/scores/${encodeURIComponent(id)}`);
    } catch (error) {
      setState(state, 'unknown', `status unknown: ${error.message}`);
    }
    if (score) {
      if (score.status === 'failed') {
        const failure = score.failure ?? {};
        setState(state, 'failed', `failed at ${failure.stage ?? 'a stage'}: ${failure.reason ?? ''} (${failure.code ?? 'error'})`);
        return;
      }
      setState(state, score.status, score.status);
      if (finalStates.has(score.status)) {
        row.append(' ', el('a', { href: `#/scores/${encodeURIComponent(id)}` }, `Open ${score.metadata?.title || 'the score'}`));
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, pollMilliseconds));
  }
  setState(state, 'unknown', `${score?.status ?? 'status unknown'}: still not indexed, look again later`);
}

function setState(node, state, text) {
  node.dataset.state = state;
  node.textContent = text;
}
