// Calls to the web service's JSON API (/api), with the API key; a refusal becomes an ApiError carrying the
// platform's reason (problem details: detail, code, field errors).
import { askForKey, currentKey } from './apikey.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.code = problem?.code ?? '';
    this.problem = problem;
  }
}

function describe(status, problem) {
  const fieldErrors = Object.values(problem?.errors ?? {}).flat();
  if (fieldErrors.length > 0) return fieldErrors.join(' ');
  return problem?.detail || problem?.title || `The server answered ${status}.`;
}

export async function api(path, { method = 'GET', json, formData } = {}) {
  const headers = { Accept: 'application/json' };
  const key = currentKey();
  if (key) headers['X-Api-Key'] = key;
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (formData !== undefined) {
    body = formData;
  }

  let response;
  try {
    response = await fetch(path, { method, headers, body });
  } catch {
    throw new ApiError(0, { detail: 'The web service cannot be reached. Check your connection and try again.' });
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { detail: text };
  }
  if (response.status === 401) {
    askForKey(key ? 'The platform did not accept this API key: enter a valid one.' : 'Enter your API key first.');
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}
