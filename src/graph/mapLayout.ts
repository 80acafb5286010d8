/**
 * The Map layout: states at their geographic position, north up. The projection is
 * equirectangular (longitude scaled by the cosine of the states' median latitude) with each
 * axis compressed logarithmically away from the median state: a monotone map per axis, so
 * east stays right and north stays up, while a region's neighbours are not squeezed into a
 * dot by one far-away power. Every other actor sits beside the placed
 * actors it has the most relations with. Computed from the whole graph, never from what the
 * filters leave visible, so the picture stays put while filtering. Pure: no Cytoscape here.
 */
import type { GraphIndex } from '../model/graphIndex';
import countryPositions from './countryPositions.json';
import type { Positions } from './layout';

/** Model units per degree near the median state. */
const UNITS_PER_DEGREE = 24;
/** Degrees from the median state beyond which distances grow logarithmically. */
const LINEAR_DEGREES = 10;
/** Least distance between two node centres after the overlap pass. */
const MIN_GAP = 110;
/** How far a bloc or armed group sits from the centre of the actors it relates to. */
const SATELLITE_DISTANCE = 90;

type LatLng = readonly [number, number];

function latLngOf(actorId: string): LatLng | null {
  const entry = (countryPositions as Record<string, number[] | undefined>)[actorId];
  if (!entry || entry.length < 2) return null;
  const [lat, lng] = entry;
  return lat === undefined || lng === undefined ? null : [lat, lng];
}

/** Pushes nodes apart until no two centres are closer than `gap`; deterministic. */
function separate(positions: Positions, ids: readonly string[], gap: number): void {
  for (let round = 0; round < 60; round += 1) {
    let moved = false;
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const p = positions[ids[i] ?? ''];
        const q = positions[ids[j] ?? ''];
        if (!p || !q) continue;
        let dx = q.x - p.x;
        let dy = q.y - p.y;
        let distance = Math.hypot(dx, dy);
        if (distance >= gap) continue;
        if (distance < 1e-6) {
          // Same spot: split along a direction fixed by the pair's order.
          const angle = (i * 2.399 + j) % (2 * Math.PI);
          dx = Math.cos(angle);
          dy = Math.sin(angle);
          distance = 1;
        }
        const push = (gap - distance) / 2 / distance;
        p.x -= dx * push;
        p.y -= dy * push;
        q.x += dx * push;
        q.y += dy * push;
        moved = true;
      }
    }
    if (!moved) return;
  }
}

export function mapPositions(index: GraphIndex): Positions {
  const actors = index.graph.actors;
  const geo = new Map<string, LatLng>();
  for (const actor of actors) {
    const latLng = latLngOf(actor.id);
    if (latLng) geo.set(actor.id, latLng);
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  };
  const lat0 = median([...geo.values()].map(([lat]) => lat));
  const lng0 = median([...geo.values()].map(([, lng]) => lng));
  const cosLat = Math.max(0.5, Math.cos((lat0 * Math.PI) / 180));
  const compress = (degrees: number) =>
    Math.sign(degrees) * LINEAR_DEGREES * Math.log1p(Math.abs(degrees) / LINEAR_DEGREES);
  const positions: Positions = {};
  for (const [id, [lat, lng]] of geo) {
    positions[id] = {
      x: compress((lng - lng0) * cosLat) * UNITS_PER_DEGREE,
      y: -compress(lat - lat0) * UNITS_PER_DEGREE,
    };
  }

  // Others: beside the placed actors they relate to most, in rounds so a group related only
  // to another group follows it.
  const pending = actors.filter((a) => !geo.has(a.id)).map((a) => a.id);
  const slotsTaken = new Map<string, number>();
  for (let round = 0; round < 4 && pending.length > 0; round += 1) {
    for (let i = pending.length - 1; i >= 0; i -= 1) {
      const id = pending[i];
      if (id === undefined) continue;
      const weights = new Map<string, number>();
      for (const info of index.relationsByActor.get(id) ?? []) {
        const other: string =
          info.relation.source === id ? info.relation.target : info.relation.source;
        if (other === id || !positions[other]) continue;
        weights.set(other, (weights.get(other) ?? 0) + info.relation.evidence.length);
      }
      if (weights.size === 0) continue;
      const ranked = [...weights].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
      const top = ranked.slice(0, 3);
      const total = top.reduce((n, [, w]) => n + w, 0);
      let x = 0;
      let y = 0;
      for (const [other, weight] of top) {
        const p = positions[other];
        if (!p) continue;
        x += (p.x * weight) / total;
        y += (p.y * weight) / total;
      }
      const anchor = top[0]?.[0] ?? '';
      const slot = slotsTaken.get(anchor) ?? 0;
      slotsTaken.set(anchor, slot + 1);
      // Satellites of one anchor fan out around it, starting below (south of) it.
      const angle = Math.PI / 2 + slot * 2.2;
      positions[id] = {
        x: x + Math.cos(angle) * SATELLITE_DISTANCE,
        y: y + Math.sin(angle) * SATELLITE_DISTANCE,
      };
      pending.splice(i, 1);
    }
  }

  // Actors tied to nothing placed: a row under the map.
  const placed = Object.values(positions);
  const bottom = placed.length ? Math.max(...placed.map((p) => p.y)) + 2 * MIN_GAP : 0;
  const left = placed.length ? Math.min(...placed.map((p) => p.x)) : 0;
  [...pending].sort().forEach((id, i) => {
    positions[id] = { x: left + i * MIN_GAP * 1.6, y: bottom };
  });

  const ids = actors.map((a) => a.id).filter((id) => positions[id]);
  // The pass is quadratic: big graphs keep the raw projection.
  if (ids.length <= 800) separate(positions, ids, MIN_GAP);
  return positions;
}
