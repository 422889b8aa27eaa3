// `npm run tour:check -- <folder>…`: reads tour folders as the server would and says, for each, that it
// will be offered or why not (the field or file at fault). Exit 0 when all are whole, 1 when any is
// refused, 2 when called wrongly. A folder holding tour folders is checked one by one.
import fs from 'node:fs';
import path from 'node:path';
import { loadTourLibrary, readTourFolder, TOUR_MANIFEST } from './tour-library.ts';

const folders = process.argv.slice(2);
if (folders.length === 0) {
  console.error('usage: npm run tour:check -- <tour folder or folder of tours>…');
  process.exit(2);
}

let refused = 0;
const report = (name: string, result: ReturnType<typeof readTourFolder>): void => {
  if (typeof result === 'string') {
    refused++;
    console.log(`REFUSED ${name}: ${result}`);
  } else {
    const { summary } = result;
    console.log(`OK ${summary.id}: ${summary.viewpoints} viewpoints, ${summary.seats} seats, ${result.files.size} files, ${summary.bytes} bytes`);
  }
};

for (const folder of folders) {
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`cannot check ${folder}: not a folder`);
    process.exit(2);
  }
  if (fs.existsSync(path.join(folder, TOUR_MANIFEST))) {
    report(folder, readTourFolder(folder));
    continue;
  }
  const library = loadTourLibrary(folder);
  for (const { id } of library.list()) report(id, library.get(id)!);
  for (const { folder: name, reason } of library.refused) report(name, reason);
  if (library.list().length + library.refused.length === 0) console.log(`no tours in ${folder}`);
}
process.exit(refused > 0 ? 1 : 0);
