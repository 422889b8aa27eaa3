// Whether a tour's splat file is what its extension says, from its first bytes: a file renamed or cut
// short is refused at start with the file named, rather than failing in every customer's browser.
// .splat and .ksplat have no signature to check.

/** Why the file cannot be the splat its name says, or null if its first bytes fit. */
export function splatFileProblem(name: string, head: Uint8Array): string | null {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  const startsWith = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  switch (extension) {
    case 'ply':
      return startsWith(0x70, 0x6c, 0x79, 0x0a) ? null : 'not a PLY file (it does not start with "ply")';
    case 'spz':
      return startsWith(0x1f, 0x8b) ? null : 'not an SPZ file (SPZ is gzip-compressed; this is not)';
    case 'sog':
      return startsWith(0x50, 0x4b, 0x03, 0x04) ? null : 'not a SOG file (SOG is a zip archive; this is not)';
    default:
      return null;
  }
}
