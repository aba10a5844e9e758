#!/usr/bin/env node
// Makes crates/web/data/nl-outline.json, the outline of the Netherlands (and,
// clipped to a box around it, of Belgium and Germany) that the coverage map
// draws behind the SWV's locations.
//
// Source: Natural Earth 1:10m admin-0 countries (public domain), version 4.1.0,
// as TopoJSON in the npm package `world-atlas` 2.0.2. Nothing is downloaded by
// this script; install the package first:
//
//   mkdir -p /tmp/geo && cd /tmp/geo && npm install world-atlas@2.0.2
//   node scripts/nl-outline.mjs /tmp/geo/node_modules/world-atlas/countries-10m.json \
//     > crates/web/data/nl-outline.json
//
// The rings are simplified (Douglas–Peucker, tolerance below) and rounded to
// three decimals (about 100 m), which is plenty for a map of a region.

import { readFileSync } from "node:fs";

const TOLERANCE = 0.004; // degrees, about 300 m
const BOX = { west: 2.5, east: 7.6, south: 50.5, north: 53.8 }; // European Netherlands and a margin
const COUNTRIES = { "528": "nl", "056": "be", "276": "de" };

const path = process.argv[2];
if (!path) {
  console.error("usage: nl-outline.mjs <world-atlas countries-10m.json>");
  process.exit(2);
}
const topology = JSON.parse(readFileSync(path, "utf8"));
const { scale, translate } = topology.transform;

// TopoJSON arcs are quantised and delta-encoded.
const arcs = topology.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
  });
});

function arcPoints(index) {
  return index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
}

function ring(indices) {
  const points = [];
  for (const index of indices) {
    const part = arcPoints(index);
    points.push(...(points.length ? part.slice(1) : part));
  }
  return points;
}

function polygons(geometry) {
  if (geometry.type === "Polygon") return [geometry.arcs.map(ring)];
  if (geometry.type === "MultiPolygon") return geometry.arcs.map((p) => p.map(ring));
  return [];
}

// Sutherland–Hodgman against the box: the neighbours are cut to what the map can show.
function clip(points) {
  const edges = [
    [(p) => p[0] >= BOX.west, (a, b) => cross(a, b, 0, BOX.west)],
    [(p) => p[0] <= BOX.east, (a, b) => cross(a, b, 0, BOX.east)],
    [(p) => p[1] >= BOX.south, (a, b) => cross(a, b, 1, BOX.south)],
    [(p) => p[1] <= BOX.north, (a, b) => cross(a, b, 1, BOX.north)],
  ];
  let out = points;
  for (const [inside, meet] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i];
      const previous = input[(i + input.length - 1) % input.length];
      if (inside(current)) {
        if (!inside(previous)) out.push(meet(previous, current));
        out.push(current);
      } else if (inside(previous)) {
        out.push(meet(previous, current));
      }
    }
    if (!out.length) break;
  }
  return out;
}

function cross(a, b, axis, value) {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

function simplify(points) {
  if (points.length < 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let worst = 0;
    let at = -1;
    for (let i = first + 1; i < last; i++) {
      const d = distance(points[i], points[first], points[last]);
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (worst > TOLERANCE && at > 0) {
      keep[at] = 1;
      stack.push([first, at], [at, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function distance(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
}

const round = (v) => Math.round(v * 1000) / 1000;
const inBox = (points) =>
  points.some(([x, y]) => x >= BOX.west && x <= BOX.east && y >= BOX.south && y <= BOX.north);

const out = {
  source: "Natural Earth 1:10m Admin 0 – Countries, version 4.1.0 (npm package world-atlas 2.0.2)",
  licence: "Public domain (Natural Earth, naturalearthdata.com/about/terms-of-use)",
  made_by: "scripts/nl-outline.mjs",
  box: BOX,
  countries: {},
};
for (const geometry of topology.objects.countries.geometries) {
  const key = COUNTRIES[geometry.id];
  if (!key) continue;
  const rings = [];
  for (const polygon of polygons(geometry)) {
    // The outer ring only: lakes inside a country are not drawn.
    const outer = polygon[0];
    if (!inBox(outer)) continue; // the Caribbean parts of the Kingdom, far-off German islands
    const cut = key === "nl" ? outer : clip(outer);
    const simple = simplify(cut).map(([x, y]) => [round(x), round(y)]);
    if (simple.length >= 4) rings.push(simple);
  }
  out.countries[key] = rings;
}
process.stdout.write(JSON.stringify(out) + "\n");
