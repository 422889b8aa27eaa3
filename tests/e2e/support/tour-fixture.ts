// A small tour written for browser journeys, in the same format and encodings as the generated ones
// (meshopt-compressed glTF with WebP textures, WebP equirect panoramas, tour.json): a short cabin
// section whose walls are coloured by direction — −Z red, −X green, +Z blue, +X yellow — in the scene
// and in its panoramas alike, so a picture shows whether 3D and 360° line up. The same room as a
// Gaussian-splat capture (a 3DGS binary .ply of flat splats on its walls) makes a splat-only tour.
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, Logger, NodeIO, type Node as GltfNode } from '@gltf-transform/core';
import { EXTMeshoptCompression, EXTTextureWebP, KHRMeshQuantization } from '@gltf-transform/extensions';
import { meshopt } from '@gltf-transform/functions';
import { MeshoptEncoder } from 'meshoptimizer';
import sharp from 'sharp';
import { afterAll, beforeAll } from 'vitest';
import type { TourManifest as Manifest } from '../../../protocol/tour.ts';

/** As a tour file is written: what the schema defaults (no `translations`) may be left out. */
type TourManifest = Omit<Manifest, 'translations'> & Partial<Pick<Manifest, 'translations'>>;
import { repoRoot } from './server.ts';

/** Wall colours by the direction they face the viewer from: what each yaw looks at. */
export const FIXTURE_COLOURS = { north: [200, 40, 40], west: [40, 160, 60], south: [40, 70, 200], east: [220, 190, 30] } as const;
const HALF_WIDTH = 1.8;
const FRONT_Z = -5;
const BACK_Z = 5;
const HEIGHT = 2.4;

type Rgb = readonly [number, number, number];
type Point = readonly number[];

/** The unit normal of a flat quad, repeated for its four corners. */
function quadNormals(a: Point, b: Point, c: Point): number[] {
  const u = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!];
  const v = [c[0]! - a[0]!, c[1]! - a[1]!, c[2]! - a[2]!];
  const n = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
  const length = Math.hypot(n[0]!, n[1]!, n[2]!) || 1;
  const unit = n.map((x) => x / length);
  return [...unit, ...unit, ...unit, ...unit];
}

function box(doc: Document, name: string, centre: [number, number, number], size: [number, number, number], colour: Rgb, inward = false): GltfNode {
  const [sx, sy, sz] = size.map((s) => s / 2) as [number, number, number];
  const corners = [
    [-sx, -sy, -sz], [sx, -sy, -sz], [sx, sy, -sz], [-sx, sy, -sz],
    [-sx, -sy, sz], [sx, -sy, sz], [sx, sy, sz], [-sx, sy, sz],
  ];
  const faces = [[0, 3, 2, 1], [4, 5, 6, 7], [0, 4, 7, 3], [1, 2, 6, 5], [0, 1, 5, 4], [3, 7, 6, 2]];
  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  for (const face of faces) {
    const base = positions.length / 3;
    for (const c of face) positions.push(...corners[c]!);
    normals.push(...quadNormals(corners[face[0]!]!, corners[face[1]!]!, corners[face[2]!]!));
    const tris = [0, 1, 2, 0, 2, 3];
    indices.push(...(inward ? tris.reverse() : tris).map((i) => base + i));
  }
  const buffer = doc.getRoot().listBuffers()[0]!;
  const material = doc.createMaterial(`${name}-material`).setBaseColorFactor([colour[0] / 255, colour[1] / 255, colour[2] / 255, 1]).setRoughnessFactor(0.9).setMetallicFactor(0).setDoubleSided(true);
  const primitive = doc
    .createPrimitive()
    .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(positions)).setBuffer(buffer))
    .setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(new Float32Array(normals)).setBuffer(buffer))
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(indices)).setBuffer(buffer))
    .setMaterial(material);
  return doc.createNode(name).setMesh(doc.createMesh(name).addPrimitive(primitive)).setTranslation(centre);
}

