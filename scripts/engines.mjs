// The engines the scale-out tests start themselves: PostgreSQL, redis-server, coturn, haproxy; and the
// Debian packages other tests read with: DejaVu fonts (the PDF report, the generated ID cards the MRZ
// reader is tested on), Noto CJK (the pages in Simplified Chinese) and poppler's pdftotext/pdftoppm (the report's text and pictures). On Debian
// as root, `ensureEngines()` installs whichever are missing (as scripts/chromium.mjs does for Chromium);
// elsewhere it names them, and the tests that need one are skipped saying why.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { findPostgres } from './postgres.mjs';

const ENGINES = [
  { name: 'postgresql', present: () => findPostgres() !== null },
  { name: 'redis-server', present: () => fs.existsSync('/usr/bin/redis-server') },
  { name: 'coturn', present: () => fs.existsSync('/usr/bin/turnserver') },
  { name: 'haproxy', present: () => fs.existsSync('/usr/sbin/haproxy') },
  { name: 'fonts-dejavu-core', present: () => fs.existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf') },
  { name: 'fonts-noto-cjk', present: () => fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc') },
  { name: 'poppler-utils', present: () => fs.existsSync('/usr/bin/pdftotext') && fs.existsSync('/usr/bin/pdftoppm') },
];

/** Installs the missing engines when it can; returns the names still missing. */
export function ensureEngines() {
  const missing = ENGINES.filter((engine) => !engine.present()).map((engine) => engine.name);
  if (missing.length === 0) return [];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!fs.existsSync('/etc/debian_version') || !isRoot) return missing;
  console.log(`Installing Debian's ${missing.join(', ')} for the scale-out tests (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  return ENGINES.filter((engine) => !engine.present()).map((engine) => engine.name);
}
