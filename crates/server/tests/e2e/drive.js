// End-to-end check of chronicler's page in headless Chromium, driven by
// playwright-core (package.json, package-lock.json beside this file;
// `npm ci` here installs it; it downloads no browser: it starts Debian's
// /usr/bin/chromium, or $CHROMIUM).
//
//   node drive.js URL SCREENSHOT.png [MAP_SCREENSHOT.png]
//
// Opens URL, checks that the timeline shows the 23-24 January talks and the
// 1 February round; that the state of play shows the 1 February round
// coming up, its sources linking to the event (and past with no outcome as
// of 3 February); that the map draws the basemap and marks the located
// events (Kyiv, Abu Dhabi), opens an event from its marker, follows the
// filters, and lists a cluster's events; that search finds a sentence that
// reports no event and marks it in its article; that the stories list shows
// the story of both articles and opens it; then clicks the repatriation
// event, checks that its evidence sentence is highlighted in the article,
// that the Content-Security-Policy blocked nothing and no script threw, and
// saves a screenshot. Then opens the page windowed (?window=3: the store
// counts as larger than the page loads whole) and checks that it shows the
// 3 newest events of all, a chart of events per day, stories, and, when the
// dates are chosen, the talks fetched from the server.
// Clicks, typing and choices are Playwright's, as a person's would be.
// Exits 0 on success, 1 with a message otherwise. Every wait is bounded
// (15 s each, 75 s in all).
"use strict";

const { chromium } = require("playwright-core");

const [url, shot, mapShot] = process.argv.slice(2);
if (!url || !shot) {
  console.error("usage: node drive.js URL SCREENSHOT.png [MAP_SCREENSHOT.png]");
  process.exit(2);
}
const WAIT_MS = 15_000;
const TOTAL_MS = 75_000;

// Playwright kills the browser it started when this process exits.
setTimeout(() => {
  console.error(`e2e: timed out after ${TOTAL_MS / 1000} s`);
  process.exit(1);
}, TOTAL_MS).unref();

// Throws `message` (a function, so that it can say what the page shows).
async function check(ok, message) {
  if (!ok) throw new Error(await message());
}