function wall(doc: Document, name: string, corners: [number, number, number][], colour: Rgb, texture?: ReturnType<Document['createTexture']>): GltfNode {
  const buffer = doc.getRoot().listBuffers()[0]!;
  const material = doc.createMaterial(`${name}-material`).setBaseColorFactor([colour[0] / 255, colour[1] / 255, colour[2] / 255, 1]).setDoubleSided(true).setRoughnessFactor(1).setMetallicFactor(0);
  const primitive = doc
    .createPrimitive()
    .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(corners.flat())).setBuffer(buffer))
    .setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(new Float32Array(quadNormals(corners[0]!, corners[1]!, corners[2]!))).setBuffer(buffer))
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array([0, 1, 2, 0, 2, 3])).setBuffer(buffer))
    .setMaterial(material);
  if (texture) {
    material.setBaseColorTexture(texture).setBaseColorFactor([1, 1, 1, 1]);
    primitive.setAttribute('TEXCOORD_0', doc.createAccessor().setType('VEC2').setArray(new Float32Array([0, 0, 4, 0, 4, 10, 0, 10])).setBuffer(buffer));
  }
  return doc.createNode(name).setMesh(doc.createMesh(name).addPrimitive(primitive));
}

async function sceneGlb(): Promise<Uint8Array> {
  const doc = new Document().setLogger(new Logger(Logger.Verbosity.WARN));
  doc.createBuffer('scene');
  doc.createExtension(EXTTextureWebP).setRequired(true);
  const checker = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 90, g: 90, b: 100 } } })
    .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="32" height="32" fill="#c8c8d0"/><rect x="32" y="32" width="32" height="32" fill="#c8c8d0"/></svg>') }])
    .webp()
    .toBuffer();
  const floorTexture = doc.createTexture('floor').setImage(new Uint8Array(checker)).setMimeType('image/webp');
  const h = HALF_WIDTH;
  const scene = doc.createScene('cabin');
  scene.addChild(wall(doc, 'floor', [[-h, 0, FRONT_Z], [h, 0, FRONT_Z], [h, 0, BACK_Z], [-h, 0, BACK_Z]], [255, 255, 255], floorTexture));
  scene.addChild(wall(doc, 'ceiling', [[-h, HEIGHT, FRONT_Z], [h, HEIGHT, FRONT_Z], [h, HEIGHT, BACK_Z], [-h, HEIGHT, BACK_Z]], [235, 235, 235]));
  scene.addChild(wall(doc, 'wall-north', [[-h, 0, FRONT_Z], [h, 0, FRONT_Z], [h, HEIGHT, FRONT_Z], [-h, HEIGHT, FRONT_Z]], FIXTURE_COLOURS.north));
  scene.addChild(wall(doc, 'wall-south', [[-h, 0, BACK_Z], [h, 0, BACK_Z], [h, HEIGHT, BACK_Z], [-h, HEIGHT, BACK_Z]], FIXTURE_COLOURS.south));
  scene.addChild(wall(doc, 'wall-west', [[-h, 0, FRONT_Z], [-h, 0, BACK_Z], [-h, HEIGHT, BACK_Z], [-h, HEIGHT, FRONT_Z]], FIXTURE_COLOURS.west));
  scene.addChild(wall(doc, 'wall-east', [[h, 0, FRONT_Z], [h, 0, BACK_Z], [h, HEIGHT, BACK_Z], [h, HEIGHT, FRONT_Z]], FIXTURE_COLOURS.east));
  for (const seat of fixtureSeats()) {
    const colour: Rgb = seat.class === 'business' ? [40, 60, 110] : [90, 120, 170];
    scene.addChild(box(doc, `seat-${seat.id}`, [seat.x, 0.55, seat.z + 0.25], [0.46, 1.1, 0.12], colour));
    scene.addChild(box(doc, `cushion-${seat.id}`, [seat.x, 0.45, seat.z], [0.46, 0.12, 0.45], colour));
  }
  const poi = box(doc, 'poi-galley-trolley', [0, 0.5, FRONT_Z + 0.5], [0.4, 1, 0.6], [160, 160, 160]);
  poi.setExtras({ hotspot: 'galley-trolley' });
  scene.addChild(poi);
  await MeshoptEncoder.ready;
  await doc.transform(meshopt({ encoder: MeshoptEncoder, level: 'medium' }));
  const io = new NodeIO().registerExtensions([EXTMeshoptCompression, EXTTextureWebP, KHRMeshQuantization]).registerDependencies({ 'meshopt.encoder': MeshoptEncoder });
  return io.writeBinary(doc);
}

