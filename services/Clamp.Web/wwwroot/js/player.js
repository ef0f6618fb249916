// Playback of the score on its page with abcjs's synthesiser. The note samples come from this web service
// (/sounds/, made by the service), never from a sound-font site.
import { setStatus } from './dom.js';

let audioContext = null;
let synth = null;
let tune = null;
let playing = false;
let button;
let status;

export function setupPlayer() {
  button = document.getElementById('play-button');
  status = document.getElementById('player-status');
  button.addEventListener('click', () => (playing ? stop('Stopped.') : play()));
}

/** The tune the Play button plays (abcjs's tune object), or null to disable it with a reason. */
export function loadTune(visualObj, reason = '') {
  stop('');
  tune = visualObj;
  const supported = window.ABCJS?.synth?.supportsAudio?.() ?? false;
  button.disabled = !tune || !supported;
  if (tune && !supported) setStatus(status, 'This browser cannot play audio.', 'error');
  else if (!tune) setStatus(status, reason);
}

async function play() {
  if (!tune) return;
  button.disabled = true;
  setStatus(status, 'Preparing the sound…', 'busy');
  try {
    audioContext ??= new AudioContext();
    await audioContext.resume();
    synth = new window.ABCJS.synth.CreateSynth();
    await synth.init({
      audioContext,
      visualObj: tune,
      options: { soundFontUrl: '/sounds/', onEnded: () => stop('Finished.') },
    });
    await synth.prime();
    synth.start();
    playing = true;
    button.textContent = 'Stop';
    button.setAttribute('aria-pressed', 'true');
    setStatus(status, audioContext.state === 'running' ? 'Playing.' : `The browser holds the sound back (${audioContext.state}).`,
      audioContext.state === 'running' ? 'ok' : 'error');
  } catch (error) {
    setStatus(status, `The music cannot be played: ${error?.message ?? error}`, 'error');
  } finally {
    button.disabled = !tune;
  }
}

function stop(message) {
  if (synth) synth.stop();
  synth = null;
  playing = false;
  if (button) {
    button.textContent = 'Play';
    button.setAttribute('aria-pressed', 'false');
  }
  if (status && message !== undefined) setStatus(status, message);
}

/** Stops the music when the person leaves the score's page. */
export function stopPlayback() {
  if (playing) stop('');
}
