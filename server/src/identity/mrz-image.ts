// The crops of a document photo that the MRZ OCR reads: greyscale, the lower band where the zone is printed
// (then a wider band and the whole frame, for a photo where the document does not fill it), scaled to two
// widths, normalised, with a white margin (print touching the edge loses its last character), plain and
// thresholded (each reads some prints and lighting better than the other).
import sharp from 'sharp';

/** The share of the photo's height, from the bottom, that each crop keeps. */
const TIGHT = 0.42;
const WIDE = 0.62;
const WHOLE = 1;
/**
 * The widths a crop is scaled to. Measured on the generated TD1 and TD3 documents, alone and on a table:
 * much wider, the OCR miscounts the `<` filler and drops a line's last digit; which of these two reads
 * best depends on how much of the frame the document fills.
 */
const WIDTHS = [1200, 900] as const;
const MARGIN = 60;
const THRESHOLD = 150;

interface Crop { share: number; width: number; threshold: boolean }

/**
 * `probes`: the two crops read first (the tight band, the whole frame); when neither shows MRZ filler the
 * photo has no MRZ to find and `more` is not read (each OCR pass costs ~0.2–1.5 s).
 */
const PROBES: Crop[] = [{ share: TIGHT, width: WIDTHS[0], threshold: false }, { share: WHOLE, width: WIDTHS[0], threshold: false }];
const MORE: Crop[] = [
  { share: TIGHT, width: WIDTHS[1], threshold: false }, { share: TIGHT, width: WIDTHS[0], threshold: true },
  { share: WIDE, width: WIDTHS[0], threshold: false }, { share: WIDE, width: WIDTHS[1], threshold: false }, { share: WIDE, width: WIDTHS[0], threshold: true },
  { share: WHOLE, width: WIDTHS[1], threshold: false }, { share: WHOLE, width: WIDTHS[0], threshold: true },
];

export interface MrzCrops {
  probes: () => Promise<Buffer[]>;
  more: () => Promise<Buffer[]>;
}

export async function mrzCrops(image: Buffer): Promise<MrzCrops> {
  const rotated = await sharp(image).rotate().greyscale().toBuffer({ resolveWithObject: true });
  const { width, height } = rotated.info;
  const render = async ({ share, width: scaled, threshold }: Crop): Promise<Buffer> => {
    const top = Math.floor(height * (1 - share));
    let crop = sharp(rotated.data).extract({ left: 0, top, width, height: height - top }).resize({ width: scaled, kernel: 'lanczos3' }).normalise();
    if (threshold) crop = crop.threshold(THRESHOLD);
    return crop.extend({ top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, background: '#ffffff' }).png().toBuffer();
  };
  return { probes: () => Promise.all(PROBES.map(render)), more: () => Promise.all(MORE.map(render)) };
}
