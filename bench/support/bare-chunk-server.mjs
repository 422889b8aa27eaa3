// The HTTP floor of a durable upload: a bare node:http server that receives a PUT body, hashes it, writes
// and fsyncs it, renames it into place and fsyncs the folder, then answers. No routing, auth, database
// or ledger. Prints its port on the first line of stdout. Run by bench/chunk-ingest.ts as a child process.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: bare-chunk-server.mjs <folder>');

const server = http.createServer(async (req, res) => {
  const pieces = [];
  const hash = crypto.createHash('sha256');
  for await (const piece of req) {
    pieces.push(piece);
    hash.update(piece);
  }
  const temp = path.join(dir, `t-${crypto.randomUUID()}`);
  const file = await fsp.open(temp, 'wx');
  await file.writeFile(Buffer.concat(pieces));
  await file.sync();
  await file.close();
  await fsp.rename(temp, path.join(dir, hash.digest('hex')));
  const folder = await fsp.open(dir, 'r');
  await folder.sync();
  await folder.close();
  res.end();
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
fs.mkdirSync(dir, { recursive: true });
