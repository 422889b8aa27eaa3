// The crops of a document photo that the MRZ OCR reads: greyscale, the lower band where the zone is printed
// (then wider bands and the whole frame, for a photo where the document does not fill it), scaled to two
// widths, normalised, with a white margin (print touching the edge loses its last
// character), plain and thresholded (each reads some fonts and lighting better than the other).
import sharp from 'sharp';

/** The share of the photo's height, from the bottom, that each crop keeps: the tightest first. */
const BANDS = [0.42, 0.62, 1];
/**
 * The widths a crop is scaled to. Measured on the generated TD1 and TD3 documents, alone and on a table:
 * much wider, the OCR miscounts the `<` filler and drops a line's last digit; which of these two reads
 * best depends on how much of the frame the document fills.
 */
const WIDTHS = [1200, 900];
const MARGIN = 60;
const THRESHOLD = 150;

/** The crops to try in order, each a PNG. */
export async function mrzCrops(image: Buffer): Promise<Buffer[]> {
  const rotated = await sharp(image).rotate().greyscale().toBuffer({ resolveWithObject: true });
  const { width, height } = rotated.info;
  const crops: Buffer[] = [];
  for (const share of BANDS) {
    const top = Math.floor(height * (1 - share));
    for (const [scaled, threshold] of [[WIDTHS[0]!, false], [WIDTHS[1]!, false], [WIDTHS[0]!, true]] as const) {
      let crop = sharp(rotated.data).extract({ left: 0, top, width, height: height - top }).resize({ width: scaled, kernel: 'lanczos3' }).normalise();
      if (threshold) crop = crop.threshold(THRESHOLD);
      crops.push(await crop.extend({ top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, background: '#ffffff' }).png().toBuffer());
    }
  }
  return crops;
}
