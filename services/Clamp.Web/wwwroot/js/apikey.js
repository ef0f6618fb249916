// The API key of the person using the page: kept in this tab's sessionStorage (gone when the tab closes) and
// sent with every API call; the web service passes it on to the platform, which decides what it may do.
import { setStatus } from './dom.js';

const storageName = 'clamp.apiKey';

export function currentKey() {
  return sessionStorage.getItem(storageName) ?? '';
}

export function setupKeyForm() {
  const form = document.getElementById('key-form');
  const input = document.getElementById('api-key');
  const status = document.getElementById('key-status');
  if (currentKey()) setStatus(status, 'A key is set for this tab.', 'ok');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (!key) return;
    sessionStorage.setItem(storageName, key);
    input.value = '';
    setStatus(status, 'Key set for this tab.', 'ok');
  });
}

/** Points the person at the key field, e.g. when the platform answered 401. */
export function askForKey(message) {
  setStatus(document.getElementById('key-status'), message, 'error');
  document.getElementById('api-key').focus();
}
