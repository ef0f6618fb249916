// How a score found by a search or a similarity query is shown: its title as a link to its page and its metadata.
import { el } from './dom.js';

export function scoreLink(hit) {
  return el('a', { href: `#/scores/${encodeURIComponent(hit.id)}` }, hit.title || 'Untitled score');
}

export function hitFacts(hit) {
  return [hit.composer, hit.type, hit.key, hit.meter, hit.collection].filter((fact) => fact).join(' · ');
}
