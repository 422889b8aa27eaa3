// The tour library: whole tours are offered; a broken one is refused with the field or file at fault
// and does not stop the others.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTourLibrary } from '../../src/tours/tour-library.ts';
import { fixtureManifest, writeFixtureTour } from './fixture-tour.ts';

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-tours-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const refusal = (mutate: (m: Record<string, any>) => void, files: Record<string, string> = {}): string => {
  const manifest = fixtureManifest('broken');
  mutate(manifest);
  writeFixtureTour(dir, manifest, files, 'broken');
  writeFixtureTour(dir);
  const library = loadTourLibrary(dir);
  expect(library.list().map((t) => t.id), 'the whole tour is still offered').toEqual(['test-room']);
  expect(library.refused).toHaveLength(1);
  return library.refused[0]!.reason;
};

describe('loadTourLibrary', () => {
  it('offers a whole tour with its summary and every file it names', () => {
    writeFixtureTour(dir);
    const library = loadTourLibrary(dir);
    expect(library.refused).toEqual([]);
    expect(library.list()).toEqual([expect.objectContaining({ id: 'test-room', kind: 'hotel-room', title: 'Test room', viewpoints: 2, seats: 0 })]);
    expect([...library.get('test-room')!.files.keys()].sort()).toEqual(['pano-door.webp', 'scene.glb', 'tour.json']);
    expect(library.get('nope')).toBeNull();
  });

  it('is empty, not an error, when the folder does not exist', () => {
    expect(loadTourLibrary(path.join(dir, 'missing')).list()).toEqual([]);
  });

  it('refuses a tour.json that is not JSON', () => {
    fs.mkdirSync(path.join(dir, 'broken'));
    fs.writeFileSync(path.join(dir, 'broken', 'tour.json'), '{"version": 1,');
    writeFixtureTour(dir);
    const library = loadTourLibrary(dir);
    expect(library.refused[0]?.reason).toMatch(/^tour\.json: not JSON/);
  });

  it('names the field of a bad value', () => {
    expect(refusal((m) => (m.viewpoints[1].position = [0, 'high', 0]))).toMatch(/viewpoints\[1\]\.position\[1\]/);
    expect(refusal((m) => (m.version = 2))).toMatch(/version: must be 1/);
    expect(refusal((m) => (m.bookables[0].price.currency = 'euro'))).toMatch(/bookables\[0\]\.price\.currency: an ISO 4217 code/);
  });

  it('names a reference to something that does not exist', () => {
    expect(refusal((m) => (m.links[0].to = 'balcony'))).toMatch(/links\[0\]\.to: no viewpoint "balcony"/);
    expect(refusal((m) => (m.start = 'lobby'))).toMatch(/start: no viewpoint "lobby"/);
    expect(refusal((m) => (m.hotspots[0].option = 'breakfast'))).toMatch(/hotspots\[0\]\.option: no bookable "breakfast"/);
    expect(refusal((m) => m.viewpoints.push({ ...m.viewpoints[0] }))).toMatch(/viewpoints\[2\]\.id: "door" is used twice/);
  });

  it('refuses a file named but missing, a path out of the folder, and an id that is not the folder', () => {
    expect(refusal((m) => (m.viewpoints[1].panorama = 'pano-window.webp'))).toMatch(/pano-window\.webp: named in tour\.json but not in the tour folder/);
    expect(refusal((m) => (m.scene = '../other/scene.glb'))).toMatch(/^tour\.json: scene: a relative path inside the tour folder/);
    expect(refusal((m) => (m.id = 'elsewhere'))).toMatch(/id: "elsewhere" must be the folder's name, "broken"/);
  });

  it('refuses a file that is a link leading out of the folder', () => {
    const outside = path.join(dir, 'secret.glb');
    fs.writeFileSync(outside, 'secret');
    const broken = writeFixtureTour(dir, fixtureManifest('broken'));
    fs.rmSync(path.join(broken, 'scene.glb'));
    fs.symlinkSync(outside, path.join(broken, 'scene.glb'));
    writeFixtureTour(dir);
    expect(loadTourLibrary(dir).refused).toEqual([{ folder: 'broken', reason: 'scene.glb: leads outside the tour folder' }]);
  });
});

describe('a tour whose scene is a splat capture', () => {
  const splatOnly = (splat: string): Record<string, any> => {
    const manifest = fixtureManifest('splat-room');
    delete manifest.scene;
    delete manifest.viewpoints[0].panorama;
    delete manifest.hotspots[0].node;
    manifest.splat = splat;
    return manifest;
  };
  const ply = 'ply\nformat binary_little_endian 1.0\nelement vertex 0\nend_header\n';

  it('is offered with the splat among its files, with or without a glTF scene', () => {
    writeFixtureTour(dir, splatOnly('scene.ply'), { 'scene.ply': ply });
    writeFixtureTour(dir, { ...fixtureManifest('both'), splat: 'capture.spz' }, { 'capture.spz': Buffer.from([0x1f, 0x8b, 8, 0]) });
    const library = loadTourLibrary(dir);
    expect(library.refused).toEqual([]);
    expect([...library.get('splat-room')!.files.keys()].sort()).toEqual(['scene.ply', 'tour.json']);
    expect([...library.get('both')!.files.keys()].sort()).toEqual(['capture.spz', 'pano-door.webp', 'scene.glb', 'tour.json']);
  });

  it('refuses a splat file of a kind the viewer does not read, naming the field', () => {
    expect(refusal((m) => (m.splat = 'scene.obj'))).toMatch(/^tour\.json: splat: a \.spz, \.ply, \.splat, \.ksplat, \.sog file/);
    expect(refusal((m) => (m.splat = '../elsewhere/scene.ply'))).toMatch(/^tour\.json: splat: a relative path inside the tour folder/);
  });

  it('refuses a splat named but missing, or not what its name says', () => {
    expect(refusal((m) => (m.splat = 'scene.ply'))).toMatch(/^scene\.ply: named in tour\.json but not in the tour folder/);
    expect(refusal((m) => (m.splat = 'scene.ply'), { 'scene.ply': 'glTF not a ply' })).toBe('scene.ply: not a PLY file (it does not start with "ply")');
    expect(refusal((m) => (m.splat = 'scene.spz'), { 'scene.spz': ply })).toBe('scene.spz: not an SPZ file (SPZ is gzip-compressed; this is not)');
    expect(refusal((m) => (m.splat = 'scene.sog'), { 'scene.sog': '' })).toBe('scene.sog: not a SOG file (SOG is a zip archive; this is not)');
  });
});

describe('npm run tour:check', () => {
  const check = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'server/src/tours/check-cli.ts', ...args], { encoding: 'utf8' });

  it('says which tours will be offered and why one is not, with exit 1', () => {
    writeFixtureTour(dir);
    const bad = fixtureManifest('bad');
    bad.hotspots[0].position = [0, 0];
    writeFixtureTour(dir, bad);
    const run = check(dir);
    expect(run.stdout).toMatch(/^OK test-room: 2 viewpoints, 0 seats, 3 files/m);
    expect(run.stdout).toMatch(/^REFUSED bad: tour\.json: hotspots\[0\]\.position: /m);
    expect(run.status).toBe(1);
    expect(check(path.join(dir, 'test-room')).status).toBe(0);
  });

  it('exits 2 when called without a folder', () => {
    expect(check().status).toBe(2);
    expect(check(path.join(dir, 'missing')).status).toBe(2);
  });
});

describe('a tour folder linked in', () => {
  it('is offered like a folder of its own', () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-tour-elsewhere-'));
    try {
      writeFixtureTour(elsewhere);
      fs.symlinkSync(path.join(elsewhere, 'test-room'), path.join(dir, 'test-room'));
      const library = loadTourLibrary(dir);
      expect(library.refused).toEqual([]);
      expect(library.list().map((t) => t.id)).toEqual(['test-room']);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
