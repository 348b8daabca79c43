// End-to-end check of chronicler's page in headless Chromium, over the
// DevTools protocol on a pipe (--remote-debugging-pipe): Node's standard
// library only, no npm packages.
//
//   node drive.js URL SCREENSHOT.png [MAP_SCREENSHOT.png]
//
// Opens URL, checks that the timeline shows the 23-24 January talks and the
// 1 February round; that the state of play shows the 1 February round
// coming up (and past with no outcome as of 3 February); that the map draws the basemap and marks the located
// events (Kyiv, Abu Dhabi), opens an event from its marker, follows the
// filters, and lists a cluster's events; that search finds a sentence that
// reports no event and marks it in its article; then clicks the repatriation event,
// checks that its evidence sentence is highlighted in the article, that the
// Content-Security-Policy blocked nothing, and saves a screenshot. Exits 0 on success, 1 with a message otherwise. Everything
// is bounded by timeouts.
"use strict";

const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const [url, shot, mapShot] = process.argv.slice(2);
if (!url || !shot) {
  console.error("usage: node drive.js URL SCREENSHOT.png [MAP_SCREENSHOT.png]");
  process.exit(2);
}
const browser = process.env.CHROMIUM || "/usr/bin/chromium";
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "chronicler-e2e-"));
const chrome = spawn(browser, [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-dev-shm-usage", "--hide-scrollbars", "--remote-debugging-pipe",
  `--user-data-dir=${profile}`, "about:blank",
], { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] });

let stderr = "";
chrome.stderr.on("data", (d) => { stderr = (stderr + d).slice(-4000); });

const pending = new Map();
let nextId = 1;
let buf = Buffer.alloc(0);
chrome.stdio[4].on("data", (chunk) => {
  buf = Buffer.concat([buf, chunk]);
  let at;
  while ((at = buf.indexOf(0)) >= 0) {
    const msg = JSON.parse(buf.subarray(0, at).toString("utf8"));
    buf = buf.subarray(at + 1);
    const p = msg.id && pending.get(msg.id);
    if (p) {
      pending.delete(msg.id);
      if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
      else p.resolve(msg.result);
    }
  }
});

function send(method, params = {}, sessionId) {
  const id = nextId++;
  const msg = { id, method, params };
  if (sessionId) msg.sessionId = sessionId;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, method });
    chrome.stdio[3].write(JSON.stringify(msg) + "\0");
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function finish(code, message) {
  if (message) console.error(message);
  try { chrome.kill("SIGKILL"); } catch (_) { /* already gone */ }
  try { fs.rmSync(profile, { recursive: true, force: true }); } catch (_) { /* best effort */ }
  process.exit(code);
}

setTimeout(() => finish(1, "timed out after 60 s\n" + stderr), 60000).unref();
chrome.on("exit", (code) => finish(1, `chromium exited (${code})\n${stderr}`));

