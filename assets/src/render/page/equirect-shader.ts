// The cube map → equirectangular shader. A pixel at (u, v), v from the top, looks at yaw
// 180° − 360°·u about +Y (u = 0.5 along −Z, u = 0.25 along −X: protocol/tour.ts) and pitch 90° − 180°·v.
// Each pixel averages samples × samples directions across its footprint, so edges are smooth.
export const EQUIRECT_VERTEX = /* glsl */ `
void main() {
  gl_Position = vec4(position.xy, 0.0, 1.0);
}
`;

export const EQUIRECT_FRAGMENT = /* glsl */ `
uniform samplerCube cube;
uniform vec2 size;
uniform int samples;
const float PI = 3.141592653589793;

vec3 direction(vec2 uv) {
  float lon = (uv.x - 0.5) * 2.0 * PI;
  float lat = (0.5 - uv.y) * PI;
  return vec3(sin(lon) * cos(lat), sin(lat), -cos(lon) * cos(lat));
}

vec3 toSrgb(vec3 c) {
  c = clamp(c, 0.0, 1.0);
  return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
}

void main() {
  vec3 sum = vec3(0.0);
  for (int i = 0; i < 8; i++) {
    if (i >= samples) break;
    for (int j = 0; j < 8; j++) {
      if (j >= samples) break;
      // Row 0 of the target is the picture's top row: read back, it needs no flip.
      vec2 uv = (gl_FragCoord.xy - 0.5 + (vec2(float(i), float(j)) + 0.5) / float(samples)) / size;
      sum += textureCube(cube, direction(uv)).rgb;
    }
  }
  gl_FragColor = vec4(toSrgb(sum / float(samples * samples)), 1.0);
}
`;
