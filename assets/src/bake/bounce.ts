// Diffuse bounces: light arriving at each receiver from everything it sees, gathered over the
// hemisphere, and smoothed across each surface (bounce light varies slowly; the smoothing hides noise).
import type { BakeMesh } from './bake-mesh.ts';
import { Caster, EPS, hashUnit } from './bake-rays.ts';

const GOLDEN = 0.618033988749895;

/** Light arriving at each receiver after one more bounce off everything it sees. */
export function gather(mesh: BakeMesh, lit: Float32Array, rays: number): Float32Array {
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
export function smooth(mesh: BakeMesh, light: Float32Array, passes: number): Float32Array {
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

