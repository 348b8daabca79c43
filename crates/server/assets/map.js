// chronicler's map: located events on an offline world basemap (country
// outlines from Natural Earth via world-atlas, converted by
// scripts/convert_basemap.mjs into /assets/basemap.json), plain SVG.
// Events close together on screen are clustered on a grid that depends on
// the zoom; clusters are rings split by QuadClass. Drag to pan, wheel or
// the buttons to zoom.
"use strict";

const MapView = (() => {
  const NS = "http://www.w3.org/2000/svg";
  // World coordinates: hundredths of a degree, x = lon * 100, y = -lat * 100
  // (as in basemap.json). The world shown spans lat 85 to -60.
  const WORLD = { x0: -18000, x1: 18000, y0: -8500, y1: 6000 };
  const CELL = 60; // events closer than this (screen pixels) cluster
  const MAX_K = 3; // largest zoom: pixels per world unit (300 px a degree)
  const COLORS = { 1: "var(--q1)", 2: "var(--q2)", 3: "var(--q3)", 4: "var(--q4)", 0: "#999" };

  let svg, land, marks, note;
  let view = { k: 0.02, tx: 0, ty: 0 };
  let events = [];
  let total = 0;
  let hooks = { open: () => {}, list: () => {} };
  let fitted = false;
  let frame = 0;

  function node(tag, attrs, ...children) {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) e.setAttribute(k, v);
    for (const c of children) e.append(c);
    return e;
  }

  function size() {
    const r = svg.getBoundingClientRect();
    return [r.width || 800, r.height || 360];
  }

  function located(e) {
    const l = e.location;
    return l && Number.isFinite(l.lat) && Number.isFinite(l.lon) && Math.abs(l.lat) <= 90 && Math.abs(l.lon) <= 180;
  }

  function worldOf(e) {
    return [e.location.lon * 100, -e.location.lat * 100];
  }

  function minK() {
    const [w, h] = size();
    return Math.min(w / (WORLD.x1 - WORLD.x0), h / (WORLD.y1 - WORLD.y0)) * 0.9;
  }

  // Shows the box [x0, y0, x1, y1] (world units) in the middle of the map.
  function fitBox(x0, y0, x1, y1, pad) {
    const [w, h] = size();
    const k = Math.max(minK(), Math.min(MAX_K / 10, (w - 2 * pad) / Math.max(x1 - x0, 1), (h - 2 * pad) / Math.max(y1 - y0, 1)));
    view = { k, tx: w / 2 - ((x0 + x1) / 2) * k, ty: h / 2 - ((y0 + y1) / 2) * k };
    clampAndDraw();
  }

  function fitWorld() {
    fitBox(WORLD.x0, WORLD.y0, WORLD.x1, WORLD.y1, 0);
  }

  // Fits the located events (or the world when there are none).
  function fitEvents() {
    const pts = events.filter(located).map(worldOf);
    if (!pts.length) return fitWorld();
    const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
    // At least 30 degrees across, so one event still shows its region.
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    const hw = Math.max((Math.max(...xs) - Math.min(...xs)) / 2, 1500), hh = Math.max((Math.max(...ys) - Math.min(...ys)) / 2, 1000);
    fitBox(cx - hw, cy - hh, cx + hw, cy + hh, 40);
  }

  function zoomAt(factor, px, py) {
    const k = Math.min(MAX_K, Math.max(minK(), view.k * factor));
    const f = k / view.k;
    view = { k, tx: px - (px - view.tx) * f, ty: py - (py - view.ty) * f };
    clampAndDraw();
  }

  function clampAndDraw() {
    const [w, h] = size();
    // Keep some of the world on screen.
    const m = 60;
    view.tx = Math.min(w - m - WORLD.x0 * view.k, Math.max(m - WORLD.x1 * view.k, view.tx));
    view.ty = Math.min(h - m - WORLD.y0 * view.k, Math.max(m - WORLD.y1 * view.k, view.ty));
    if (!frame) frame = requestAnimationFrame(() => { frame = 0; draw(); });
  }

  // Groups the located events that are within CELL pixels of a group's
  // first event at the current zoom (a grid of CELL-sized buckets finds the
  // candidates). Depends on the zoom only, not on panning, so it is cached.
  let cache = { k: null, events: null, groups: [] };
  function groups() {
    if (cache.k === view.k && cache.events === events) return cache.groups;
    const buckets = new Map();
    const out = [];
    for (const e of events) {
      if (!located(e)) continue;
      const [wx, wy] = worldOf(e);
      const x = wx * view.k, y = wy * view.k;
      const cx = Math.floor(x / CELL), cy = Math.floor(y / CELL);
      let best = null, bestD = CELL;
      for (let i = -1; i <= 1; i++) {
        for (let j = -1; j <= 1; j++) {
          for (const g of buckets.get(`${cx + i}:${cy + j}`) || []) {
            const d = Math.hypot(g.x - x, g.y - y);
            if (d < bestD) { best = g; bestD = d; }
          }
        }
      }
      if (best) { best.members.push(e); best.sx += wx; best.sy += wy; continue; }
      const g = { x, y, members: [e], sx: wx, sy: wy };
      const key = `${cx}:${cy}`;
      if (!buckets.has(key)) buckets.set(key, []);
      buckets.get(key).push(g);
      out.push(g);
    }
    cache = { k: view.k, events, groups: out };
    return out;
  }

  // The groups on screen, each at its members' mean position.
  function clusters() {
    return groups().map((g) => ({
      members: g.members,
      x: (g.sx / g.members.length) * view.k + view.tx,
      y: (g.sy / g.members.length) * view.k + view.ty,
    }));
  }

  function placeNames(members) {
    const names = [...new Set(members.map((e) => e.location.name))];
    return names.length <= 3 ? names.join(", ") : `${names.slice(0, 2).join(", ")} and ${names.length - 2} more places`;
  }

  // A marker's radius: 7 for one event, growing slowly with a cluster's size.
  function radius(n) {
    return n === 1 ? 7 : Math.min(20, 9 + 2.5 * Math.log2(n));
  }

  // A ring split by QuadClass, with the count inside.
  function clusterMark(c) {
    const n = c.members.length;
    const r = radius(n);
    const circ = 2 * Math.PI * r;
    const g = node("g", { class: "cluster", transform: `translate(${c.x} ${c.y})`, "data-count": n,
      "data-places": [...new Set(c.members.map((e) => e.location.name))].join("|"), tabindex: 0, role: "button" });
    g.append(node("circle", { r, class: "cluster-bg" }));
    let at = 0;
    for (const q of [1, 2, 3, 4, 0]) {
      const k = c.members.filter((e) => (e.quad_class || 0) === q).length;
      if (!k) continue;
      const len = (circ * k) / n;
      g.append(node("circle", {
        r, class: "cluster-ring", stroke: COLORS[q], "stroke-dasharray": `${len} ${circ - len}`,
        "stroke-dashoffset": -at, transform: "rotate(-90)",
      }));
      at += len;
    }
    g.append(node("text", { class: "count", "text-anchor": "middle", dy: "0.35em" }, String(n)));
    g.append(node("title", {}, `${n} events: ${placeNames(c.members)} (click to list them)`));
    return g;
  }

  function eventMark(e, x, y) {
    const q = e.quad_class || 0;
    const selected = location.hash === "#event/" + encodeURIComponent(e.id) ? " selected" : "";
    const g = node("g", { class: `marker quad-${q}${selected}`, transform: `translate(${x} ${y})`, "data-event-id": e.id,
      "data-places": e.location.name, tabindex: 0, role: "button" });
    g.append(node("circle", { r: radius(1), fill: COLORS[q] }));
    g.append(node("title", {}, `${e.location.name}: ${e.what}`));
    return g;
  }

  function draw() {
    land.setAttribute("transform", `translate(${view.tx} ${view.ty}) scale(${view.k})`);
    const [w, h] = size();
    const shown = clusters().filter((c) => c.x > -30 && c.y > -30 && c.x < w + 30 && c.y < h + 30);
    // Labels first, so that markers are drawn over them.
    const labels = [], items = [];
    for (const c of shown) {
      const mark = c.members.length === 1 ? eventMark(c.members[0], c.x, c.y) : clusterMark(c);
      mark.addEventListener("click", (ev) => { ev.stopPropagation(); if (!moved) choose(c); });
      mark.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); choose(c); } });
      items.push(mark);
      if (shown.length <= 40) {
        const r = radius(c.members.length);
        labels.push(node("text", { class: "place", x: c.x + r + 3, y: c.y, dy: "0.35em" }, placeNames(c.members)));
      }
    }
    marks.replaceChildren(...labels, ...items);
    const n = events.filter(located).length;
    note.textContent = `${n} of ${total} shown event${total === 1 ? "" : "s"} ${total === 1 ? "has" : "have"} a place`
      + (n && !shown.length ? " (none in view: press Fit)" : "");
  }

  function choose(c) {
    if (c.members.length === 1) hooks.open(c.members[0]);
    else hooks.list(c.members, placeNames(c.members), () => zoomTo(c.members));
  }

  function zoomTo(members) {
    const pts = members.map(worldOf);
    const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
    const pad = 100; // one degree around
    fitBox(Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) + pad, Math.max(...ys) + pad, 50);
  }

  // Pan by dragging; a drag is not a click.
  let drag = null, moved = false;
  function setupPointer() {
    svg.addEventListener("pointerdown", (ev) => {
      if (ev.button !== 0) return;
      drag = { x: ev.clientX, y: ev.clientY, tx: view.tx, ty: view.ty, id: ev.pointerId };
      moved = false;
    });
    svg.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (!moved && Math.hypot(dx, dy) < 4) return;
      if (!moved) { moved = true; svg.setPointerCapture(drag.id); svg.classList.add("dragging"); }
      view.tx = drag.tx + dx;
      view.ty = drag.ty + dy;
      clampAndDraw();
    });
    const end = () => { drag = null; svg.classList.remove("dragging"); setTimeout(() => { moved = false; }, 0); };
    svg.addEventListener("pointerup", end);
    svg.addEventListener("pointercancel", end);
    svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const r = svg.getBoundingClientRect();
      zoomAt(Math.exp(-ev.deltaY * 0.0015), ev.clientX - r.left, ev.clientY - r.top);
    }, { passive: false });
    svg.addEventListener("dblclick", (ev) => {
      const r = svg.getBoundingClientRect();
      zoomAt(2, ev.clientX - r.left, ev.clientY - r.top);
    });
  }

  function center(factor) {
    const [w, h] = size();
    zoomAt(factor, w / 2, h / 2);
  }

  async function loadBasemap() {
    const res = await fetch("/assets/basemap.json");
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    const map = await res.json();
    land.replaceChildren(...map.countries.map((c) => node("path", { d: c.d, "data-country": c.id }, node("title", {}, c.name))));
    svg.dataset.countries = String(map.countries.length);
  }

  return {
    // Builds the map inside `box`. `open(event)` shows one event;
    // `list(events, places, zoomIn)` lists a cluster's.
    init(box, open, list) {
      hooks = { open, list };
      svg = node("svg", { class: "map", role: "img", "aria-label": "Map of located events" });
      const ocean = node("rect", { class: "ocean", x: 0, y: 0, width: "100%", height: "100%" });
      land = node("g", { class: "land" });
      marks = node("g", { class: "marks" });
      svg.append(ocean, land, marks);
      const button = (label, title, f) => {
        const b = document.createElement("button");
        b.type = "button"; b.textContent = label; b.title = title; b.addEventListener("click", f);
        return b;
      };
      const controls = document.createElement("div");
      controls.className = "map-controls";
      controls.append(
        button("+", "Zoom in", () => center(2)),
        button("−", "Zoom out", () => center(0.5)),
        button("Fit", "Fit the located events", fitEvents),
        button("World", "Show the whole world", fitWorld));
      note = document.createElement("p");
      note.className = "map-note muted";
      box.replaceChildren(svg, controls, note);
      setupPointer();
      // Keep the middle of the map in the middle when its box changes size
      // (the detail pane opening or closing, the window resizing).
      let last = null;
      new ResizeObserver(() => {
        const [w, h] = size();
        if (last) { view.tx += (w - last[0]) / 2; view.ty += (h - last[1]) / 2; }
        last = [w, h];
        clampAndDraw();
      }).observe(svg);
      return loadBasemap().catch((err) => {
        svg.dataset.countries = "0";
        note.textContent = "Could not load the basemap: " + err.message;
      });
    },
    // Shows `shown` (the events passing the page's filters) out of `all`.
    render(shown) {
      events = shown;
      total = shown.length;
      if (!fitted) { fitted = true; fitEvents(); } else clampAndDraw();
    },
    fitEvents,
  };
})();