async function main() {
  const { targetId } = await send("Target.createTarget", { url: "about:blank" });
  const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
  const s = (m, p) => send(m, p, sessionId);
  await s("Page.enable");
  await s("Emulation.setDeviceMetricsOverride", { width: 1440, height: 960, deviceScaleFactor: 1, mobile: false });
  // Record what the Content-Security-Policy blocks: the page must need nothing it forbids.
  await s("Page.addScriptToEvaluateOnNewDocument", { source: `window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || e.sample)));` });
  await s("Page.navigate", { url });

  const evaluate = async (expr) => {
    const r = await s("Runtime.evaluate", { expression: expr, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(`${expr}: ${r.exceptionDetails.text}`);
    return r.result.value;
  };
  // Polls `expr` until it is truthy (bounded).
  const waitFor = async (expr, what) => {
    for (let i = 0; i < 150; i++) {
      const v = await evaluate(expr).catch(() => null);
      if (v) return v;
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  await waitFor("document.body && document.body.dataset.ready === 'true'", "the page to load its events");
  const timeline = await evaluate("document.getElementById('timeline').innerText");
  const cards = await evaluate("[...document.querySelectorAll('#timeline .event')].map(c => c.innerText)");
  const talks = cards.find((c) => /23 Jan 2026 – 24 Jan 2026/.test(c) && /negotiat|talks|Abu Dhabi/i.test(c));
  if (!talks) throw new Error("no 23-24 January talks in the timeline:\n" + timeline);
  const round = cards.find((c) => /^1 Feb 2026|· ?1 Feb 2026|1 Feb 2026 ·/m.test(c) && /negotiat|talks|Mediate/i.test(c));
  if (!round) throw new Error("no 1 February round in the timeline:\n" + timeline);

  // The state of play: the 1 February round is coming up, with its sources
  // linking to the event (whose view highlights the evidence).
  await waitFor("document.getElementById('brief')?.dataset.ready === 'true'", "the state of play");
  const briefRound = (section) => `[...document.querySelectorAll('#brief ul[data-section=${section}] li')]
    .map(li => ({ text: li.innerText, links: [...li.querySelectorAll('a')].map(a => a.getAttribute('href')) }))
    .find(l => /^~?1 Feb 2026/.test(l.text) && /Talks/.test(l.text))`;
  const coming = await evaluate(briefRound("coming_up"));
  if (!coming) throw new Error("no 1 February round coming up in the state of play:\n" + await evaluate("document.getElementById('brief').innerText"));
  if (!coming.links.length || !coming.links.every((h) => h.startsWith("#event/"))) {
    throw new Error("the 1 February round has no link to its evidence: " + JSON.stringify(coming));
  }
  // As of 3 February, between Ukraine and Russia, its date has passed.
  await evaluate(`(() => { document.getElementById('b-dyad').value = 'UKR-RUS';
    document.getElementById('b-asof').value = '2026-02-03';
    document.querySelector('#brief-form button[type=submit]').click(); })()`);
  await waitFor("document.getElementById('brief').dataset.ready === 'true' && /3 Feb 2026/.test(document.querySelector('#brief-body p').innerText)", "the state of play as of 3 February");
  const past = await evaluate(briefRound("stalled"));
  if (!past || !/no reported outcome/.test(past.text)) {
    throw new Error("the 1 February round is not past with no outcome as of 3 February:\n" + await evaluate("document.getElementById('brief').innerText"));
  }

  // The map: the basemap's countries, and a marker for each located event.
  await waitFor("Number(document.querySelector('#map svg.map')?.dataset.countries) > 150", "the basemap's countries");
  const places = await waitFor(`[...document.querySelectorAll('#map .marker, #map .cluster')]
    .flatMap(m => m.dataset.places.split('|')).join(' | ')`, "markers on the map");
  for (const place of ["Kyiv", "Abu Dhabi"]) {
    if (!places.split(" | ").includes(place)) throw new Error(`no ${place} on the map: ${places}`);
  }
  const click = (target) => `(() => { const t = ${target}; if (!t) return false;
    t.dispatchEvent(new MouseEvent('click', { bubbles: true })); return true; })()`;
  // Its marker opens the event, which says where it happened (from a
  // cluster, through the cluster's list).
  const abuDhabi = "[...document.querySelectorAll('#map .marker, #map .cluster')].find(m => m.dataset.places.split('|').includes('Abu Dhabi'))";
  if (!(await evaluate(click(abuDhabi)))) throw new Error("no Abu Dhabi marker: " + places);
  if (await evaluate(`${abuDhabi}.classList.contains('cluster')`)) {
    await waitFor(click("[...document.querySelectorAll('#detail .event')].find(c => /Abu Dhabi/.test(c.innerText))"), "the Abu Dhabi event in its cluster");
  }
  await waitFor("/Abu Dhabi/.test(document.querySelector('#detail dl')?.innerText || '')", "the Abu Dhabi event from its marker");
  // The map follows the filters: no material conflict took place anywhere.
  const setQuad = (q) => evaluate(`(() => { const s = document.getElementById('f-quad'); s.value = '${q}';
    s.dispatchEvent(new Event('change')); })()`);
  await setQuad("4");
  await waitFor("document.querySelectorAll('#map .marker, #map .cluster').length === 0 && /^0 of /.test(document.querySelector('.map-note').textContent)", "the map to follow the QuadClass filter");
  await setQuad("");
  await waitFor("document.querySelectorAll('#map .marker, #map .cluster').length > 0", "the markers back without the filter");
  // The whole world: nearby events (Kyiv and Moscow at least) make a cluster, which
  // lists its events.
  await evaluate(click("[...document.querySelectorAll('.map-controls button')].find(b => b.textContent === 'World')"));
  const count = await waitFor("Number(document.querySelector('#map .cluster')?.dataset.count)", "a cluster on the world map");
  await evaluate(click("document.querySelector('#map .cluster')"));
  await waitFor(`document.querySelectorAll('#detail .event').length === ${count} && /^${count} events/.test(document.querySelector('#detail h2').innerText)`, "the cluster's events listed");
  if (mapShot) {
    await evaluate("window.scrollTo(0, 0)");
    await sleep(300);
    const png = await s("Page.captureScreenshot", { format: "png", clip: { x: 0, y: 0, width: 1440, height: 560, scale: 1 } });
    fs.writeFileSync(mapShot, Buffer.from(png.data, "base64"));
  }
  await evaluate(click("[...document.querySelectorAll('.map-controls button')].find(b => b.textContent === 'Fit')"));

  // Search finds any sentence (FTS5), not only evidence: one about the
  // cold, which reports no event, opens the article with it marked.
  await evaluate(`(() => { const i = document.getElementById('search'); i.value = 'Celsius temperatures';
    document.getElementById('search-form').requestSubmit(); })()`);
  await waitFor(click("[...document.querySelectorAll('#detail .hit')].find(h => h.dataset.doc && /Celsius/.test(h.innerText))"), "a sentence hit for 'Celsius temperatures'")
    .catch(async (e) => { throw new Error(e.message + ":\n" + await evaluate("location.hash + ' ' + document.getElementById('detail').innerText")); });
  const found = await waitFor("(() => { const m = document.querySelector('#detail .article mark.evidence'); return m && m.innerText; })()", "the found sentence marked in its article");
  if (!/Celsius/.test(found)) throw new Error("the marked sentence is not the one found: " + found);
  await evaluate("location.hash = ''");
  await waitFor("document.getElementById('detail').hidden", "the detail pane closed");

  // Click the repatriation event: Russia returning the remains of soldiers.
  const clicked = await evaluate(`(() => {
    const c = [...document.querySelectorAll('#timeline .event')]
      .find(c => /Return, release/.test(c.innerText) && /1,000|soldiers/.test(c.innerText));
    if (!c) return null;
    c.scrollIntoView({ block: 'center' });
    c.click();
    return c.dataset.eventId;
  })()`);
  if (!clicked) throw new Error("no repatriation event to click in the timeline:\n" + timeline);
  const mark = await waitFor(
    "(() => { const m = document.querySelector('#detail .article mark.evidence'); return m && m.innerText; })()",
    "the evidence sentence highlighted in the article");
  if (!/repatriation/.test(mark) || !/returned the remains/.test(mark)) {
    throw new Error("the highlighted evidence is not the repatriation sentence: " + mark);
  }
  const detailTitle = await evaluate("document.querySelector('#detail h2').innerText");
  const blocked = await evaluate("window.__csp");
  if (!Array.isArray(blocked) || blocked.length) throw new Error("the Content-Security-Policy blocked: " + JSON.stringify(blocked));
  // The screenshot shows the map and the timeline from the top.
  await evaluate("window.scrollTo(0, 0)");
  await sleep(300);
  const png = await s("Page.captureScreenshot", { format: "png" });
  fs.writeFileSync(shot, Buffer.from(png.data, "base64"));
  console.log(`ok: talks, 1 February round (timeline and state of play), map (${places}; a cluster of ${count}), repatriation "${detailTitle}" with its evidence highlighted; screenshot ${shot}`);
}

main().then(() => finish(0), (err) => finish(1, "e2e: " + err.message));
