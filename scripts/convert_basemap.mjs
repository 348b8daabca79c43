// Writes crates/server/assets/basemap.json: the world's country outlines for
// the web page's offline map, as SVG path data the page draws as it is.
//
// Source: the npm package world-atlas 2.0.2 (ISC, Mike Bostock), a TopoJSON
// redistribution of Natural Earth's Admin 0 country boundaries 1:50m,
// version 4.1.0 (public domain), decoded with topojson-client 3.1.0 (ISC).
//
//   npm install --prefix /tmp/basemap world-atlas@2.0.2 topojson-client@3.1.0
//   node scripts/convert_basemap.mjs /tmp/basemap/node_modules
//
// Projection: equirectangular, in hundredths of a degree: x = lon * 100,
// y = -lat * 100, integers; each ring is "M x y" then relative "l dx dy"
// steps (points that round to the previous one are dropped), closed with
// "z"; rings crossing the antimeridian are cut there. Antarctica is left out (no events there; it would take a fifth of
// the screen). Output is deterministic: countries sorted by id.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const modules = process.argv[2];
if (!modules) {
  console.error("usage: node scripts/convert_basemap.mjs NODE_MODULES_FOLDER");
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(modules), "noop.js"));
const topojson = require("topojson-client");
const atlasDir = path.dirname(require.resolve("world-atlas/package.json"));
const atlasVersion = JSON.parse(readFileSync(path.join(atlasDir, "package.json"), "utf8")).version;
const topology = JSON.parse(readFileSync(path.join(atlasDir, "countries-50m.json"), "utf8"));

const SCALE = 100; // units per degree
const ANTARCTICA = "010";

function ringPath(ring) {
  let out = "";
  let px = null, py = null, n = 0;
  for (const [lon, lat] of ring) {
    const x = Math.round(lon * SCALE), y = Math.round(-lat * SCALE);
    if (px === null) out += `M${x} ${y}`;
    else if (x === px && y === py) continue;
    else out += `${n === 1 ? "l" : " "}${x - px} ${y - py}`;
    px = x; py = y; n++;
  }
  return n >= 3 ? out + "z" : "";
}

// A ring that crosses the antimeridian (Russia's Chukotka, Fiji) jumps
// from +180 to -180 and back; drawn flat, that jump is a line across the
// world. Such a ring is made continuous (longitudes beyond 180) and cut at
// the antimeridian into its part east of it, shifted back by -360, and its
// part west of it.
function unwrap(ring) {
  const out = [];
  let shift = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lon, lat] = ring[i];
    if (i > 0) {
      const d = lon + shift - out[i - 1][0];
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    out.push([lon + shift, lat]);
  }
  return out;
}

// Sutherland-Hodgman: the part of `ring` with `inside(lon)`, cut at `edge`.
function clip(ring, inside, edge) {
  const out = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i], b = ring[(i + 1) % ring.length];
    const ia = inside(a[0]), ib = inside(b[0]);
    if (ia) out.push(a);
    if (ia !== ib) {
      const t = (edge - a[0]) / (b[0] - a[0]);
      out.push([edge, a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

function cutAtAntimeridian(ring) {
  const u = unwrap(ring);
  const lons = u.map((p) => p[0]);
  const lo = Math.min(...lons), hi = Math.max(...lons);
  if (lo >= -180 && hi <= 180) return [ring];
  // Around a pole the ring does not close once unwrapped: leave it.
  if (Math.abs(u[0][0] - u[u.length - 1][0]) > 1e-9) return [ring];
  const edge = hi > 180 ? 180 : -180;
  const shift = hi > 180 ? -360 : 360;
  const near = clip(u, (x) => (edge > 0 ? x <= edge : x >= edge), edge);
  const far = clip(u, (x) => (edge > 0 ? x >= edge : x <= edge), edge).map(([x, y]) => [x + shift, y]);
  return [near, far].filter((r) => r.length >= 3);
}

function polygons(geometry) {
  if (!geometry) return [];
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  return [];
}

const countries = [];
for (const f of topojson.feature(topology, topology.objects.countries).features) {
  const id = String(f.id ?? "");
  if (id === ANTARCTICA) continue;
  const d = polygons(f.geometry)
    .flatMap((p) => p.flatMap(cutAtAntimeridian).map(ringPath))
    .filter(Boolean)
    .join("");
  if (d) countries.push({ id, name: f.properties?.name ?? "", d });
}
countries.sort((a, b) => a.id.localeCompare(b.id) || a.name.localeCompare(b.name));

const out = {
  source: `Natural Earth 1:50m Admin 0 countries 4.1.0 (public domain) via the npm package world-atlas ${atlasVersion} (ISC); converted by scripts/convert_basemap.mjs`,
  projection: "equirectangular; x = longitude * 100, y = -latitude * 100",
  scale: SCALE,
  countries,
};
const here = path.dirname(fileURLToPath(import.meta.url));
const target = path.join(here, "..", "crates", "server", "assets", "basemap.json");
writeFileSync(target, JSON.stringify(out) + "\n");
console.log(`${countries.length} countries, ${readFileSync(target).length} bytes -> ${target}`);
