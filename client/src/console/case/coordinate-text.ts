// A coordinate as an assessor pastes it from a map or a message: "55.9756, -3.1711", "55.9756 -3.1711",
// "55.9756° N, 3.1711° W" or with a true minus sign. Pure, so the address card and its tests agree.
import { i18next } from '../../i18n/i18n.ts';

const t = (key: string, options?: Record<string, unknown>): string => i18next.t(`console:coordinate.${key}`, options);

export type CoordinateReading = { ok: true; latitude: number; longitude: number } | { ok: false; reason: string };

const NUMBER = String.raw`([+-]?\d{1,3}(?:\.\d+)?)\s*°?\s*([NSEW])?`;
const PAIR = new RegExp(String.raw`^${NUMBER}\s*[,;\s]\s*${NUMBER}$`, 'i');

export function readCoordinate(input: string): CoordinateReading {
  const text = input.trim().replace(/[\u2212\u2013]/g, '-');
  if (text === '') return { ok: false, reason: t('empty') };
  const match = PAIR.exec(text);
  if (!match) return { ok: false, reason: t('format') };
  const [, latText, latHemi, lonText, lonHemi] = match;
  const signed = (value: string, hemisphere: string | undefined, negative: string): number => {
    const n = Number(value);
    return hemisphere && hemisphere.toUpperCase() === negative ? -Math.abs(n) : n;
  };
  if ((latHemi && !/[NS]/i.test(latHemi)) || (lonHemi && !/[EW]/i.test(lonHemi))) {
    return { ok: false, reason: t('order') };
  }
  const latitude = signed(latText!, latHemi, 'S');
  const longitude = signed(lonText!, lonHemi, 'W');
  if (Math.abs(latitude) > 90) return { ok: false, reason: t('latitude', { latitude }) };
  if (Math.abs(longitude) > 180) return { ok: false, reason: t('longitude', { longitude }) };
  return { ok: true, latitude, longitude };
}

/** The form's text for a stored coordinate: "55.9756, -3.1711". */
export function coordinateText(latitude: number, longitude: number): string {
  return `${latitude}, ${longitude}`;
}
