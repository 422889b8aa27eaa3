// Direct light at each receiving vertex: lamps (with their shape and soft shadows from fixed sample
// points), glowing panels, the sky through each window, and the sun where it comes in through one.
import { Vector3 } from 'three';
import type { BakeMesh } from './bake-mesh.ts';
import { Caster, EPS, spherePoints } from './bake-rays.ts';
import { lampFactor, skyRadiance, type Light, type Sky } from './lights.ts';

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

export function directLight(mesh: BakeMesh, lights: readonly Light[], sky: Sky): Float32Array {
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

