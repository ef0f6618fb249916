// Sheet music in the page: the score as ABC from /api/scores/{id}/notation (converted by the service when the
// score is MusicXML, MIDI or kern), drawn as SVG by abcjs. Where there is no ABC the reason is shown instead.
import { api } from './api.js';
import { el, clear } from './dom.js';

// Header fields a preview keeps: what the music needs to be drawn (the title and other text are shown beside it).
const musicalFields = /^([XMLKQVUI]:|%%)/;
// Field letters of ABC 2.1. Older collections use others (the Nottingham Music Database's Y: play order), which
// abcjs would draw as notes on a staff of their own, so those lines are left out of every drawing.
const standardField = /^[ABCDFGHIKLMmNOPQRrSsTUVWwXZ+]:/;

/** The tune without the field lines abcjs does not know (any letter outside ABC 2.1). */
export function drawableAbc(abc) {
  return abc.split(/\r?\n/).filter((line) => !/^[A-Za-z]:/.test(line) || standardField.test(line)).join('\n');
}

/** The musical header of a tune (up to K:) and its first few lines of music: a preview for a list of results. */
export function previewAbc(abc, musicLines = 4) {
  const lines = abc.split(/\r?\n/);
  const keyLine = lines.findIndex((line) => /^K:/.test(line));
  if (keyLine < 0) return abc;
  const header = lines.slice(0, keyLine + 1).filter((line) => musicalFields.test(line));
  const music = lines.slice(keyLine + 1).filter((line) => line.trim() !== '' && !/^[A-Za-z]:/.test(line) && !line.startsWith('%'));
  return [...header, ...music.slice(0, musicLines)].join('\n');
}

/**
 * Draws the score into container; returns abcjs's tune object (for playback) or null when there is no notation.
 * options.preview draws only the first lines; options.label names the drawing for screen readers.
 */
export async function renderNotation(container, scoreId, { preview = false, label = 'Notation' } = {}) {
  clear(container);
  container.setAttribute('aria-busy', 'true');
  try {
    const notation = await api(`/api/scores/${encodeURIComponent(scoreId)}/notation`);
    if (typeof window.ABCJS === 'undefined') {
      container.append(el('p', { class: 'notation-missing' }, 'The notation library did not load, so the music cannot be drawn.'));
      return null;
    }
    const abc = preview ? previewAbc(notation.abc) : drawableAbc(notation.abc);
    // abcjs sizes the element it draws into (responsive mode): it gets one of its own, and the notes go beside it.
    const drawing = el('div', { class: 'notation-drawing' });
    container.append(drawing);
    const tunes = window.ABCJS.renderAbc(drawing, abc, {
      responsive: 'resize',
      add_classes: true,
      paddingtop: 0,
      paddingbottom: 0,
      ariaLabel: label,
    });
    container.dataset.format = notation.format;
    if (notation.converted) {
      container.append(el('p', { class: 'help' }, `Converted from ${notation.format} for display.`));
    }
    return tunes[0] ?? null;
  } catch (error) {
    const text = error.code === 'notation.unavailable'
      ? `Notation not available for this format: ${error.message.replace(/^Notation is not available for this score: /, '')}`
      : `The notation cannot be shown: ${error.message}`;
    container.append(el('p', { class: 'notation-missing' }, text));
    return null;
  } finally {
    container.removeAttribute('aria-busy');
  }
}
