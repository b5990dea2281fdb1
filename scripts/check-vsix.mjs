// Checks the packaged VSIX: its size budget (under 2 MB) and that every file in it is on
// the allow-list (.vscodeignore re-includes only these). Prints the size for the record.
import { readFileSync, statSync } from 'node:fs';


const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const file = `infra-lens-${version}.vsix`;
const bytes = statSync(file).size;
const BUDGET = 2 * 1024 * 1024;

// A VSIX is a zip: read its central directory for the file names.
const zip = readFileSync(file);
const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
const count = zip.readUInt16LE(eocd + 10);
let offset = zip.readUInt32LE(eocd + 16);
const names = [];
for (let i = 0; i < count; i++) {
  const nameLength = zip.readUInt16LE(offset + 28);
  const extra = zip.readUInt16LE(offset + 30);
  const comment = zip.readUInt16LE(offset + 32);
  names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
  offset += 46 + nameLength + extra + comment;
}

const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/(readme|changelog)\.md$/i,
  /^extension\/LICENSE(\.txt)?$/i,
  /^extension\/icon\.png$/,
  /^extension\/media\/[\w.-]+\.svg$/,
  /^extension\/dist\/(extension|languageClient|server|analysisWorker|cli|cli-[a-z-]+)\.js$/,
  /^extension\/dist\/k8s-schemas\.json$/,
  /^extension\/syntaxes\/[\w.-]+\.json$/,
  /^extension\/schemas\/[\w.-]+\.json$/,
  /^extension\/docs\/rules\/[\w-]+\/[\w-]+\.md$/,
];
const outside = names.filter((n) => !ALLOWED.some((re) => re.test(n)));
console.log(`${file}: ${(bytes / 1024).toFixed(1)} KiB, ${names.length} files (budget ${BUDGET / 1024 / 1024} MB)`);
let failed = false;
if (bytes >= BUDGET) {
  console.error(`VSIX is ${bytes} bytes, over the ${BUDGET}-byte budget`);
  failed = true;
}
if (outside.length) {
  console.error(`files outside the allow-list:\n  ${outside.join('\n  ')}`);
  failed = true;
}
for (const required of ['extension/dist/extension.js', 'extension/dist/languageClient.js', 'extension/dist/server.js', 'extension/dist/analysisWorker.js', 'extension/dist/cli.js', 'extension/dist/cli-lint.js', 'extension/dist/cli-lint-zone.js', 'extension/package.json']) {
  if (!names.includes(required)) {
    console.error(`missing ${required}`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
