// What a user's PDF tools see in a report: poppler-utils (pdftotext, pdfinfo, pdfimages, pdftoppm).
// Poppler reports a malformed PDF on stderr and carries on, so any stderr output fails the call.
import { spawnSync } from 'node:child_process';

function run(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0 || result.stderr.trim() !== '') {
    throw new Error(`${tool} ${args.join(' ')} failed (exit ${result.status}): ${result.stderr.trim()}`);
  }
  return result.stdout;
}

export const pdfText = (file: string, page?: number): string =>
  run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-']);

/** The text with every run of white space (line breaks, column gaps) as one space, for phrases that wrap. */
export const pdfFlatText = (file: string, page?: number): string => pdfText(file, page).replace(/\s+/g, ' ');

/** One row per font: name, embedded, subset. */
export function pdfFonts(file: string): Array<{ name: string; embedded: boolean; subset: boolean }> {
  return run('pdffonts', [file]).split('\n').slice(2).filter((line) => line.trim() !== '').map((line) => {
    const columns = line.trim().split(/\s+/);
    // name … emb sub uni object ID: the flags are the fifth and fourth columns from the end.
    return { name: columns[0] ?? '', embedded: columns.at(-5) === 'yes', subset: columns.at(-4) === 'yes' };
  });
}

export function pdfPageCount(file: string): number {
  const match = /^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [file]));
  if (!match?.[1]) throw new Error(`pdfinfo found no page count in ${file}`);
  return Number(match[1]);
}

/** One row per embedded image: page, width, height, type ("jpeg" for a DCT image). */
export function pdfImages(file: string): Array<{ page: number; width: number; height: number; encoding: string }> {
  return run('pdfimages', ['-list', file])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [page, , , width, height, , , , encoding] = line.trim().split(/\s+/);
      return { page: Number(page), width: Number(width), height: Number(height), encoding: encoding ?? '' };
    });
}

/** Renders one page to `<prefix>-<n>.png` and returns the file written. */
export function renderPage(file: string, page: number, prefix: string, dpi = 60): string {
  run('pdftoppm', ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), '-singlefile', file, `${prefix}-${page}`]);
  return `${prefix}-${page}.png`;
}
