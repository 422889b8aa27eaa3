// The offer form: defaults from the customer's seat and the option's price; bad input named by field.
import { describe, expect, it } from 'vitest';
import { readTour, type TourManifest } from '../../../../protocol/tour.ts';
import { NO_EDITS, offerFields, readOffer } from './offer-draft.ts';

function tour(kind: 'cabin' | 'hotel'): TourManifest {
  const price = (amount: number) => ({ amount, currency: 'EUR', per: 'seat' });
  const reading = readTour({
    version: 1, id: 'sample', kind: kind === 'cabin' ? 'cabin' : 'hotel-room', title: 'Sample', start: 'aisle',
    viewpoints: [{ id: 'aisle', title: 'Aisle', position: [0, 1.6, 0], yaw: 0, panorama: 'a.webp' }],
    bookables: [
      { id: 'economy-seat', title: 'Seat reservation', price: price(15) },
      { id: 'exit-row-seat', title: 'Exit row seat', price: { amount: 35, currency: 'GBP' } },
    ],
    ...(kind === 'cabin'
      ? {
          plan: {
            kind: 'seats', bounds: { minX: -5, minZ: -2, maxX: 5, maxZ: 30 }, shapes: [],
            seats: [
              { id: '23A', row: 23, letter: 'A', class: 'economy', x: 1, z: 2, width: 0.45, depth: 0.8, viewpoint: 'aisle', window: true, aisle: false, option: 'economy-seat' },
              { id: '12F', row: 12, letter: 'F', class: 'economy', x: 1, z: 9, width: 0.45, depth: 0.8, viewpoint: 'aisle', window: true, aisle: false, option: 'exit-row-seat' },
            ],
          },
        }
      : {}),
  });
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
  return reading.tour;
}

describe('offer form', () => {
  it('offers the customer’s seat with its option at the option’s price', () => {
    expect(offerFields(tour('cabin'), NO_EDITS, '12F')).toEqual({ option: 'exit-row-seat', seat: '12F', amount: '35', currency: 'GBP' });
    expect(offerFields(tour('cabin'), NO_EDITS, null)).toEqual({ option: 'economy-seat', seat: '', amount: '15', currency: 'EUR' });
  });

  it('keeps what the agent typed, and follows a chosen option’s price until the amount is typed over', () => {
    const cabin = tour('cabin');
    expect(offerFields(cabin, { ...NO_EDITS, seat: '23A' }, '12F')).toMatchObject({ seat: '23A', option: 'economy-seat', amount: '15' });
    expect(offerFields(cabin, { ...NO_EDITS, option: 'exit-row-seat' }, '23A')).toMatchObject({ option: 'exit-row-seat', amount: '35', currency: 'GBP' });
    expect(offerFields(cabin, { ...NO_EDITS, amount: '29.5' }, '23A').amount).toBe('29.5');
  });

  it('has no seat for a hotel, and no option for a tour with nothing to book', () => {
    expect(offerFields(tour('hotel'), NO_EDITS, '23A')).toEqual({ option: 'economy-seat', seat: '', amount: '15', currency: 'EUR' });
    const empty = { ...tour('hotel'), bookables: [] };
    expect(offerFields(empty, NO_EDITS, null)).toEqual({ option: '', seat: '', amount: '', currency: '' });
  });

  it('makes a tour-offer message, or names the field at fault', () => {
    expect(readOffer({ option: 'economy-seat', seat: '23a', amount: '15', currency: 'eur' })).toEqual({
      ok: true,
      message: { v: 1, type: 'tour-offer', option: 'economy-seat', seat: '23A', amount: 15, currency: 'EUR' },
    });
    expect(readOffer({ option: 'suite', seat: '', amount: '289', currency: 'EUR' })).toEqual({ ok: true, message: { v: 1, type: 'tour-offer', option: 'suite', amount: 289, currency: 'EUR' } });
    expect(readOffer({ option: 'suite', seat: '', amount: '', currency: 'EUR' })).toEqual({ ok: false, problem: 'Amount: a number, 0 or more' });
    expect(readOffer({ option: 'suite', seat: '', amount: '-1', currency: 'EUR' })).toMatchObject({ ok: false, problem: expect.stringMatching(/^Amount/) });
    expect(readOffer({ option: 'suite', seat: 'X9', amount: '1', currency: 'EUR' })).toMatchObject({ ok: false, problem: expect.stringMatching(/^Seat/) });
    expect(readOffer({ option: 'suite', seat: '', amount: '1', currency: 'EU' })).toMatchObject({ ok: false, problem: expect.stringMatching(/^Currency/) });
  });
});
