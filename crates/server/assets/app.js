// chronicler's page: plain JavaScript over the JSON API, no build step.
// Routes live in the URL hash: #event/ID, #story/ID, #doc/ID, #doc/ID@START-END (a sentence marked), #search/QUERY.
//
// A store of at most WINDOW merged events (`?window=N` in the page's address
// sets it) is loaded whole and filtered here. A larger one is windowed: the
// server filters, the page shows the newest events and stories that pass
// (at most 1,000 of each), and the chart of events per day comes from
// GET /api/days, so the page stays quick whatever the store's size.
"use strict";

const $ = (id) => document.getElementById(id);
const state = {
  events: [], range: null, stories: [], storyFilter: { key: "", ids: null },
  // Windowed: the events and stories shown are the newest that pass the
  // filters on the server (`shownKey` says for which), `total` how many pass,
  // `days` the events per day of every date.
  windowed: false, window: 5000, shownKey: null, total: 0, days: [], storiesTotal: 0, storiesKey: null,
};

// The most events the page loads whole.
function pageWindow() {
  const n = Number(new URLSearchParams(location.search).get("window"));
  return Number.isInteger(n) && n > 0 ? n : 5000;
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error || res.status + " " + res.statusText);
  return body;
}

// Every page of `/api/{what}` (events or stories), following next_cursor;
// `query` adds filters ("&actor=UKR").
async function loadAll(what, query = "") {
  const out = [];
  let cursor = null;
  for (let i = 0; i < 100; i++) {
    const page = await api(`/api/${what}?limit=1000` + query + (cursor ? "&cursor=" + encodeURIComponent(cursor) : ""));
    out.push(...page[what]);
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  return out;
}

const QUAD = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function human(day) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day || "");
  return m ? `${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}` : day || "undated";
}

function whenText(e) {
  if (e.date && e.date_precision === "year") return e.date.slice(0, 4);
  if (e.date && e.date_precision === "month") return human(e.date).replace(/^\d+ /, "");
  if (e.date && e.date_end) return `${human(e.date)} – ${human(e.date_end)}`;
  if (e.date) return human(e.date);
  if (e.date_end) return `until ${human(e.date_end)}`;
  return e.when;
}

function actorsOf(e) {
  return [e.source, e.target].filter(Boolean);
}

