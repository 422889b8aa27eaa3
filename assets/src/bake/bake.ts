// Bakes light into vertex colours: direct light from lamps, glowing panels and the sky and sun
// through the windows (with shadow rays), then diffuse bounces gathered over the hemisphere (with
// the bounced part smoothed across each surface, where it varies slowly anyway). Pure CPU, in
// Node, with three-mesh-bvh; every random number comes from a seed, so a run is reproducible.
import { DoubleSide, Ray, Vector3 } from 'three';
import type { Part, SceneModel } from '../scene/scene-model.ts';
import type { Rgb } from '../textures/image.ts';
import { buildBakeMesh, type BakeMesh } from './bake-mesh.ts';
import { lampFactor, skyRadiance, type Light, type Sky } from './lights.ts';
import { toneCurve } from './tone.ts';

export interface BakeSettings {
  /** Hemisphere rays per vertex for each bounce. */
  gatherRays: number;
  bounces: number;
  /** Light every vertex gets, standing in for bounces beyond the last. */
  ambient: Rgb;
}

export const DEFAULT_BAKE: BakeSettings = { gatherRays: 48, bounces: 2, ambient: [0.02, 0.02, 0.02] };

const EPS = 0.004;
const GOLDEN = 0.618033988749895;

/** Fixed points on a unit sphere (Fibonacci): the same soft-shadow samples for every vertex. */
function spherePoints(n: number): [number, number, number][] {
  return Array.from({ length: n }, (_, i) => {
    const y = 1 - (2 * (i + 0.5)) / n;
    const r = Math.sqrt(1 - y * y);
    const a = i * Math.PI * (3 - Math.sqrt(5));
    return [r * Math.cos(a), y, r * Math.sin(a)];
  });
}

