// The one place an include is read from disk, under core/includePolicy.ts: symlinks are
// resolved before the roots are checked, the file is opened non-blocking (a FIFO never
// blocks) and checked on the open descriptor (kind and size cannot change between the
// check and the read), and at most maxBytes + 1 bytes are read.

import * as fs from 'node:fs';
import { contentVerdict, DEFAULT_INCLUDE_MAX_BYTES, fileVerdict, type FileKind, IncludeRefused, type IncludePolicy, pathVerdict } from './includePolicy';

function kindOf(stat: fs.Stats): FileKind {
  if (stat.isFile()) return 'file';
  if (stat.isDirectory()) return 'directory';
  if (stat.isFIFO()) return 'fifo';
  if (stat.isCharacterDevice()) return 'character device';
  if (stat.isBlockDevice()) return 'block device';
  if (stat.isSocket()) return 'socket';
  return 'other';
}

function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error).message;
}

/**
 * Reads a regular file of at most maxBytes, non-blocking; undefined when it does not exist.
 * Throws IncludeRefused (with the reason) for anything else it will not read.
 */
export function readRegularFile(file: string, maxBytes: number, policy?: IncludePolicy): string {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW);
  } catch (e) {
    throw new IncludeRefused(file, errnoText(e));
  }
  try {
    const stat = fs.fstatSync(fd);
    const verdict = fileVerdict(kindOf(stat), stat.size, policy ?? { roots: [], maxBytes, language: 'other' });
    if (!verdict.ok) throw new IncludeRefused(file, verdict.reason);
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(stat.size + 1, 4096)));
    let length = 0;
    while (length < buffer.length) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) throw new IncludeRefused(file, `grew past the ${maxBytes}-byte limit while read`);
    return buffer.toString('utf8', 0, length);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A readFile for AnalysisContext that follows the policy: returns the text, undefined when
 * the file does not exist, or throws IncludeRefused saying why it is not read.
 */
export function makeIncludeReader(policy: IncludePolicy): (file: string) => string | undefined {
  // Roots are compared after symlinks are resolved, like the included path.
  const roots = policy.roots.map((r) => {
    try {
      return fs.realpathSync(r);
    } catch {
      return r;
    }
  });
  const resolved: IncludePolicy = { ...policy, roots };
  return (file: string) => {
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
      throw new IncludeRefused(file, errnoText(e));
    }
    const where = pathVerdict(real, resolved);
    if (!where.ok) throw new IncludeRefused(file, where.reason);
    const text = readRegularFile(real, resolved.maxBytes, resolved);
    const content = contentVerdict(text, resolved);
    if (!content.ok) throw new IncludeRefused(file, content.reason);
    return text;
  };
}

/**
 * A listDir for AnalysisContext under the same roots: the names of the regular files (and
 * symlinks to them, as a ConfigMap volume's keys are) in a directory inside the roots;
 * undefined when it does not exist; IncludeRefused outside the roots.
 */
export function includeDirListerFor(documentPath: string, roots: string[]): (dir: string) => string[] | undefined {
  const own = documentPath.slice(0, Math.max(1, documentPath.lastIndexOf('/')));
  const policy: IncludePolicy = { roots: (roots.length ? roots : [own]).map((r) => realOrSelf(r)), maxBytes: DEFAULT_INCLUDE_MAX_BYTES, language: 'other' };
  return (dir: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
      throw new IncludeRefused(dir, errnoText(e));
    }
    const where = pathVerdict(real, policy);
    if (!where.ok) throw new IncludeRefused(dir, where.reason);
    return fs
      .readdirSync(real, { withFileTypes: true })
      .filter((e) => e.isFile() || (e.isSymbolicLink() && isFile(`${real}/${e.name}`)))
      .map((e) => e.name);
  };
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * The include reader for one document: roots are the workspace folders (editor) or the trees
 * given on the command line (CLI) plus infraLens.includePaths / --allow-include; with no root
 * at all, the document's own directory. `language` is the including document's.
 */
export function includeReaderFor(documentPath: string, language: string, roots: string[], maxBytes = DEFAULT_INCLUDE_MAX_BYTES): (file: string) => string | undefined {
  const dir = documentPath.slice(0, Math.max(1, documentPath.lastIndexOf('/')));
  return makeIncludeReader({
    roots: roots.length ? roots : [dir],
    maxBytes,
    language: language === 'zone' || language === 'corefile' ? language : 'other',
  });
}
