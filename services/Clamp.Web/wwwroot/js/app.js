// The page's entry point: the two views (#/ search and uploads, #/scores/{id} a score's page) and their wiring.
import { setupKeyForm } from './apikey.js';
import { setupPlayer, stopPlayback } from './player.js';
import { setupScorePage, showScore } from './score-page.js';
import { setupSearch } from './search.js';
import { setupUpload } from './upload.js';

const scoreRoute = /^#\/scores\/([0-9a-fA-F-]{36})$/;

function route() {
  const match = scoreRoute.exec(location.hash);
  const searchView = document.getElementById('search-view');
  const scoreView = document.getElementById('score-view');
  if (match) {
    searchView.hidden = true;
    scoreView.hidden = false;
    showScore(match[1]);
  } else {
    stopPlayback();
    scoreView.hidden = true;
    searchView.hidden = false;
    document.title = 'Clamp — search and classify sheet music';
  }
}

setupKeyForm();
setupSearch();
setupUpload();
setupPlayer();
setupScorePage();
window.addEventListener('hashchange', route);
route();
