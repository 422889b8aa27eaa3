// Pictures for the cabin's flat fronts: galley bays with trolleys and ovens, a lavatory door, the
// boarding door, an overwing exit hatch, the passenger service units under the bins.
import { circle, roundRect, shadeRect, stamp } from '../textures/draw.ts';
import { hex, paint, shade, type Picture } from '../textures/image.ts';
import { fbm } from '../textures/noise.ts';
import { sign } from '../textures/pictures.ts';

const LAMINATE = hex('#e4e3df');
const STEEL = hex('#b7babd');

function laminate(width: number, height: number, colour = LAMINATE): Picture {
  return paint(width, height, (u, v) => shade(colour, 0.96 + 0.05 * fbm(u, v, 48, 2, 5)));
}

/** A galley's front: trolley bays below the counter, ovens, coffee makers and lockers above. */
export function galleyFront(width: number, height: number): Picture {
  const p = paint(width, height, (u, v) => shade(STEEL, 0.9 + 0.12 * fbm(u, v, 2, 5, 9, [1, 40])));
  const counter = height * 0.53;
  // Trolleys: dark fronts with a red latch and a handle bar.
  const bays = 2;
  for (let i = 0; i < bays; i++) {
    const x0 = (width * i) / bays + 6;
    const x1 = (width * (i + 1)) / bays - 6;
    shadeRect(p, x0, counter + 20, x1, height - 8, hex('#4b4f55'), hex('#30343a'));
    roundRect(p, x0 + 10, counter + 40, x1 - 10, counter + 52, 5, hex('#9ea3a8'));
    roundRect(p, (x0 + x1) / 2 - 14, counter + 70, (x0 + x1) / 2 + 14, counter + 86, 3, hex('#b3261e'));
    for (let k = 1; k < 5; k++) roundRect(p, x0 + 8, counter + 20 + ((height - counter - 28) * k) / 5, x1 - 8, counter + 22 + ((height - counter - 28) * k) / 5, 1, hex('#3a3e44'));
  }
  // The counter's edge, then ovens and coffee makers, then lockers.
  shadeRect(p, 0, counter, width, counter + 14, hex('#d9dcdf'), hex('#8c9095'));
  const row = (n: number, face: (x0: number, x1: number) => void) => {
    for (let i = 0; i < n; i++) face((width * i) / n + 5, (width * (i + 1)) / n - 5);
  };
  const ovenTop = height * 0.3;
  row(2, (x0, x1) => {
    roundRect(p, x0, ovenTop, x1, counter - 12, 6, hex('#c9ccd0'));
    roundRect(p, x0 + 12, ovenTop + 18, x1 - 12, counter - 40, 4, hex('#2c3036'));
    circle(p, x1 - 20, counter - 26, 6, hex('#3f8f4a'));
  });
  row(3, (x0, x1) => {
    roundRect(p, x0, 8, x1, ovenTop - 8, 5, hex('#d4d6d9'));
    roundRect(p, (x0 + x1) / 2 - 16, ovenTop - 30, (x0 + x1) / 2 + 16, ovenTop - 22, 3, hex('#7d8287'));
  });
  return p;
}

/** A lavatory's folding door with its sign and the lock's indicator. */
export function lavatoryDoor(width: number, height: number): Picture {
  const p = laminate(width, height);
  roundRect(p, 10, 10, width - 10, height - 10, 14, hex('#b9b8b4'), { line: 3 });
  roundRect(p, width / 2 - 2, 14, width / 2 + 2, height - 14, 2, hex('#c4c3bf'));
  stamp(p, sign(96, 48, 'WC', hex('#f4f4f2'), hex('#3b4a66')), Math.round(width / 2 - 48), Math.round(height * 0.32));
  roundRect(p, width * 0.72, height * 0.5, width * 0.72 + 26, height * 0.5 + 12, 3, hex('#3f8f4a'));
  roundRect(p, width * 0.7, height * 0.53, width * 0.82, height * 0.56, 4, hex('#8d9196'));
  return p;
}

/** The boarding door: panel seams, a placard and the arming lever's cover. */
export function cabinDoor(width: number, height: number): Picture {
  const p = laminate(width, height, hex('#dcdbd6'));
  roundRect(p, 12, 12, width - 12, height - 12, 30, hex('#a9a8a3'), { line: 4 });
  roundRect(p, width * 0.2, height * 0.62, width * 0.8, height * 0.7, 8, hex('#c7c6c1'));
  roundRect(p, width * 0.3, height * 0.74, width * 0.7, height * 0.8, 4, hex('#b3261e'));
  roundRect(p, width * 0.62, height * 0.42, width * 0.86, height * 0.46, 6, hex('#8d9196'));
  return p;
}

/** An overwing exit hatch: its outline, the red pull handle and an instruction placard. */
export function exitHatch(width: number, height: number): Picture {
  const p = laminate(width, height, hex('#e0dfda'));
  roundRect(p, 6, 6, width - 6, height - 6, 26, hex('#b3261e'), { line: 5 });
  roundRect(p, width * 0.2, height * 0.06, width * 0.8, height * 0.12, 8, hex('#b3261e'));
  roundRect(p, width * 0.25, height * 0.72, width * 0.75, height * 0.86, 6, hex('#cfcdc6'));
  return p;
}

/** A passenger service unit strip: reading lights, air vents and the seat-belt sign, one set per row. */
export function serviceUnit(width: number, height: number): Picture {
  const p = laminate(width, height, hex('#cfcfcb'));
  const mid = height / 2;
  for (const f of [0.14, 0.26, 0.38]) {
    circle(p, width * f, mid, height * 0.15, hex('#9a9b98'));
    circle(p, width * f, mid, height * 0.09, hex('#eeeeea'));
  }
  for (const f of [0.52, 0.6, 0.68]) {
    circle(p, width * f, mid, height * 0.13, hex('#55585c'));
    circle(p, width * f, mid, height * 0.05, hex('#2a2c2f'));
  }
  roundRect(p, width * 0.78, mid - height * 0.16, width * 0.92, mid + height * 0.16, 6, hex('#1f2226'));
  circle(p, width * 0.82, mid, height * 0.07, hex('#e8e6df'));
  circle(p, width * 0.88, mid, height * 0.07, hex('#e8e6df'));
  return p;
}