function addDays(day, n) {
  const d = new Date(day + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function daysBetween(a, b) {
  return Math.round((new Date(b + "T00:00:00Z") - new Date(a + "T00:00:00Z")) / 86400000);
}

// ---- filters -------------------------------------------------------------

function fillSelect(sel, pairs) {
  for (const [value, label] of pairs) sel.append(el("option", { value }, label));
}

// The choices of the filters: from the events loaded, or, windowed, from
// the store's actors (the 500 in most events) and every CAMEO root.
function setupFilters(actorList) {
  const actors = new Map(), countries = new Set(), roots = new Map();
  if (actorList) {
    for (const a of actorList.slice(0, 500)) {
      actors.set(a.code, a.name);
      if (a.country) countries.add(a.country);
    }
    for (let r = 1; r <= 20; r++) roots.set(String(r).padStart(2, "0"), null);
  }
  for (const e of actorList ? [] : state.events) {
    for (const a of actorsOf(e)) {
      actors.set(a.code, a.name);
      if (a.country) countries.add(a.country);
    }
    roots.set(e.cameo_root, (roots.get(e.cameo_root) || 0) + 1);
  }
  fillSelect($("f-actor"), [...actors].sort((a, b) => a[1].localeCompare(b[1])).map(([c, n]) => [c, `${n} (${c})`]));
  fillSelect($("f-country"), [...countries].sort().map((c) => [c, c]));
  fillSelect($("f-root"), [...roots].sort().map(([r, n]) => [r, n === null ? r : `${r} (${n})`]));
  for (const id of ["f-from", "f-to", "f-actor", "f-country", "f-root", "f-quad", "f-status", "f-undated"]) {
    $(id).addEventListener("change", renderTimeline);
  }
  $("reset").addEventListener("click", () => {
    for (const id of ["f-from", "f-to", "f-actor", "f-country", "f-root", "f-quad", "f-status"]) $(id).value = "";
    $("f-undated").checked = true;
    renderTimeline();
  });
  $("zoom-all").addEventListener("click", () => { $("f-from").value = ""; $("f-to").value = ""; renderTimeline(); });
  $("zoom-in").addEventListener("click", () => zoom(0.5));
  $("zoom-out").addEventListener("click", () => zoom(2));
}

function dataRange() {
  if (state.windowed) return state.days.length ? [state.days[0].day, state.days[state.days.length - 1].day] : null;
  const days = state.events.map((e) => e.sort_day).filter(Boolean).sort();
  return days.length ? [days[0], days[days.length - 1]] : null;
}

function zoom(factor) {
  const all = dataRange();
  if (!all) return;
  const from = $("f-from").value || all[0], to = $("f-to").value || all[1];
  const span = Math.max(daysBetween(from, to), 1);
  const mid = addDays(from, Math.floor(span / 2));
  const half = Math.max(Math.round((span * factor) / 2), 0);
  $("f-from").value = addDays(mid, -half);
  $("f-to").value = addDays(mid, half);
  renderTimeline();
}

function passes(e, f) {
  if (f.actor && !actorsOf(e).some((a) => a.code === f.actor)) return false;
  if (f.country && !actorsOf(e).some((a) => a.country === f.country)) return false;
  if (f.root && e.cameo_root !== f.root) return false;
  if (f.quad && String(e.quad_class) !== f.quad) return false;
  if (f.status && e.status !== f.status) return false;
  const start = e.date || e.date_end, end = e.date_end || e.date;
  if (!start) {
    if (!f.undated) return false;
    const day = e.sort_day;
    if (day && ((f.from && day < f.from) || (f.to && day > f.to))) return false;
    return true;
  }
  if (f.from && end < f.from) return false;
  if (f.to && start > f.to) return false;
  return true;
}

function currentFilter() {
  return {
    from: $("f-from").value, to: $("f-to").value, actor: $("f-actor").value, country: $("f-country").value,
    root: $("f-root").value, quad: $("f-quad").value, status: $("f-status").value, undated: $("f-undated").checked,
  };
}

// ---- timeline ------------------------------------------------------------

function eventCard(e) {
  const quad = e.quad_class || 0;
  return el("button", {
    type: "button", class: `event quad-${quad}`, "data-event-id": e.id,
    title: e.quad_class ? `QuadClass ${quad}: ${QUAD[quad]}` : "",
    onclick: () => openEvent(e),
  },
  el("div", { class: "what" }, e.what),
  el("div", { class: "meta" },
    el("span", { class: `badge status-${e.status}` }, e.status),
    el("span", { class: "badge" }, `CAMEO ${e.cameo}`),
    whenText(e), " · ", e.sources.join(", "),
    e.num_articles > 1 ? ` · ${e.num_articles} articles` : ""));
}

function renderDensity(events, f) {
  const box = $("density");
  box.replaceChildren();
  const all = dataRange();
  if (!all) return;
  const days = daysBetween(all[0], all[1]) + 1;
  const per = Math.max(1, Math.ceil(days / 60)); // days a bar covers
  const bars = Math.ceil(days / per);
  const counts = new Array(bars).fill(0);
  const bar = (day) => Math.min(bars - 1, Math.floor(daysBetween(all[0], day) / per));
  if (state.windowed) {
    for (const d of state.days) counts[bar(d.day)] += d.events;
  } else {
    for (const e of events) {
      if (e.sort_day) counts[bar(e.sort_day)]++;
    }
  }
  const max = Math.max(1, ...counts);
  for (let i = 0; i < bars; i++) {
    const from = addDays(all[0], i * per), to = addDays(from, per - 1);
    const inRange = (!f.from || to >= f.from) && (!f.to || from <= f.to);
    const c = counts[i];
    const bar = el("div", {
      class: inRange ? "in" : "",
      title: `${per === 1 ? human(from) : human(from) + " – " + human(to)}: ${c} event${c === 1 ? "" : "s"}`,
      onclick: () => { $("f-from").value = from; $("f-to").value = to; renderTimeline(); },
    });
    // Through the CSSOM: the Content-Security-Policy allows no style attributes.
    bar.style.height = `${Math.max(2, (40 * c) / max)}px`;
    box.append(bar);
  }
}

// Shows one event (also when it is already the one in the URL, after a
// cluster list replaced it).
function openEvent(e) {
  const hash = "#event/" + encodeURIComponent(e.id);
  if (location.hash === hash) route();
  else location.hash = hash;
}

// A map cluster's events, in the detail pane.
function listEvents(events, places, zoomIn) {
  showDetail(
    el("h2", {}, `${events.length} events: ${places}`),
    el("p", {}, el("button", { type: "button", onclick: zoomIn }, "Zoom the map to them")),
    ...[...events].sort((a, b) => (a.sort_day || "").localeCompare(b.sort_day || "")).map(eventCard));
  $("detail").classList.add("cluster-list");
  markSelected();
}

// The API parameters of the filters (`dates`: with the date range).
function filterQuery(f, dates) {
  const p = new URLSearchParams();
  for (const [k, v] of [["actor", f.actor], ["country", f.country], ["cameo", f.root], ["quad_class", f.quad], ["status", f.status]]) {
    if (v) p.set(k, v);
  }
  if (dates && f.from) p.set("from", f.from);
  if (dates && f.to) p.set("to", f.to);
  return p.toString();
}

// Windowed: the newest events that pass the filters, and the events per
// day of every date, fetched once per choice of filters.
async function loadWindow(f) {
  const key = filterQuery(f, true);
  if (state.shownKey === key) return true;
  const n = Math.min(state.window, 1000);
  const [page, days] = await Promise.all([
    api(`/api/events?sort=-date&limit=${n}&${key}`),
    api("/api/days?" + filterQuery(f, false)),
  ]);
  if (key !== filterQuery(currentFilter(), true)) return false; // a newer choice is on its way
  state.events = page.events.reverse();
  state.total = page.total;
  state.days = days;
  state.shownKey = key;
  return true;
}

async function renderTimeline() {
  const f = currentFilter();
  if (state.windowed) {
    try {
      if (!(await loadWindow(f))) return;
    } catch (err) {
      $("timeline").replaceChildren(el("p", {}, "Could not load events: " + err.message));
      return;
    }
  }
  const shown = state.events.filter((e) => passes(e, f));
  MapView.render(shown);
  renderDensity(state.events, f);
  renderStories();
  updateStories();
  const box = $("timeline");
  box.replaceChildren();
  if (!state.events.length && !state.windowed) {
    box.append(el("p", { class: "muted" }, "No events in this store yet. Ingest articles with: chronicler ingest PATH"));
    return;
  }
  box.append(el("p", { class: "muted" }, state.windowed
    ? `${shown.length} newest of ${state.total} events that pass (${state.window < 1000 ? state.window : 1000} at most are shown: narrow the dates or filters for the others)`
    : `${shown.length} of ${state.events.length} events`));
  const days = new Map();
  for (const e of shown) {
    const key = e.sort_day || "";
    const label = e.date || e.date_end ? human(e.sort_day) : `Undated (reported ${human(e.sort_day)})`;
    const k = (e.date || e.date_end ? "d" : "u") + key;
    if (!days.has(k)) days.set(k, { key: key + (e.date || e.date_end ? "0" : "1"), label, events: [] });
    days.get(k).events.push(e);
  }
  for (const d of [...days.values()].sort((a, b) => a.key.localeCompare(b.key))) {
    box.append(el("section", { class: "day" },
      el("h3", {}, el("span", {}, d.label), el("span", { class: "muted" }, String(d.events.length))),
      d.events.map(eventCard)));
  }
  markSelected();
}

function markSelected() {
  const m = /^#event\/(.+)$/.exec(location.hash);
  const id = m ? decodeURIComponent(m[1]) : null;
  for (const c of document.querySelectorAll(".event, .marker")) c.classList.toggle("selected", c.dataset.eventId === id);
  const st = /^#story\/(.+)$/.exec(location.hash);
  const story = st ? decodeURIComponent(st[1]) : null;
  for (const c of document.querySelectorAll(".story")) c.classList.toggle("selected", c.dataset.storyId === story);
}

// ---- detail pane -----------------------------------------------------------

function showDetail(...children) {
  const d = $("detail");
  d.hidden = false;
  d.classList.remove("cluster-list");
  document.querySelector("main").classList.remove("no-detail");
  d.replaceChildren(el("button", { type: "button", class: "close", onclick: closeDetail }, "Close"), ...children.flat());
  d.scrollTop = 0;
}

function closeDetail() {
  if (location.hash && location.hash !== "#") location.hash = "";
  else hideDetail();
}

function hideDetail() {
  $("detail").hidden = true;
  $("detail").replaceChildren();
  document.querySelector("main").classList.add("no-detail");
}

// The article text with evidence spans marked; `focus` spans (start,end) get
// the strong highlight. Offsets are characters (code points).
function articleText(text, spans, focus) {
  const chars = Array.from(text);
  const box = el("div", { class: "article" });
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const s of sorted) {
    if (s.start < at || s.end > chars.length || s.end <= s.start) continue;
    box.append(chars.slice(at, s.start).join(""));
    const strong = focus.some((f) => f.start === s.start && f.end === s.end);
    box.append(el("mark", {
      class: strong ? "evidence" : "", title: s.what || "", "data-event-id": s.event_id,
      onclick: () => { if (s.event_id) location.hash = "#event/" + encodeURIComponent(s.event_id); },
    }, chars.slice(s.start, s.end).join("")));
    at = s.end;
  }
  box.append(chars.slice(at).join(""));
  return box;
}

function actorText(a) {
  if (!a) return "—";
  return `${a.name} (${a.code}${a.country && a.country !== a.code ? ", " + a.country : ""})`;
}

async function showEvent(id) {
  let e;
  try { e = await api("/api/events/" + encodeURIComponent(id)); } catch (err) { showDetail(el("p", {}, String(err.message))); return; }
  markSelected();
  const where = e.location ? `${e.location.name}${e.location.country ? " (" + e.location.country + ")" : ""}` : "—";
  const pane = [
    el("h2", {}, e.what),
    el("dl", {},
      el("dt", {}, "What"), el("dd", {}, `${e.cameo_label || ""} (CAMEO ${e.cameo}${e.plover ? ", PLOVER " + e.plover : ""})`),
      el("dt", {}, "Who"), el("dd", {}, actorText(e.source)),
      el("dt", {}, "To whom"), el("dd", {}, actorText(e.target)),
      el("dt", {}, "When"), el("dd", {}, `${whenText(e)} (${e.date_precision})`),
      el("dt", {}, "Where"), el("dd", {}, where),
      el("dt", {}, "Status"), el("dd", {}, e.status),
      el("dt", {}, "Class"), el("dd", {}, e.quad_class ? `QuadClass ${e.quad_class}, ${QUAD[e.quad_class]}; Goldstein ${e.goldstein}` : "—"),
      e.quantities.length ? [el("dt", {}, "Counts"), el("dd", {}, e.quantities.map((q) => `${q.text} ${q.unit}`).join("; "))] : null,
      el("dt", {}, "Sources"), el("dd", {}, `${e.num_mentions} mention(s) in ${e.num_articles} article(s), ${e.num_sources} outlet(s); confidence ${e.confidence}`)),
  ];
  showDetail(...pane);
  const byDoc = new Map();
  for (const m of e.mentions) {
    if (!byDoc.has(m.doc)) byDoc.set(m.doc, []);
    byDoc.get(m.doc).push(m);
  }
  for (const [doc, mentions] of byDoc) {
    const box = el("div", { class: "source" });
    $("detail").append(box);
    let d;
    try { d = await api("/api/documents/" + encodeURIComponent(doc)); } catch (err) { box.append(el("p", {}, String(err.message))); continue; }
    const head = mentions[0];
    box.append(
      el("h3", {}, d.document.title || doc),
      el("p", { class: "muted" }, [d.document.outlet || "", d.document.published, head.url ? null : doc].filter(Boolean).join(" · "), " ",
        head.url ? el("a", { href: head.url, rel: "noopener noreferrer", target: "_blank" }, "original") : null, " ",
        el("a", { href: "#doc/" + encodeURIComponent(doc) }, "whole document")),
      ...mentions.map((m) => el("blockquote", {}, m.sentence)),
      articleText(d.text, d.spans, mentions));
    const mark = box.querySelector("mark.evidence");
    if (mark) { const art = box.querySelector(".article"); art.scrollTop = Math.max(0, mark.offsetTop - art.offsetTop - 40); }
  }
}

// A document; `at` ({start, end}, characters) marks one sentence in it (a search hit).
async function showDocument(id, at) {
  let d;
  try { d = await api("/api/documents/" + encodeURIComponent(id)); } catch (err) { showDetail(el("p", {}, String(err.message))); return; }
  const spans = at ? [...d.spans, { start: at.start, end: at.end, what: "search hit" }] : d.spans;
  showDetail(
    el("h2", {}, d.document.title || id),
    el("p", { class: "muted" }, [d.document.outlet, d.document.published, `${d.spans.length} evidence sentence(s)`].filter(Boolean).join(" · ")),
    articleText(d.text, spans, at ? [at] : []));
  const mark = $("detail").querySelector("mark.evidence");
  if (mark) { const art = $("detail").querySelector(".article"); art.scrollTop = Math.max(0, mark.offsetTop - art.offsetTop - 40); }
}

async function showSearch(q) {
  $("search").value = q;
  let r;
  try { r = await api("/api/search?q=" + encodeURIComponent(q)); } catch (err) { showDetail(el("p", {}, String(err.message))); return; }
  // A sentence opens its event when it is evidence for one, else its place in the article.
  const open = (s) => {
    location.hash = s.events.length ? "#event/" + encodeURIComponent(s.events[0].id)
      : `#doc/${encodeURIComponent(s.doc)}@${s.start}-${s.end}`;
  };
  showDetail(
    el("h2", {}, `Search: ${q}`),
    el("h3", {}, `Sentences (${r.sentences.length})`),
    r.sentences.length ? r.sentences.map((s) => el("button", { type: "button", class: "hit", "data-doc": s.doc, "data-start": s.start, onclick: () => open(s) },
      s.snippet, el("small", {}, [s.events.map((e) => e.what).join("; "), s.title || s.doc].filter(Boolean).join(" · ")))) : el("p", { class: "muted" }, "No sentence contains every word."),
    el("h3", {}, `Articles (${r.documents.length})`),
    r.documents.length ? r.documents.map((d) => el("button", { type: "button", class: "hit", onclick: () => { location.hash = "#doc/" + encodeURIComponent(d.id); } },
      d.title || d.id, el("small", {}, d.snippet))) : el("p", { class: "muted" }, "No article matches."));
}

// ---- stories (GET /api/stories) -------------------------------------------

function spanText(s) {
  return s.start === s.end ? human(s.start) : `${human(s.start)} – ${human(s.end)}`;
}

// An outlet, or for a document without one ("doc:PATH") its file name.
function outletName(o) {
  return o.startsWith("doc:") ? o.slice(4).split(/[\\/]/).pop() : o;
}

function plural(n, one) {
  return `${n} ${one}${n === 1 ? "" : "s"}`;
}

// The ids of the stories with an event about the actor and the country
// filtered on (GET /api/stories?actor=), or null when neither is set.
async function storiesAbout(f) {
  const wanted = [f.actor, f.country].filter(Boolean);
  if (!wanted.length) return null;
  const lists = await Promise.all(wanted.map((a) => loadAll("stories", "&actor=" + encodeURIComponent(a))));
  const sets = lists.map((l) => new Set(l.map((s) => s.id)));
  return new Set([...sets[0]].filter((id) => sets.every((s) => s.has(id))));
}

// The stories filtered on the timeline's actor and country (fetched once
// per choice), then drawn.
async function updateStories() {
  const f = currentFilter();
  if (state.windowed) return updateStoriesWindow(f);
  const key = `${f.actor}|${f.country}`;
  if (key !== state.storyFilter.key) {
    let ids = null;
    try { ids = await storiesAbout(f); } catch (err) { console.warn("stories filter:", err.message); }
    if (key !== `${currentFilter().actor}|${currentFilter().country}`) return; // a newer choice is on its way
    state.storyFilter = { key, ids };
  }
  renderStories();
}

// Windowed: the newest stories that pass the dates and the actor (or else
// the country) chosen, filtered by the server.
async function updateStoriesWindow(f) {
  const p = new URLSearchParams();
  if (f.actor || f.country) p.set("actor", f.actor || f.country);
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  const key = p.toString();
  if (state.storiesKey !== key) {
    let page;
    try { page = await api(`/api/stories?sort=-date&limit=${Math.min(state.window, 1000)}&${key}`); } catch (err) { console.warn("stories:", err.message); return; }
    const now = currentFilter();
    if (`${now.actor}|${now.country}|${now.from}|${now.to}` !== `${f.actor}|${f.country}|${f.from}|${f.to}`) return;
    state.stories = page.stories;
    state.storiesTotal = page.total;
    state.storiesKey = key;
  }
  renderStories();
}

// The stories whose span meets the timeline's date range and, when an
// actor or a country is chosen, that have an event about it.
function renderStories() {
  const box = $("stories-list");
  const f = currentFilter();
  const ids = state.storyFilter.ids;
  const shown = state.stories.filter((s) => (!f.from || s.end >= f.from) && (!f.to || s.start <= f.to)
    && (!ids || ids.has(s.id)));
  if (!state.stories.length) {
    box.replaceChildren(el("p", { class: "muted" }, state.windowed && state.storiesKey === null ? "Loading…" : state.windowed ? "No story passes." : "No stories yet."));
    return;
  }
  box.replaceChildren(
    ...shown.map((s) => el("button", {
      type: "button", class: "story", "data-story-id": s.id,
      onclick: () => { location.hash = "#story/" + encodeURIComponent(s.id); },
    },
    el("div", { class: "what" }, s.title),
    el("div", { class: "meta" }, spanText(s), " · ", plural(s.num_sources, "source"), " · ",
      plural(s.num_documents, "article"), " · ", plural(s.num_events, "event")))),
    ...(shown.length < state.stories.length ? [el("p", { class: "muted" }, `${shown.length} of ${state.stories.length} stories in these dates` + (ids ? " about this actor" : ""))] : []),
    ...(state.windowed && state.storiesTotal > shown.length ? [el("p", { class: "muted" }, `the ${shown.length} newest of ${state.storiesTotal} stories that pass`)] : []));
}

async function showStory(id) {
  let d;
  try { d = await api("/api/stories/" + encodeURIComponent(id)); } catch (err) { showDetail(el("p", {}, String(err.message))); return; }
  const s = d.story;
  showDetail(
    el("h2", {}, s.title),
    el("p", { class: "muted" }, [spanText(s), plural(s.num_sources, "independent source"), s.outlets.map(outletName).join(", ")].join(" · ")),
    el("h3", {}, `Articles (${d.documents.length})`),
    el("ul", { class: "story-docs" }, d.documents.map((doc) => el("li", { "data-doc": doc.id },
      el("a", { href: "#doc/" + encodeURIComponent(doc.id) }, doc.title || doc.id), " ",
      el("span", { class: "muted" }, [doc.outlet, human(doc.published.slice(0, 10))].filter(Boolean).join(" · ")), " ",
      doc.url ? el("a", { href: doc.url, rel: "noopener noreferrer", target: "_blank" }, "original") : null))),
    el("h3", {}, `Events (${d.events.length})`),
    d.events.map(eventCard));
  markSelected();
}

// ---- state of play (GET /api/brief) ---------------------------------------

const BRIEF_SECTIONS = [
  ["coming_up", "Coming up"], ["in_force", "In force and expiring"], ["just_happened", "Just happened"],
  ["stalled", "Stalled or suspended"], ["background", "Earlier"],
];

function briefWhen(w) {
  if (!w) return "undated";
  const p = w.precision === "approximate" ? "~" : "";
  if (w.start && w.end && w.start !== w.end) return `${p}${human(w.start)} – ${human(w.end)}`;
  if (w.start) return p + human(w.start);
  if (w.end) return `until ${p}${human(w.end)}`;
  return "undated";
}

const ROUND_STATE = { held: "held", scheduled: "scheduled", postponed: "postponed", cancelled: "cancelled", past_no_outcome: "date passed, no reported outcome" };
const COMMITMENT_STATE = { announced: "announced", upcoming: "not yet in force", in_force: "in force", extended: "extended", violated: "reported violated", expired: "past its expiry" };

function countText(n) {
  return typeof n === "number" ? n.toLocaleString("en-US") + " " : "";
}

// One line of the brief: its date, what, and each source linking to the
// event, whose view highlights the evidence sentence in the article.
function briefItem(when, text, sources) {
  // One link per outlet (a document without one is named by its file name),
  // to the first event it reports.
  const seen = new Set(), links = [];
  for (const s of sources || []) {
    const label = s.source === s.doc ? s.doc.split(/[\\/]/).pop() : s.source;
    if (seen.has(label)) continue;
    seen.add(label);
    links.push(el("a", { href: "#event/" + encodeURIComponent(s.event), title: `${s.sentence} (${s.doc})`, "data-doc": s.doc }, label));
  }
  const src = [];
  links.forEach((l, i) => { if (i) src.push(", "); src.push(l); });
  return { when, li: el("li", {}, el("span", { class: "when" }, when), text, " ", el("span", { class: "src" }, "· ", src)) };
}

function briefRound(r) {
  let t = (r.ordinal ? `Talks, round ${r.ordinal}: ` : "Talks: ") + r.parties.join(" – ");
  if (r.venue) t += `, in ${r.venue}`;
  if (r.mediators.length) t += `, mediated by ${r.mediators.join(", ")}`;
  t += ` — ${ROUND_STATE[r.state] || r.state}`;
  if (r.previous) t += `; previous round: ${r.previous}`;
  return briefItem(briefWhen(r.when), t, r.sources);
}

function briefCommitment(c) {
  let what = c.kind;
  if (c.duration) what = `${c.duration} ${what}`;
  if (c.scope) what += ` on ${c.scope}`;
  let t = what.charAt(0).toUpperCase() + what.slice(1) + (c.parties.length ? ": " + c.parties.join(" – ") : "");
  if (c.mediators.length) t += `, brokered by ${c.mediators.join(", ")}`;
  t += ` — ${COMMITMENT_STATE[c.state] || c.state}`;
  const approx = c.end_precision === "approximate" ? "~" : "";
  if (c.end && c.state === "expired") t += `; ended ${approx}${human(c.end)}`;
  else if (c.end && typeof c.days_left === "number") t += `; expires ${approx}${human(c.end)} (${c.days_left === 0 ? "today" : c.days_left === 1 ? "in 1 day" : `in ${c.days_left} days`})`;
  if (c.extended_from) t += `; extended from ${human(c.extended_from)}`;
  for (const cl of c.claims) t += `; ${cl.by || "one side"} says it is ${cl.claim}`;
  const when = c.end ? `until ${approx}${human(c.end)}` : c.declared ? `declared ${human(c.declared)}` : "undated";
  return briefItem(when, t, c.sources);
}

function briefExchange(x) {
  const moves = x.transfers.map((m) => `${countText(m.count)}${m.what}${m.from ? " from " + m.from : ""}${m.to ? " to " + m.to : ""}`);
  let t = (x.done ? "Exchange" : "Exchange agreed") + (x.phase ? `, phase ${x.phase}` : "") + ": " + (moves.join("; ") || x.parties.join(" – "));
  return briefItem(briefWhen(x.when), t, x.sources);
}

function briefSuspension(x) {
  let t = `${x.by || "One side"} suspended ${x.what}${x.toward ? " with " + x.toward : ""}`;
  if (x.resumed) t += " (a later exchange was reported)";
  return briefItem(briefWhen(x.when), t, x.sources);
}

function briefPosition(p) {
  let t = `${p.actor} ${p.stance} ${p.what}${p.toward ? " (to " + p.toward + ")" : ""}`;
  if (p.answers.length) t += `; answered: ${p.answers.join("; ")}`;
  return briefItem(briefWhen(p.when), t, p.sources);
}

function renderBrief(b) {
  const body = $("brief-body");
  const head = el("p", { class: "muted" }, `${b.scope}, as of ${b.as_of ? human(b.as_of) : "no date"} · ${b.events} event${b.events === 1 ? "" : "s"}`);
  if (!b.events) { body.replaceChildren(head, el("p", { class: "muted" }, "No events in scope.")); return; }
  const parts = [head];
  for (const [key, title] of BRIEF_SECTIONS) {
    const items = [
      ...b.rounds.filter((x) => x.section === key).map(briefRound),
      ...b.commitments.filter((x) => x.section === key).map(briefCommitment),
      ...b.exchanges.filter((x) => x.section === key).map(briefExchange),
      ...b.suspensions.filter((x) => x.section === key).map(briefSuspension),
    ];
    if (!items.length) continue;
    const list = el("ul", { "data-section": key }, items.map((i) => i.li));
    if (key === "background") parts.push(el("details", {}, el("summary", {}, `${title} (${items.length})`), list));
    else parts.push(el("h3", {}, title), list);
  }
  if (b.positions.length) parts.push(el("h3", {}, "Positions"), el("ul", { "data-section": "positions" }, b.positions.map((p) => briefPosition(p).li)));
  body.replaceChildren(...parts);
}

async function loadBrief() {
  const params = new URLSearchParams();
  const dyad = $("b-dyad").value.trim(), asOf = $("b-asof").value;
  if (dyad) params.set("dyad", dyad);
  if (asOf) params.set("as_of", asOf);
  const body = $("brief-body");
  if (state.windowed && !dyad) {
    // Everyone's state of play in a store this size is every event merged
    // (minutes, and hundreds of MB): a pair is asked for instead.
    body.replaceChildren(el("p", { class: "muted" }, "A large store: give two countries (UKR-RUS, for one) for their state of play."));
    $("brief").dataset.ready = "true";
    return;
  }
  try {
    renderBrief(await api("/api/brief" + (params.toString() ? "?" + params : "")));
  } catch (err) {
    body.replaceChildren(el("p", {}, "Could not load the state of play: " + err.message));
  }
  $("brief").dataset.ready = "true";
}

function setupBrief() {
  $("brief-form").addEventListener("submit", (ev) => { ev.preventDefault(); $("brief").dataset.ready = ""; loadBrief(); });
  return loadBrief();
}

function route() {
  const h = location.hash;
  let m;
  if ((m = /^#event\/(.+)$/.exec(h))) showEvent(decodeURIComponent(m[1]));
  else if ((m = /^#story\/(.+)$/.exec(h))) showStory(decodeURIComponent(m[1]));
  else if ((m = /^#doc\/([^@]+)@(\d+)-(\d+)$/.exec(h))) showDocument(decodeURIComponent(m[1]), { start: +m[2], end: +m[3] });
  else if ((m = /^#doc\/(.+)$/.exec(h))) showDocument(decodeURIComponent(m[1]));
  else if ((m = /^#search\/(.*)$/.exec(h))) showSearch(decodeURIComponent(m[1]));
  else hideDetail();
  markSelected();
}

async function main() {
  $("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = $("search").value.trim();
    if (q) location.hash = "#search/" + encodeURIComponent(q);
  });
  window.addEventListener("hashchange", route);
  const basemap = MapView.init($("map"), openEvent, listEvents);
  let actorList = null;
  try {
    const stats = await api("/api/stats");
    $("stats").textContent = `${stats.merged_events} events from ${stats.documents} articles`;
    state.window = pageWindow();
    state.windowed = stats.merged_events > state.window;
    if (state.windowed) {
      actorList = (await api("/api/actors?unresolved=false")).actors;
    } else {
      const [events, stories] = await Promise.all([loadAll("events"), loadAll("stories"), basemap]);
      state.events = events;
      state.stories = stories;
    }
  } catch (err) {
    $("timeline").replaceChildren(el("p", {}, "Could not load events: " + err.message));
    return;
  }
  setupFilters(actorList);
  await basemap;
  await renderTimeline();
  route();
  await setupBrief();
  document.body.dataset.ready = "true";
}

main();
