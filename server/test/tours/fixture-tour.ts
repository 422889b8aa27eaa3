// A small, whole tour written to a folder, for tests that need a tour without the generated ones.
import fs from 'node:fs';
import path from 'node:path';

export function fixtureManifest(id = 'test-room'): Record<string, any> {
  return {
    version: 1,
    id,
    kind: 'hotel-room',
    title: 'Test room',
    description: 'A room for tests.',
    scene: 'scene.glb',
    start: 'door',
    viewpoints: [
      { id: 'door', title: 'Door', position: [0, 1.6, 2], yaw: 0, panorama: 'pano-door.webp' },
      { id: 'window', title: 'Window', position: [0, 1.6, -2], yaw: 180 },
    ],
    links: [{ from: 'door', to: 'window' }, { from: 'window', to: 'door' }],
    hotspots: [{ id: 'bed', title: 'King bed', text: '2 m wide', position: [1, 0.6, 0], node: 'poi-bed', option: 'room-only' }],
    plan: { kind: 'floor', bounds: { minX: -2, minZ: -3, maxX: 2, maxZ: 3 }, shapes: [{ kind: 'wall', points: [[-2, -3], [2, -3], [2, 3], [-2, 3], [-2, -3]] }] },
    bookables: [{ id: 'room-only', title: 'Room only', price: { amount: 189, currency: 'EUR', per: 'night' } }],
  };
}

/** Writes a tour folder `<toursDir>/<folder>` (the tour's id by default) with the manifest and stand-in bytes for its files. */
export function writeFixtureTour(
  toursDir: string,
  manifest: Record<string, any> = fixtureManifest(),
  files: Record<string, Buffer | string> = {},
  folder = String(manifest.id),
): string {
  const dir = path.join(toursDir, folder);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'tour.json'), JSON.stringify(manifest, null, 2));
  const standIns: Record<string, Buffer | string> = {
    'scene.glb': Buffer.concat([Buffer.from('glTF'), Buffer.alloc(20_000, 7)]),
    'pano-door.webp': Buffer.from('RIFF....WEBPVP8 not really'),
    ...files,
  };
  for (const [name, bytes] of Object.entries(standIns)) fs.writeFileSync(path.join(dir, name), bytes);
  return dir;
}
