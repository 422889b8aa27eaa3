// Runs in headless Chromium: loads a tour's scene.glb with three.js (meshopt, WebP, instancing) and
// renders from a point either an equirectangular panorama (a cube map turned into longitude and
// latitude by a shader) or an ordinary perspective view. Node reads the pixels back in strips.
import {
  CubeCamera,
  HalfFloatType,
  LinearFilter,
  Mesh,
  OrthographicCamera,
  PerspectiveCamera,
  PlaneGeometry,
  Scene,
  ShaderMaterial,
  UnsignedByteType,
  WebGLCubeRenderTarget,
  WebGLRenderer,
  WebGLRenderTarget,
  type Object3D,
} from 'three';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { EQUIRECT_FRAGMENT, EQUIRECT_VERTEX } from './equirect-shader.ts';

const canvas = document.querySelector('canvas')!;
const renderer = new WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true });
renderer.setPixelRatio(1);
let scene: Scene | null = null;
let target: WebGLRenderTarget | null = null;

async function load(url: string): Promise<void> {
  const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
  const gltf = await loader.loadAsync(url);
  scene = new Scene();
  scene.add(gltf.scene as Object3D);
  scene.updateMatrixWorld(true);
}

/** Renders the panorama seen from (x, y, z) into a width × width/2 target, kept for `strip`. */
function panorama(position: [number, number, number], width: number, faceSize: number, samples: number): void {
  if (!scene) throw new Error('no scene loaded');
  const cube = new WebGLCubeRenderTarget(faceSize, { type: HalfFloatType, generateMipmaps: false, minFilter: LinearFilter, magFilter: LinearFilter });
  const camera = new CubeCamera(0.02, 300, cube);
  camera.position.set(...position);
  camera.updateMatrixWorld(true);
  camera.update(renderer, scene);
  target?.dispose();
  target = new WebGLRenderTarget(width, width / 2, { type: UnsignedByteType, generateMipmaps: false, depthBuffer: false });
  const material = new ShaderMaterial({
    vertexShader: EQUIRECT_VERTEX,
    fragmentShader: EQUIRECT_FRAGMENT,
    uniforms: { cube: { value: cube.texture }, size: { value: [width, width / 2] }, samples: { value: samples } },
    depthTest: false,
    depthWrite: false,
  });
  const quad = new Mesh(new PlaneGeometry(2, 2), material);
  const flat = new Scene().add(quad);
  renderer.setRenderTarget(target);
  renderer.render(flat, new OrthographicCamera(-1, 1, 1, -1, 0, 1));
  renderer.setRenderTarget(null);
  cube.dispose();
  material.dispose();
  quad.geometry.dispose();
}

/** Rows [row, row + rows) of the last panorama as base64 RGB, top row first. */
function strip(row: number, rows: number): string {
  if (!target) throw new Error('no panorama rendered');
  const width = target.width;
  const rgba = new Uint8Array(width * rows * 4);
  renderer.readRenderTargetPixels(target, 0, row, width, rows, rgba);
  const rgb = new Uint8Array(width * rows * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i]!;
    rgb[j + 1] = rgba[i + 1]!;
    rgb[j + 2] = rgba[i + 2]!;
  }
  let binary = '';
  for (let i = 0; i < rgb.length; i += 0x8000) binary += String.fromCharCode(...rgb.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** An ordinary photograph from a viewpoint, as a PNG data URL. */
function view(position: [number, number, number], yaw: number, pitch: number, fov: number, width: number, height: number): string {
  if (!scene) throw new Error('no scene loaded');
  renderer.setSize(width, height, false);
  const camera = new PerspectiveCamera(fov, width / height, 0.02, 300);
  camera.position.set(...position);
  camera.rotation.set((pitch * Math.PI) / 180, (yaw * Math.PI) / 180, 0, 'YXZ');
  camera.updateMatrixWorld(true);
  renderer.render(scene, camera);
  return canvas.toDataURL('image/png');
}

Object.assign(window, { sightlineRender: { load, panorama, strip, view } });
document.title = 'ready';