/** An equirect panorama in quarters by direction: u 0–0.125 and 0.875–1 look along +Z (south), 0.25 −X, 0.5 −Z, 0.75 +X. */
async function panoramaWebp(label: string): Promise<Buffer> {
  const width = 2048;
  const height = 1024;
  const rgb = (c: Rgb) => `rgb(${c.join(',')})`;
  const quarter = (u0: number, u1: number, c: Rgb) => `<rect x="${u0 * width}" y="${height * 0.3}" width="${(u1 - u0) * width}" height="${height * 0.45}" fill="${rgb(c)}"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="${width}" height="${height * 0.3}" fill="#ebebeb"/><rect y="${height * 0.75}" width="${width}" height="${height * 0.25}" fill="#707080"/>
    ${quarter(0, 0.125, FIXTURE_COLOURS.south)}${quarter(0.125, 0.375, FIXTURE_COLOURS.west)}${quarter(0.375, 0.625, FIXTURE_COLOURS.north)}${quarter(0.625, 0.875, FIXTURE_COLOURS.east)}${quarter(0.875, 1, FIXTURE_COLOURS.south)}
    <text x="${width / 2}" y="${height * 0.55}" font-size="60" text-anchor="middle" fill="#fff" font-family="sans-serif">${label}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).webp({ quality: 80 }).toBuffer();
}

/** SH degree 0 coefficient: a 3DGS .ply stores colour as (rgb − 0.5) / SH_C0. */
const SH_C0 = 0.28209479177387814;
const SPLAT_PROPERTIES = ['x', 'y', 'z', 'f_dc_0', 'f_dc_1', 'f_dc_2', 'opacity', 'scale_0', 'scale_1', 'scale_2', 'rot_0', 'rot_1', 'rot_2', 'rot_3'];

/**
 * The fixture room as Gaussian splats, laid out as 3D Gaussian Splatting trainers write them (binary
 * .ply, log scales, logit opacity, SH degree 0): flat round splats on a grid over each wall, the floor
 * and the ceiling, in the scene's coordinates. About 6,000 splats: enough to close the walls, few
 * enough for software WebGL.
 */
export function splatPly(): Buffer {
  const h = HALF_WIDTH;
  // Each surface: a corner, two edges along it, the axis it is flat along, its colour and grid step.
  const surfaces: Array<{ origin: Point; u: Point; v: Point; flat: 0 | 1 | 2; colour: Rgb; step: number }> = [
    { origin: [-h, 0, FRONT_Z], u: [2 * h, 0, 0], v: [0, HEIGHT, 0], flat: 2, colour: FIXTURE_COLOURS.north, step: 0.12 },
    { origin: [-h, 0, BACK_Z], u: [2 * h, 0, 0], v: [0, HEIGHT, 0], flat: 2, colour: FIXTURE_COLOURS.south, step: 0.12 },
    { origin: [-h, 0, FRONT_Z], u: [0, 0, BACK_Z - FRONT_Z], v: [0, HEIGHT, 0], flat: 0, colour: FIXTURE_COLOURS.west, step: 0.12 },
    { origin: [h, 0, FRONT_Z], u: [0, 0, BACK_Z - FRONT_Z], v: [0, HEIGHT, 0], flat: 0, colour: FIXTURE_COLOURS.east, step: 0.12 },
    { origin: [-h, 0, FRONT_Z], u: [2 * h, 0, 0], v: [0, 0, BACK_Z - FRONT_Z], flat: 1, colour: [112, 112, 128], step: 0.2 },
    { origin: [-h, HEIGHT, FRONT_Z], u: [2 * h, 0, 0], v: [0, 0, BACK_Z - FRONT_Z], flat: 1, colour: [235, 235, 235], step: 0.2 },
  ];
  const rows: number[][] = [];
  for (const { origin, u, v, flat, colour, step } of surfaces) {
    const nu = Math.round(Math.hypot(...u) / step);
    const nv = Math.round(Math.hypot(...v) / step);
    const scale = [0, 1, 2].map((axis) => Math.log(axis === flat ? 0.004 : step * 0.6));
    const dc = colour.map((c) => (c / 255 - 0.5) / SH_C0);
    for (let i = 0; i < nu; i++) {
      for (let j = 0; j < nv; j++) {
        const a = (i + 0.5) / nu;
        const b = (j + 0.5) / nv;
        const at = [0, 1, 2].map((k) => origin[k]! + u[k]! * a + v[k]! * b);
        rows.push([...at, ...dc, 4, ...scale, 1, 0, 0, 0]);
      }
    }
  }
  const header = ['ply', 'format binary_little_endian 1.0', `element vertex ${rows.length}`, ...SPLAT_PROPERTIES.map((p) => `property float ${p}`), 'end_header', ''].join('\n');
  const body = Buffer.alloc(rows.length * SPLAT_PROPERTIES.length * 4);
  rows.flat().forEach((value, i) => body.writeFloatLE(value, i * 4));
  return Buffer.concat([Buffer.from(header, 'ascii'), body]);
}

interface FixtureSeat { id: string; row: number; letter: string; class: 'business' | 'economy'; x: number; z: number; window: boolean; aisle: boolean }

function fixtureSeats(): FixtureSeat[] {
  const seats: FixtureSeat[] = [];
  const letters = [['A', -1.3], ['B', -0.82], ['C', -0.34], ['D', 0.34], ['E', 0.82], ['F', 1.3]] as const;
  for (let row = 21; row <= 25; row++) {
    for (const [letter, x] of letters) {
      seats.push({ id: `${row}${letter}`, row, letter, class: row === 21 ? 'business' : 'economy', x, z: -3 + (row - 21) * 0.9, window: letter === 'A' || letter === 'F', aisle: letter === 'C' || letter === 'D' });
    }
  }
  return seats;
}

export function fixtureManifest(id: string): TourManifest {
  const seats = fixtureSeats();
  return {
    version: 1,
    id,
    kind: 'cabin',
    title: 'Fixture cabin',
    description: 'A short cabin section for browser tests.',
    scene: 'scene.glb',
    start: 'aisle-front',
    viewpoints: [
      { id: 'aisle-front', title: 'Aisle, front', position: [0, 1.6, -3.8], yaw: 0, pitch: 0, panorama: 'pano-aisle-front.webp' },
      { id: 'aisle-back', title: 'Aisle, back', position: [0, 1.6, 3.5], yaw: 180, pitch: 0, panorama: 'pano-aisle-back.webp' },
      ...seats.map((s) => ({ id: `seat-${s.id.toLowerCase()}`, title: `Seat ${s.id}`, position: [s.x, 1.15, s.z] as [number, number, number], yaw: 0, pitch: 0, seat: s.id })),
    ],
    links: [
      { from: 'aisle-front', to: 'aisle-back' },
      { from: 'aisle-back', to: 'aisle-front' },
      ...seats.map((s) => ({ from: `seat-${s.id.toLowerCase()}`, to: 'aisle-back' })),
    ],
    hotspots: [
      { id: 'galley-trolley', title: 'Galley trolley', text: 'Snacks and drinks come round after take-off.', position: [0, 1.05, FRONT_Z + 0.5], node: 'poi-galley-trolley', price: { amount: 12.5, currency: 'EUR', per: 'meal' } },
    ],
    plan: {
      kind: 'seats',
      bounds: { minX: -HALF_WIDTH - 0.2, minZ: FRONT_Z - 0.2, maxX: HALF_WIDTH + 0.2, maxZ: BACK_Z + 0.2 },
      shapes: [
        { kind: 'fuselage', points: [[-HALF_WIDTH, FRONT_Z], [HALF_WIDTH, FRONT_Z], [HALF_WIDTH, BACK_Z], [-HALF_WIDTH, BACK_Z]] },
        { kind: 'galley', label: 'Galley', points: [[-1, FRONT_Z], [1, FRONT_Z], [1, FRONT_Z + 0.8], [-1, FRONT_Z + 0.8]] },
      ],
      seats: seats.map((s) => ({
        id: s.id, row: s.row, letter: s.letter, class: s.class, x: s.x, z: s.z, width: 0.46, depth: 0.8,
        viewpoint: `seat-${s.id.toLowerCase()}`, window: s.window, aisle: s.aisle, exitRow: s.row === 24,
        windowView: s.window ? (s.row === 23 ? 'partial' : 'full') : 'none', option: s.class === 'business' ? 'business-seat' : 'economy-seat',
      })),
    },
    bookables: [
      { id: 'business-seat', title: 'Business seat', text: '', price: { amount: 189, currency: 'EUR', per: 'seat' } },
      { id: 'economy-seat', title: 'Seat reservation', text: '', price: { amount: 24.9, currency: 'EUR', per: 'seat' } },
    ],
  };
}

/** The same walls as a hotel room with a floor plan: an entrance and a window viewpoint, a bed and a minibar. */
export function fixtureRoomManifest(id: string): TourManifest {
  const h = HALF_WIDTH;
  return {
    version: 1,
    id,
    kind: 'hotel-room',
    title: 'Fixture room',
    description: 'A long room for browser tests.',
    scene: 'scene.glb',
    start: 'entrance',
    viewpoints: [
      { id: 'entrance', title: 'Entrance', position: [0, 1.6, 3.5], yaw: 0, pitch: -5, panorama: 'pano-aisle-back.webp' },
      { id: 'window', title: 'By the window', position: [0, 1.6, -3.8], yaw: 180, pitch: 0, panorama: 'pano-aisle-front.webp' },
    ],
    links: [{ from: 'entrance', to: 'window' }, { from: 'window', to: 'entrance' }],
    hotspots: [
      { id: 'minibar', title: 'Minibar', text: 'Soft drinks and snacks, restocked daily.', position: [0, 1.05, FRONT_Z + 0.5], node: 'poi-galley-trolley', option: 'breakfast' },
    ],
    plan: {
      kind: 'floor',
      bounds: { minX: -h - 0.3, minZ: FRONT_Z - 0.3, maxX: h + 0.3, maxZ: BACK_Z + 0.3 },
      shapes: [
        { kind: 'room', label: 'Bedroom', points: [[-h, FRONT_Z], [h, FRONT_Z], [h, 1], [-h, 1]] },
        { kind: 'room', label: 'Hall', points: [[-h, 1], [h, 1], [h, BACK_Z], [-h, BACK_Z]] },
        { kind: 'wall', points: [[-h - 0.1, FRONT_Z - 0.1], [h + 0.1, FRONT_Z - 0.1], [h + 0.1, FRONT_Z], [-h - 0.1, FRONT_Z]] },
        { kind: 'wall', points: [[-h - 0.1, BACK_Z], [h + 0.1, BACK_Z], [h + 0.1, BACK_Z + 0.1], [-h - 0.1, BACK_Z + 0.1]] },
        { kind: 'wall', points: [[-h - 0.1, FRONT_Z], [-h, FRONT_Z], [-h, BACK_Z], [-h - 0.1, BACK_Z]] },
        { kind: 'wall', points: [[h, FRONT_Z], [h + 0.1, FRONT_Z], [h + 0.1, BACK_Z], [h, BACK_Z]] },
        { kind: 'window', points: [[-1, FRONT_Z - 0.1], [1, FRONT_Z - 0.1], [1, FRONT_Z], [-1, FRONT_Z]] },
        { kind: 'furniture', label: 'Bed', points: [[-1.6, -3], [0.2, -3], [0.2, -1], [-1.6, -1]] },
        { kind: 'door', points: [[-0.5, BACK_Z], [0.5, BACK_Z], [0.5, BACK_Z + 0.1], [-0.5, BACK_Z + 0.1]] },
      ],
      seats: [],
    },
    bookables: [{ id: 'breakfast', title: 'Breakfast in the room', text: '', price: { amount: 18, currency: 'EUR', per: 'person' } }],
  };
}

/** The fixture room as a splat capture alone: no glTF and no panoramas, so it is shown in 3D only. */
export function fixtureSplatManifest(id: string): TourManifest {
  return {
    version: 1,
    id,
    kind: 'other',
    title: 'Fixture splat',
    description: 'The fixture room as a Gaussian-splat capture.',
    splat: 'scene.ply',
    start: 'front',
    viewpoints: [
      { id: 'front', title: 'Front', position: [0, 1.6, -3.8], yaw: 0, pitch: 0 },
      { id: 'back', title: 'Back', position: [0, 1.6, 3.5], yaw: 180, pitch: 0 },
    ],
    links: [{ from: 'front', to: 'back' }, { from: 'back', to: 'front' }],
    hotspots: [],
    bookables: [],
  };
}

/** Writes the fixture tour into `<toursDir>/<id>/`. */
export async function writeFixtureTour(toursDir: string, id = 'fixture-cabin'): Promise<string> {
  const dir = path.join(toursDir, id);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'scene.glb'), await sceneGlb());
  await writeFile(path.join(dir, 'pano-aisle-front.webp'), await panoramaWebp('front'));
  await writeFile(path.join(dir, 'pano-aisle-back.webp'), await panoramaWebp('back'));
  await writeFile(path.join(dir, 'tour.json'), JSON.stringify(fixtureManifest(id), null, 2));
  return dir;
}

/** Writes the fixture room (the same files, a hotel room's tour.json) into `<toursDir>/<id>/`. */
export async function writeFixtureRoom(toursDir: string, id = 'fixture-room'): Promise<string> {
  const cabin = await writeFixtureTour(toursDir, id);
  await writeFile(path.join(cabin, 'tour.json'), JSON.stringify(fixtureRoomManifest(id), null, 2));
  return cabin;
}

/** Writes the splat-only fixture tour (tour.json and scene.ply) into `<toursDir>/<id>/`. */
export async function writeFixtureSplat(toursDir: string, id = 'fixture-splat'): Promise<string> {
  const dir = path.join(toursDir, id);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'scene.ply'), splatPly());
  await writeFile(path.join(dir, 'tour.json'), JSON.stringify(fixtureSplatManifest(id), null, 2));
  return dir;
}

/**
 * A tours folder for one journey's server (SIGHTLINE_TOURS_DIR): the fixture tours, beside copies of
 * the generated tours in assets/tours where they have been made.
 */
export async function prepareToursDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sightline-tours-'));
  await writeFixtureTour(dir);
  await writeFixtureRoom(dir);
  const builtIn = path.join(repoRoot, 'assets/tours');
  if (existsSync(builtIn)) {
    for (const entry of await readdir(builtIn, { withFileTypes: true })) {
      // Copied, not linked: the server reads only real folders.
      if (entry.isDirectory() && existsSync(path.join(builtIn, entry.name, 'tour.json'))) await cp(path.join(builtIn, entry.name), path.join(dir, entry.name), { recursive: true });
    }
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Gives the journey's server a tours folder of its own (prepareToursDir) and removes it after the
 * file. Call it before useJourney: the server reads SIGHTLINE_TOURS_DIR when it starts, and stops
 * before the folder goes.
 */
export function useToursDir(): void {
  let tours: Awaited<ReturnType<typeof prepareToursDir>> | undefined;
  beforeAll(async () => {
    tours = await prepareToursDir();
    process.env.SIGHTLINE_TOURS_DIR = tours.dir;
  });
  afterAll(async () => {
    delete process.env.SIGHTLINE_TOURS_DIR;
    await tours?.remove();
  });
}
