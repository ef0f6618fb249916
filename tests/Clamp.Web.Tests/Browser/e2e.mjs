// The web page in a real headless Chromium against the real platform, as a person would use it:
// set the API key, drop a file of ABC tunes on the upload zone and wait until each is indexed, search for one by
// its title with the keyboard alone, see its notation drawn (SVG) in the results, open its page (notation,
// metadata, similar scores), press Play and hear it start, classify it with typed labels; then the same pages at
// phone width. Screenshots of each step go to --out. Exits 0 when every step held, 1 with the reason otherwise.
//
//   node e2e.mjs --url http://127.0.0.1:PORT/ --key KEY --file tunes.abc --title "A title in it"
//                --out DIR [--chromium /usr/bin/chromium]
import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    key: { type: 'string' },
    file: { type: 'string' },
    title: { type: 'string' },
    out: { type: 'string' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    labels: { type: 'string', default: 'slip jig, reel, waltz, march' },
  },
});
for (const required of ['url', 'key', 'file', 'title', 'out']) {
  if (!args[required]) throw new Error(`--${required} is required`);
}

const indexingTimeout = 300_000;
const steps = [];
const problems = [];
const soundResponses = [];

function step(name, detail = '') {
  steps.push({ name, detail });
  console.log(`ok   ${name}${detail ? `: ${detail}` : ''}`);
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function screenshot(page, name) {
  await page.screenshot({ path: path.join(args.out, name), fullPage: true });
}

/** Presses Tab until the element matching selector has the focus: it can be reached from the keyboard. */
async function tabTo(page, selector, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} cannot be reached with the Tab key (${limit} presses)`);
}

/** Every form control on the visible page has a label (or an accessible name of its own). */
async function unlabelledControls(page) {
  return page.evaluate(() => [...document.querySelectorAll('input, select, textarea, button')]
    .filter((control) => control.offsetParent !== null)
    .filter((control) => control.tagName === 'BUTTON'
      ? control.textContent.trim() === '' && !control.getAttribute('aria-label')
      : control.labels.length === 0 && !control.getAttribute('aria-label'))
    .map((control) => control.id || control.name || control.outerHTML.slice(0, 60)));
}

async function noHorizontalScroll(page, width) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  check(scrollWidth <= width + 1, `the page is ${scrollWidth}px wide at a ${width}px viewport (it scrolls sideways)`);
}

async function run(page) {
  await page.goto(args.url);
  check(await page.locator('script[src*="abcjs"]').count() === 1, 'the page does not load abcjs');
  check(await page.evaluate(() => typeof window.ABCJS?.renderAbc === 'function'), 'abcjs did not load from the service');
  const unlabelled = await unlabelledControls(page);
  check(unlabelled.length === 0, `controls without a label: ${unlabelled.join(', ')}`);
  step('page loaded', 'abcjs served locally; every control is labelled');

  // The API key, typed into its labelled field and sent with the keyboard.
  await page.getByLabel('API key').fill(args.key);
  await page.keyboard.press('Enter');
  await page.getByText('Key set for this tab.').waitFor();
  step('API key set');

  // Drag and drop a file of tunes onto the upload zone; each tune gets its own line and status.
  const text = await readFile(args.file, 'utf8');
  const tunes = (text.match(/^X:/gm) ?? []).length;
  const name = path.basename(args.file);
  await page.evaluate(({ name, text }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], name, { type: 'text/vnd.abc' }));
    const zone = document.getElementById('drop-zone');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, { name, text });
  await page.waitForFunction((count) => {
    const states = [...document.querySelectorAll('#upload-list .upload-item .state')].map((s) => s.dataset.state);
    if (states.includes('failed')) return true;
    return states.length === count && states.every((state) => state === 'indexed');
  }, tunes, { timeout: indexingTimeout, polling: 500 });
  const states = await page.locator('#upload-list .upload-item .state').allTextContents();
  check(states.length === tunes && states.every((s) => s.startsWith('indexed')), `upload states: ${states.join(' | ')}`);
  await screenshot(page, '01-uploaded.png');
  step('upload by drag and drop', `${tunes} tunes of ${name} indexed, each with its own status`);

  // Search with the keyboard only: Tab to the labelled search box, type, Tab to the Search button, press Space.
  await page.evaluate(() => document.activeElement?.blur());
  await tabTo(page, '#query');
  await page.keyboard.type(args.title);
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement?.textContent === 'Search'), 'Tab from the search box does not reach the Search button');
  await page.keyboard.press('Space');
  const result = page.locator('#results li.result').filter({ has: page.getByRole('link', { name: args.title, exact: true }) }).first();
  await result.waitFor({ timeout: 60_000 });
  await result.locator('.notation svg').first().waitFor({ timeout: 60_000 });
  const resultSvgs = await page.locator('#results li.result .notation svg').count();
  await screenshot(page, '02-search-results.png');
  step('search by text with the keyboard', `"${args.title}" found; ${resultSvgs} results drawn as SVG notation`);

  // Open the score's page from the keyboard.
  const href = await result.getByRole('link', { name: args.title, exact: true }).getAttribute('href');
  await tabTo(page, `#results a[href="${href}"]`, 120);
  await page.keyboard.press('Enter');
  await page.locator('#score-view:not([hidden])').waitFor();
  await page.locator('#score-title', { hasText: args.title }).waitFor();
  await page.locator('#score-notation svg').first().waitFor({ timeout: 60_000 });
  await page.locator('#score-metadata dt', { hasText: 'Key' }).waitFor();
  await page.locator('#similar-results li').first().waitFor({ timeout: 60_000 });
  const similar = await page.locator('#similar-results li a').allTextContents();
  check(!similar.includes(args.title), 'the score is listed as similar to itself');
  step('score page', `notation drawn, metadata shown, ${similar.length} similar scores: ${similar.join(', ')}`);

  // Play, from the keyboard: the synthesiser starts and the audio clock runs.
  await page.locator('#play-button:not([disabled])').waitFor();
  await tabTo(page, '#play-button');
  await page.keyboard.press('Enter');
  await page.locator('#play-button[aria-pressed="true"]').waitFor({ timeout: 60_000 });
  await page.locator('#player-status', { hasText: 'Playing.' }).waitFor();
  check(soundResponses.length > 0 && soundResponses.every((status) => status === 200),
    `note samples answered ${soundResponses.join(', ') || 'nothing'}`);
  await screenshot(page, '03-score-playing.png');
  step('playback starts', `AudioContext running; ${soundResponses.length} note samples loaded from the service`);

  // Classify against labels typed into the labelled field.
  await tabTo(page, '#classify-labels');
  await page.keyboard.type(args.labels);
  await page.keyboard.press('Enter');
  const expected = args.labels.split(',').filter((l) => l.trim()).length;
  await page.locator('#classify-results li.label-result').nth(expected - 1).waitFor({ timeout: 60_000 });
  const ranked = await page.locator('#classify-results li.label-result').evaluateAll((items) => items.map((item) => ({
    label: item.querySelector('.label-name').textContent,
    probability: Number(item.querySelector('meter').value),
  })));
  check(ranked.length === expected, `${ranked.length} labels shown for ${expected} typed`);
  check(ranked.every((r, i) => i === 0 || ranked[i - 1].probability >= r.probability), 'the labels are not ranked by probability');
  const total = ranked.reduce((sum, r) => sum + r.probability, 0);
  check(Math.abs(total - 1) < 0.01, `the probabilities add up to ${total}`);
  await screenshot(page, '04-classified.png');
  step('zero-shot classification', ranked.map((r) => `${r.label} ${(r.probability * 100).toFixed(1)}%`).join(', '));

  // Phone width: nothing scrolls sideways, and the score's page still shows its notation.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#score-notation svg').first().waitFor();
  await noHorizontalScroll(page, 390);
  await screenshot(page, '05-phone-score.png');
  await page.goto(new URL('#/', args.url).toString());
  await page.locator('#search-view:not([hidden])').waitFor();
  await noHorizontalScroll(page, 390);
  const phoneUnlabelled = await unlabelledControls(page);
  check(phoneUnlabelled.length === 0, `controls without a label at phone width: ${phoneUnlabelled.join(', ')}`);
  await screenshot(page, '06-phone-search.png');
  step('phone width (390px)', 'no sideways scrolling on the search and score pages');
}

await mkdir(args.out, { recursive: true });
const browser = await chromium.launch({
  executablePath: args.chromium,
  args: [
    '--autoplay-policy=no-user-gesture-required',
    '--disable-dev-shm-usage',
    // Chromium's sandbox needs user namespaces or a setuid helper, which a container running as root lacks.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});
const browserVersion = browser.version();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
context.setDefaultTimeout(30_000);
const page = await context.newPage();
page.on('console', (message) => {
  if (message.type() === 'error') problems.push(`console: ${message.text()}`);
});
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('response', (response) => {
  if (new URL(response.url()).pathname.startsWith('/sounds/')) soundResponses.push(response.status());
});

let failed = null;
try {
  await run(page);
  if (problems.length > 0) throw new Error(`the page reported errors:\n  ${problems.join('\n  ')}`);
} catch (error) {
  failed = error;
  await page.screenshot({ path: path.join(args.out, 'failure.png'), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
}
console.log(JSON.stringify({ browser: browserVersion, steps, problems }));
if (failed) {
  console.error(`FAILED after ${steps.length} steps: ${failed.message}`);
  process.exit(1);
}