function hashUnit(i: number): number {
  let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

class Caster {
  private readonly ray = new Ray();
  constructor(private readonly mesh: BakeMesh) {}

  blocked(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, far: number): boolean {
    this.ray.origin.set(ox, oy, oz);
    this.ray.direction.set(dx, dy, dz);
    return this.mesh.bvh.raycastFirst(this.ray, DoubleSide, 0, far) !== null;
  }

  first(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, far: number) {
    this.ray.origin.set(ox, oy, oz);
    this.ray.direction.set(dx, dy, dz);
    return this.mesh.bvh.raycastFirst(this.ray, DoubleSide, 0, far);
  }
}

/** Does the ray from o along d pass through one of the window openings? (The sun only comes in there.) */
function throughWindow(windows: readonly Extract<Light, { kind: 'window' }>[], o: Vector3, d: Vector3): boolean {
  for (const w of windows) {
    const n = new Vector3(...w.u).cross(new Vector3(...w.v));
    const denom = n.dot(d);
    if (Math.abs(denom) < 1e-9) continue;
    const c = new Vector3(...w.corner);
    const t = c.clone().sub(o).dot(n) / denom;
    if (t <= 0) continue;
    const hit = o.clone().addScaledVector(d, t).sub(c);
    const u = new Vector3(...w.u);
    const v = new Vector3(...w.v);
    const su = hit.dot(u) / u.lengthSq();
    const sv = hit.dot(v) / v.lengthSq();
    if (su >= 0 && su <= 1 && sv >= 0 && sv <= 1) return true;
  }
  return false;
}

function directLight(mesh: BakeMesh, lights: readonly Light[], sky: Sky): Float32Array {
  const caster = new Caster(mesh);
  const out = new Float32Array(mesh.positions.length);
  const bulbSamples = spherePoints(6);
  const windows = lights.filter((l): l is Extract<Light, { kind: 'window' }> => l.kind === 'window');
  const sunDirs = sky.sun ? sunSamples(sky.sun.direction, sky.sun.angularRadiusDegrees, 8) : [];
  const o = new Vector3();
  for (const v of mesh.receivers) {
    const px = mesh.positions[v * 3]!;
    const py = mesh.positions[v * 3 + 1]!;
    const pz = mesh.positions[v * 3 + 2]!;
    const nx = mesh.normals[v * 3]!;
    const ny = mesh.normals[v * 3 + 1]!;
    const nz = mesh.normals[v * 3 + 2]!;
    const ox = px + nx * EPS;
    const oy = py + ny * EPS;
    const oz = pz + nz * EPS;
    let r = 0;
    let g = 0;
    let b = 0;
    for (const light of lights) {
      if (light.kind === 'point') {
        const range = light.range ?? 9;
        const cx = light.position[0] - ox;
        const cy = light.position[1] - oy;
        const cz = light.position[2] - oz;
        if (cx * cx + cy * cy + cz * cz > range * range) continue;
        for (const s of bulbSamples) {
          const dx = cx + s[0] * light.radius;
          const dy = cy + s[1] * light.radius;
          const dz = cz + s[2] * light.radius;
          const dist = Math.hypot(dx, dy, dz);
          const cos = (dx * nx + dy * ny + dz * nz) / dist;
          if (cos <= 0) continue;
          const f = lampFactor(light.shape, [-dx / dist, -dy / dist, -dz / dist]);
          if (f <= 0) continue;
          if (caster.blocked(ox, oy, oz, dx / dist, dy / dist, dz / dist, dist - 0.01)) continue;
          const k = (f * cos) / (dist * dist) / bulbSamples.length;
          r += light.color[0] * k;
          g += light.color[1] * k;
          b += light.color[2] * k;
        }
      } else {
        if (light.range !== undefined) {
          const cx = light.corner[0] + (light.u[0] + light.v[0]) / 2 - ox;
          const cy = light.corner[1] + (light.u[1] + light.v[1]) / 2 - oy;
          const cz = light.corner[2] + (light.u[2] + light.v[2]) / 2 - oz;
          if (cx * cx + cy * cy + cz * cz > light.range * light.range) continue;
        }
        const [nu, nv] = light.samples;
        const lnx = light.u[1] * light.v[2] - light.u[2] * light.v[1];
        const lny = light.u[2] * light.v[0] - light.u[0] * light.v[2];
        const lnz = light.u[0] * light.v[1] - light.u[1] * light.v[0];
        const area = Math.hypot(lnx, lny, lnz);
        for (let i = 0; i < nu; i++) {
          for (let j = 0; j < nv; j++) {
            const fu = (i + 0.5) / nu;
            const fv = (j + 0.5) / nv;
            const dx = light.corner[0] + light.u[0] * fu + light.v[0] * fv - ox;
            const dy = light.corner[1] + light.u[1] * fu + light.v[1] * fv - oy;
            const dz = light.corner[2] + light.u[2] * fu + light.v[2] * fv - oz;
            const dist = Math.hypot(dx, dy, dz);
            const cos = (dx * nx + dy * ny + dz * nz) / dist;
            if (cos <= 0) continue;
            const cosLight = -(dx * lnx + dy * lny + dz * lnz) / (dist * area);
            if (cosLight <= 0) continue;
            const shadowed = light.kind === 'window' || light.shadows !== false;
            if (shadowed && caster.blocked(ox, oy, oz, dx / dist, dy / dist, dz / dist, dist - 0.01)) continue;
            const radiance = light.kind === 'panel' ? light.radiance : skyRadiance(sky, [dx / dist, dy / dist, dz / dist]);
            const k = (cos * cosLight * area) / (nu * nv) / (dist * dist);
            r += radiance[0] * k;
            g += radiance[1] * k;
            b += radiance[2] * k;
          }
        }
      }
    }
    if (sky.sun) {
      o.set(ox, oy, oz);
      for (const s of sunDirs) {
        const cos = s.x * nx + s.y * ny + s.z * nz;
        if (cos <= 0 || !throughWindow(windows, o, s)) continue;
        if (caster.blocked(ox, oy, oz, s.x, s.y, s.z, 60)) continue;
        r += (sky.sun.color[0] * cos) / sunDirs.length;
        g += (sky.sun.color[1] * cos) / sunDirs.length;
        b += (sky.sun.color[2] * cos) / sunDirs.length;
      }
    }
    out[v * 3] = r;
    out[v * 3 + 1] = g;
    out[v * 3 + 2] = b;
  }
  return out;
}

function sunSamples(direction: readonly number[], radiusDegrees: number, n: number): Vector3[] {
  const d = new Vector3(direction[0], direction[1], direction[2]).normalize();
  const t = Math.abs(d.y) < 0.9 ? new Vector3(0, 1, 0).cross(d).normalize() : new Vector3(1, 0, 0).cross(d).normalize();
  const bt = d.clone().cross(t);
  const spread = Math.tan((radiusDegrees * Math.PI) / 180);
  return Array.from({ length: n }, (_, i) => {
    const r = spread * Math.sqrt((i + 0.5) / n);
    const a = i * 2.399963;
    return d.clone().addScaledVector(t, r * Math.cos(a)).addScaledVector(bt, r * Math.sin(a)).normalize();
  });
}

/** Light arriving at each receiver after one more bounce off everything it sees. */
function gather(mesh: BakeMesh, lit: Float32Array, rays: number): Float32Array {
  const caster = new Caster(mesh);
  const out = new Float32Array(lit.length);
  const tri = mesh.triangles;
  const value = (vertex: number, k: number) => mesh.albedo[vertex * 3 + k]! * lit[mesh.source[vertex]! * 3 + k]! + mesh.emission[vertex * 3 + k]!;
  for (const v of mesh.receivers) {
    const nx = mesh.normals[v * 3]!;
    const ny = mesh.normals[v * 3 + 1]!;
    const nz = mesh.normals[v * 3 + 2]!;
    const ox = mesh.positions[v * 3]! + nx * EPS;
    const oy = mesh.positions[v * 3 + 1]! + ny * EPS;
    const oz = mesh.positions[v * 3 + 2]! + nz * EPS;
    // A frame around the normal.
    const ax = Math.abs(nx) < 0.9 ? 1 : 0;
    const ay = ax ? 0 : 1;
    let tx = ay * nz - 0 * ny;
    let ty = 0 * nx - ax * nz;
    let tz = ax * ny - ay * nx;
    const tl = Math.hypot(tx, ty, tz);
    tx /= tl;
    ty /= tl;
    tz /= tl;
    const bx = ny * tz - nz * ty;
    const by = nz * tx - nx * tz;
    const bz = nx * ty - ny * tx;
    const jitter = hashUnit(v);
    let r = 0;
    let g = 0;
    let b = 0;
    for (let i = 0; i < rays; i++) {
      // Cosine-weighted, stratified in elevation, turned by a per-vertex offset.
      const u1 = (i + hashUnit(v * 31 + i)) / rays;
      const phi = 2 * Math.PI * ((i * GOLDEN + jitter) % 1);
      const s = Math.sqrt(u1);
      const h = Math.sqrt(1 - u1);
      const dx = tx * s * Math.cos(phi) + bx * s * Math.sin(phi) + nx * h;
      const dy = ty * s * Math.cos(phi) + by * s * Math.sin(phi) + ny * h;
      const dz = tz * s * Math.cos(phi) + bz * s * Math.sin(phi) + nz * h;
      const hit = caster.first(ox, oy, oz, dx, dy, dz, 40);
      if (!hit || hit.faceIndex === undefined || hit.faceIndex === null) continue;
      const f = hit.faceIndex * 3;
      const ia = tri[f]!;
      const ib = tri[f + 1]!;
      const ic = tri[f + 2]!;
      const [wa, wb, wc] = barycentric(mesh.positions, ia, ib, ic, hit.point.x, hit.point.y, hit.point.z);
      r += wa * value(ia, 0) + wb * value(ib, 0) + wc * value(ic, 0);
      g += wa * value(ia, 1) + wb * value(ib, 1) + wc * value(ic, 1);
      b += wa * value(ia, 2) + wb * value(ib, 2) + wc * value(ic, 2);
    }
    out[v * 3] = r / rays;
    out[v * 3 + 1] = g / rays;
    out[v * 3 + 2] = b / rays;
  }
  return out;
}

function barycentric(p: Float32Array, a: number, b: number, c: number, x: number, y: number, z: number): [number, number, number] {
  const v0x = p[b * 3]! - p[a * 3]!, v0y = p[b * 3 + 1]! - p[a * 3 + 1]!, v0z = p[b * 3 + 2]! - p[a * 3 + 2]!;
  const v1x = p[c * 3]! - p[a * 3]!, v1y = p[c * 3 + 1]! - p[a * 3 + 1]!, v1z = p[c * 3 + 2]! - p[a * 3 + 2]!;
  const v2x = x - p[a * 3]!, v2y = y - p[a * 3 + 1]!, v2z = z - p[a * 3 + 2]!;
  const d00 = v0x * v0x + v0y * v0y + v0z * v0z;
  const d01 = v0x * v1x + v0y * v1y + v0z * v1z;
  const d11 = v1x * v1x + v1y * v1y + v1z * v1z;
  const d20 = v2x * v0x + v2y * v0y + v2z * v0z;
  const d21 = v2x * v1x + v2y * v1y + v2z * v1z;
  const den = d00 * d11 - d01 * d01 || 1;
  const wb = Math.min(1, Math.max(0, (d11 * d20 - d01 * d21) / den));
  const wc = Math.min(1, Math.max(0, (d00 * d21 - d01 * d20) / den));
  return [Math.max(0, 1 - wb - wc), wb, wc];
}

/** Averages each vertex with its neighbours on its own surface, `passes` times: bounce light is smooth. */
function smooth(mesh: BakeMesh, light: Float32Array, passes: number): Float32Array {
  let current = light;
  for (let pass = 0; pass < passes; pass++) {
    const sum = new Float32Array(current.length);
    const count = new Float32Array(current.length / 3);
    for (const triangles of mesh.partTriangles) {
      for (let t = 0; t < triangles.length; t += 3) {
        for (let e = 0; e < 3; e++) {
          const a = triangles[t + e]!;
          const b = triangles[t + ((e + 1) % 3)]!;
          for (let k = 0; k < 3; k++) {
            sum[a * 3 + k]! += current[b * 3 + k]!;
            sum[b * 3 + k]! += current[a * 3 + k]!;
          }
          count[a]! += 1;
          count[b]! += 1;
        }
      }
    }
    const next = new Float32Array(current.length);
    for (const v of mesh.receivers) {
      for (let k = 0; k < 3; k++) {
        const i = v * 3 + k;
        next[i] = count[v]! > 0 ? 0.5 * current[i]! + (0.5 * sum[i]!) / count[v]! : current[i]!;
      }
    }
    current = next;
  }
  return current;
}

export interface BakeResult {
  /** Vertex colours (linear RGB, 0–1) of each part, for COLOR_0. */
  colors: Map<Part, Float32Array>;
  vertices: number;
}

export function bakeScene(scene: SceneModel, albedoOf: (material: string) => Rgb, settings: BakeSettings = DEFAULT_BAKE, log: (line: string) => void = () => {}): BakeResult {
  const mesh = buildBakeMesh(scene, albedoOf);
  const started = performance.now();
  const direct = directLight(mesh, scene.lights, scene.sky);
  log(`direct light at ${mesh.receivers.length} vertices in ${Math.round(performance.now() - started)} ms`);
  let total = direct;
  for (let bounce = 0; bounce < settings.bounces; bounce++) {
    const t = performance.now();
    const indirect = smooth(mesh, gather(mesh, total, settings.gatherRays), 2);
    total = new Float32Array(direct.length);
    for (let i = 0; i < total.length; i++) total[i] = direct[i]! + indirect[i]!;
    log(`bounce ${bounce + 1} in ${Math.round(performance.now() - t)} ms`);
  }
  const colors = new Map<Part, Float32Array>();
  for (const node of scene.nodes) {
    for (const part of node.parts) {
      const start = mesh.partStart.get(part)!;
      const count = part.geometry.positions.length / 3;
      const out = new Float32Array(count * 3);
      const emissive = scene.materials[part.material]!.emissive;
      for (let i = 0; i < count; i++) {
        for (let k = 0; k < 3; k++) {
          out[i * 3 + k] = emissive ? Math.min(1, emissive[k]!) : toneCurve(scene.exposure * (total[(start + i) * 3 + k]! + settings.ambient[k]!));
        }
      }
      colors.set(part, out);
    }
  }
  return { colors, vertices: mesh.receivers.length };
}
