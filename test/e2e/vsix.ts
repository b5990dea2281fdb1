// Reads files out of the packaged VSIX (a zip), so a second editor runs exactly the server
// the VSIX ships.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

/** Every entry of a zip file, by name (stored or deflated, as vsce writes them). */
export function readZip(file: string): Map<string, Buffer> {
  const zip = fs.readFileSync(file);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extra = zip.readUInt16LE(offset + 30);
    const comment = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) entries.set(name, Buffer.from(data));
    else if (method === 8) entries.set(name, zlib.inflateRawSync(data));
    else throw new Error(`${name}: unsupported zip method ${method}`);
    offset += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Unpacks the VSIX's extension/ folder into dir; returns the path of its server.js. */
export function unpackExtension(vsix: string, dir: string): string {
  for (const [name, data] of readZip(vsix)) {
    if (!name.startsWith('extension/') || name.endsWith('/')) continue;
    const target = path.join(dir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data);
  }
  const server = path.join(dir, 'extension', 'dist', 'server.js');
  if (!fs.existsSync(server)) throw new Error(`${vsix} has no extension/dist/server.js`);
  return server;
}

/** The suites compare the VSIX's behaviour with dist/ (the CLI, the server over plain
 * LSP): both must come from the same `npm run package`, or the comparison means nothing. */
export function assertVsixMatchesDist(vsix: string, distDir: string): void {
  const entries = readZip(vsix);
  for (const name of ['server.js', 'analysisWorker.js', 'cli.js', 'extension.js', 'languageClient.js', 'k8s-schemas.json']) {
    const packed = entries.get(`extension/dist/${name}`);
    const built = fs.existsSync(path.join(distDir, name)) ? fs.readFileSync(path.join(distDir, name)) : undefined;
    if (!packed || !built || !packed.equals(built)) {
      throw new Error(`${path.basename(vsix)} and dist/${name} differ: run \`npm run package\` (it rebuilds dist/ and the VSIX together) before the editor suites`);
    }
  }
}