async function main(browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.setDefaultNavigationTimeout(WAIT_MS);
  // Uncaught errors in the page's scripts fail the check as CSP violations do.
  const thrown = [];
  page.on("pageerror", (e) => thrown.push(e.message));
  // Record what the Content-Security-Policy blocks: the page must need nothing it forbids.
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI || e.sample}`));
  });
  const text = (selector) => page.locator(selector).first().innerText().catch((e) => `(${selector}: ${e.message})`);
  // Waits for `fn(arg)` in the page to be truthy and returns it (bounded).
  const waitFor = async (what, fn, arg) => {
    try {
      return await (await page.waitForFunction(fn, arg, { polling: 100 })).jsonValue();
    } catch (e) {
      throw new Error(`timed out waiting for ${what}: ${e.message.split("\n")[0]}`);
    }
  };

  await page.goto(url);
  await waitFor("the page to load its events", () => document.body && document.body.dataset.ready === "true");
  const timeline = await text("#timeline");
  const cards = await page.locator("#timeline .event").allInnerTexts();
  const talks = cards.find((c) => /23 Jan 2026 – 24 Jan 2026/.test(c) && /negotiat|talks|Abu Dhabi/i.test(c));
  await check(talks, () => "no 23-24 January talks in the timeline:\n" + timeline);
  const round = cards.find((c) => /^1 Feb 2026|· ?1 Feb 2026|1 Feb 2026 ·/m.test(c) && /negotiat|talks|Mediate/i.test(c));
  await check(round, () => "no 1 February round in the timeline:\n" + timeline);

  // The state of play: the 1 February round is coming up, with its sources
  // linking to the event (whose view highlights the evidence).
  await page.locator('#brief[data-ready="true"]').waitFor({ state: "attached" });
  const briefRound = async (section) => (await page.locator(`#brief ul[data-section=${section}] li`).evaluateAll((lis) =>
    lis.map((li) => ({ text: li.innerText, links: [...li.querySelectorAll("a")].map((a) => a.getAttribute("href")) }))))
    .find((l) => /^~?1 Feb 2026/.test(l.text) && /Talks/.test(l.text));
  const coming = await briefRound("coming_up");
  await check(coming, async () => "no 1 February round coming up in the state of play:\n" + await text("#brief"));
  await check(coming.links.length && coming.links.every((h) => h.startsWith("#event/")),
    () => "the 1 February round has no link to its evidence: " + JSON.stringify(coming));
  // As of 3 February, between Ukraine and Russia, its date has passed.
  await page.locator("#b-dyad").fill("UKR-RUS");
  await page.locator("#b-asof").fill("2026-02-03");
  await page.locator("#brief-form button[type=submit]").click();
  await waitFor("the state of play as of 3 February", () => document.getElementById("brief").dataset.ready === "true"
    && /3 Feb 2026/.test(document.querySelector("#brief-body p").innerText));
  const past = await briefRound("stalled");
  await check(past && /no reported outcome/.test(past.text),
    async () => "the 1 February round is not past with no outcome as of 3 February:\n" + await text("#brief"));

  // The map: the basemap's countries, and a marker for each located event.
  const markers = page.locator("#map .marker, #map .cluster");
  await waitFor("the basemap's countries", () => Number(document.querySelector("#map svg.map")?.dataset.countries) > 150);
  await markers.first().waitFor({ state: "attached" });
  const placesOf = () => markers.evaluateAll((ms) => ms.map((m) => m.dataset.places.split("|")));
  let markerPlaces = await placesOf();
  const places = markerPlaces.flat().join(" | ");
  for (const place of ["Kyiv", "Abu Dhabi"]) {
    await check(markerPlaces.some((p) => p.includes(place)), () => `no ${place} on the map: ${places}`);
  }
  // Its marker opens the event, which says where it happened (from a
  // cluster, through the cluster's list).
  const abuDhabi = markers.nth(markerPlaces.findIndex((p) => p.includes("Abu Dhabi")));
  await abuDhabi.click();
  if (await abuDhabi.evaluate((m) => m.classList.contains("cluster"))) {
    await page.locator("#detail .event", { hasText: "Abu Dhabi" }).first().click();
  }
  await page.locator("#detail dl", { hasText: "Abu Dhabi" }).first().waitFor()
    .catch(async (e) => { throw new Error(`the Abu Dhabi event from its marker: ${e.message.split("\n")[0]}\n${await text("#detail")}`); });
  // The map follows the filters: no material conflict took place anywhere.
  await page.locator("#f-quad").selectOption("4");
  await waitFor("the map to follow the QuadClass filter", () => document.querySelectorAll("#map .marker, #map .cluster").length === 0
    && /^0 of /.test(document.querySelector(".map-note").textContent));
  await page.locator("#f-quad").selectOption({ value: "" });
  await markers.first().waitFor({ state: "attached" });
  // The whole world: nearby events (Kyiv and Moscow at least) make a cluster, which
  // lists its events.
  await page.locator(".map-controls button", { hasText: /^World$/ }).click();
  const count = await waitFor("a cluster on the world map", () => Number(document.querySelector("#map .cluster")?.dataset.count));
  // The earlier list (Abu Dhabi's) is closed first, so what follows is the
  // clicked cluster's own.
  if (await page.locator("#detail .close").isVisible()) {
    await page.locator("#detail .close").click();
    await waitFor("the detail to close", () => document.getElementById("detail").hidden);
  }
  await page.locator("#map .cluster").first().click();
  // A cluster's list names as many events as it shows, at least two (the
  // map may re-cluster while it settles, so the count is read from the list).
  await waitFor("the cluster's events listed", () => {
    const d = document.getElementById("detail");
    const n = d.querySelectorAll(".event").length;
    const h = d.querySelector("h2");
    return !d.hidden && n >= 2 && h && new RegExp(`^${n} events`).test(h.innerText);
  }).catch(async (e) => { throw new Error(`${e.message} (first cluster of ${count}; ${await page.locator("#detail .event").count()} listed; detail: ${(await text("#detail")).slice(0, 300)})`); });
  if (mapShot) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: mapShot, clip: { x: 0, y: 0, width: 1440, height: 560 } });
  }
  await page.locator(".map-controls button", { hasText: /^Fit$/ }).click();

  // Search finds any sentence (FTS5), not only evidence: one about the
  // cold, which reports no event, opens the article with it marked.
  await page.locator("#search").fill("Celsius temperatures");
  await page.locator("#search").press("Enter");
  await page.locator("#detail .hit[data-doc]", { hasText: "Celsius" }).first().click()
    .catch(async (e) => { throw new Error(`a sentence hit for 'Celsius temperatures': ${e.message.split("\n")[0]}\n`
      + await page.evaluate(() => location.hash) + " " + await text("#detail")); });
  const evidence = page.locator("#detail .article mark.evidence").first();
  const found = await evidence.innerText();
  await check(/Celsius/.test(found), () => "the marked sentence is not the one found: " + found);
  await page.evaluate(() => { location.hash = ""; });
  await page.locator("#detail").waitFor({ state: "hidden" });

  // The stories list: the two articles make one story, which opens with
  // both articles and its events.
  const story = page.locator("#stories .story", { hasText: "Zelenskyy Challenges Putin" }).first();
  await check(await story.count(), async () => "no Zelenskyy story in the stories list:\n" + await text("#stories"));
  await check(/2 sources/.test(await story.innerText()), async () => "the story does not count 2 sources: " + await story.innerText());
  await story.click();
  await waitFor("the story's articles and events", () => /Zelenskyy Challenges Putin/.test(document.querySelector("#detail h2")?.innerText || "")
    && document.querySelectorAll("#detail .story-docs li").length === 2 && document.querySelectorAll("#detail .event").length > 0);
  await page.evaluate(() => { location.hash = ""; });
  await page.locator("#detail").waitFor({ state: "hidden" });
  // The stories list follows the actor and country filters (the API's
  // ?actor=): Ukraine's story stays, an actor in no story leaves none.
  const about = (actor, country) => page.evaluate(async ([a, c]) => (await storiesAbout({ actor: a, country: c })).size, [actor, country]);
  await check(await about("", "UKR") >= 1, () => "no story about UKR");
  await check(await about("XYZGOV", "") === 0, () => "a story about an actor no event has");
  await page.locator("#f-country").selectOption("UKR");
  await waitFor("the stories list filtered on UKR", () => state.storyFilter.key === "|UKR");
  await check(await story.count(), async () => "the Zelenskyy story left the list when filtering on UKR:\n" + await text("#stories"));
  await page.locator("#f-country").selectOption({ value: "" });

  // Click the repatriation event: Russia returning the remains of soldiers.
  const repatriation = page.locator("#timeline .event")
    .filter({ hasText: /Return, release/ }).filter({ hasText: /1,000|soldiers/ }).first();
  await check(await repatriation.count(), () => "no repatriation event to click in the timeline:\n" + timeline);
  await repatriation.scrollIntoViewIfNeeded();
  await repatriation.click();
  await evidence.waitFor();
  const mark = await evidence.innerText();
  await check(/repatriation/.test(mark) && /returned the remains/.test(mark),
    () => "the highlighted evidence is not the repatriation sentence: " + mark);
  const detailTitle = await text("#detail h2");
  const blocked = await page.evaluate(() => window.__csp);
  await check(Array.isArray(blocked) && !blocked.length, () => "the Content-Security-Policy blocked: " + JSON.stringify(blocked));
  await check(!thrown.length, () => "the page threw: " + thrown.join("; "));
  // The screenshot shows the map and the timeline from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot });

  // A store with more events than the page's window (`?window=3` makes the
  // example one such) is windowed: the server filters, the page shows the
  // newest events and stories that pass and draws the chart from /api/days.
  const windowed = new URL(url);
  windowed.searchParams.set("window", "3");
  await page.goto(windowed.toString());
  await waitFor("the windowed page to load", () => document.body && document.body.dataset.ready === "true");
  const total = await page.evaluate(async () => (await (await fetch("/api/stats")).json()).merged_events);
  const say = await text("#timeline p.muted");
  await check(new RegExp(`^3 newest of ${total} events that pass`).test(say), () => `the windowed timeline says: ${say} (${total} events)`);
  await check(await page.locator("#timeline .event").count() === 3, async () => "not 3 events in the windowed timeline:\n" + await text("#timeline"));
  await check(await page.locator("#density div").count() > 1, () => "no chart of events per day in the windowed page");
  await waitFor("the windowed stories", () => document.querySelectorAll("#stories .story").length >= 1);
  // Everyone's state of play is not loaded windowed; a pair's is.
  const askPair = await text("#brief-body");
  await check(/give two countries/.test(askPair), () => "the windowed state of play does not ask for a pair: " + askPair);
  await page.locator("#b-dyad").fill("UKR-RUS");
  await page.locator("#brief-form button[type=submit]").click();
  await waitFor("the windowed state of play of UKR-RUS", () => document.getElementById("brief").dataset.ready === "true"
    && document.querySelectorAll("#brief ul[data-section] li").length > 0);
  // Choosing the dates of the Abu Dhabi talks asks the server for them.
  await page.locator("#f-from").fill("2026-01-23");
  await page.locator("#f-to").fill("2026-01-24");
  await waitFor("the 23-24 January talks in the windowed timeline", () => [...document.querySelectorAll("#timeline .event")]
    .some((c) => /23 Jan 2026 – 24 Jan 2026/.test(c.innerText)));
  const windowedCsp = await page.evaluate(() => window.__csp);
  await check(Array.isArray(windowedCsp) && !windowedCsp.length, () => "the Content-Security-Policy blocked (windowed): " + JSON.stringify(windowedCsp));
  await check(!thrown.length, () => "the windowed page threw: " + thrown.join("; "));

  console.log(`ok: talks, 1 February round (timeline and state of play), map (${places}; a cluster of ${count}), `
    + `a story of 2 articles, repatriation "${detailTitle}" with its evidence highlighted; screenshot ${shot}; `
    + `windowed (3 of ${total} events, the talks found by their dates)`);
}

(async () => {
  let browser;
  let code = 0;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-dev-shm-usage", "--hide-scrollbars"],
      timeout: 30_000,
    });
    await main(browser);
  } catch (e) {
    console.error("e2e: " + e.message);
    code = 1;
  }
  if (browser) await browser.close().catch(() => {});
  process.exit(code);
})();
