// Zips written byte by byte, as an attacker would: central-directory records that point wherever the
// builder says (several at one local entry), deflate bombs made in constant memory, nothing checked.
import zlib from 'node:zlib';

export interface LocalEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  crc32: number;
  uncompressedSize: number;
  /** The bytes after the local header, as stored. */
  data: Buffer;
}

export function stored(name: string, bytes: Buffer): LocalEntry {
  return { name, method: 0, crc32: zlib.crc32(bytes), uncompressedSize: bytes.length, data: bytes };
}

/** `size` bytes of `fill`, deflated chunk by chunk: the inflated bytes never exist in this process. */
export async function deflateBomb(name: string, size: number, fill = 0x20): Promise<LocalEntry> {
  const chunk = Buffer.alloc(1024 * 1024, fill);
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (part: Buffer) => out.push(part));
  const ended = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = zlib.crc32(part, crc);
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return { name, method: 8, crc32: crc, uncompressedSize: size, data: Buffer.concat(out) };
}

/** One central-directory record: which local entry it points at, under which name (its own by default). */
export interface CentralRecord {
  local: number;
  name?: string;
}

/** Local entries in order, then a central directory of `central` (every local entry once by default). */
export function hostileZip(locals: readonly LocalEntry[], central: readonly CentralRecord[] = locals.map((_, local) => ({ local }))): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of locals) {
    const name = Buffer.from(entry.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt16LE(0x5c21, 12); // 2026-01-01
    header.writeUInt32LE(entry.crc32, 14);
    header.writeUInt32LE(entry.data.length, 18);
    header.writeUInt32LE(entry.uncompressedSize, 22);
    header.writeUInt16LE(name.length, 26);
    offsets.push(offset);
    parts.push(header, name, entry.data);
    offset += header.length + name.length + entry.data.length;
  }
  const directoryStart = offset;
  for (const record of central) {
    const entry = locals[record.local]!;
    const name = Buffer.from(record.name ?? entry.name, 'utf8');
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt16LE(0x5c21, 14);
    header.writeUInt32LE(entry.crc32, 16);
    header.writeUInt32LE(entry.data.length, 20);
    header.writeUInt32LE(entry.uncompressedSize, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offsets[record.local]!, 42);
    parts.push(header, name);
    offset += header.length + name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(offset - directoryStart, 12);
  end.writeUInt32LE(directoryStart, 16);
  parts.push(end);
  return Buffer.concat(parts);
}
