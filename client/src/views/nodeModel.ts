// The Node view's tree as plain data, built from the readings' JSON (the same data as the
// CLI's `--json`). No VS Code API here, so the grouping and sorting are unit-tested.

export interface NodeItem {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** Menus key on it: process, socket, deletedFile, processes, sockets. */
  contextValue?: string;
  icon?: string;
  collapsed?: boolean;
  expanded?: boolean;
  pid?: number;
  path?: string;
  children?: NodeItem[];
}

export interface NodeReadings {
  memory?: { free: { total: number; used: number; available: number; buffCache: number; swapTotal: number; swapUsed: number } };
  load?: { loadavg: { load1: number; load5: number; load15: number; running: number; total: number }; usage: Array<{ name: string; busy: number; user: number; system: number; iowait: number }> };
  uptime?: { uptimeSeconds: number; bootTime: string };
  sockets?: { sockets: Socket[] };
  processes?: { processes: Process[] };
  deletedFiles?: { files: DeletedFile[] };
  containers?: { containers?: Array<{ key: string; name?: string; pod?: { namespace?: string; name?: string }; pids: number[]; commands: string[]; sandbox: boolean }> };
  errors?: Record<string, string>;
}

export interface Socket {
  protocol: string;
  state: string;
  listening?: boolean;
  type?: string;
  path?: string;
  local?: { address: string; port: number };
  peer?: { address: string; port: number };
  owners: Array<{ pid: number; command: string; fd: number | string }>;
}

export interface Process {
  pid: number;
  ppid: number;
  user: string;
  state: string;
  rssBytes: number;
  command: string;
  comm: string;
  threads?: number;
  cpuPercent?: number;
}

export interface DeletedFile {
  path: string;
  size: number;
  memfd?: boolean;
  holders: Array<{ pid: number; command: string; fd: string | number }>;
}

export type ProcessSort = 'cpu' | 'rss';

export interface ViewOptions {
  sort: ProcessSort;
  kernelThreads: boolean;
  /** Processes listed (the rest summarised in one row). */
  processLimit: number;
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

export function formatDuration(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return d ? `${d} d ${h} h` : h ? `${h} h ${m} min` : `${m} min`;
}

/** Kernel threads: children of kthreadd (pid 2) and kthreadd itself. */
export function isKernelThread(p: Process): boolean {
  return p.pid === 2 || p.ppid === 2;
}

export function sortProcesses(list: Process[], sort: ProcessSort): Process[] {
  const key = (p: Process) => (sort === 'cpu' ? (p.cpuPercent ?? 0) : p.rssBytes);
  return [...list].sort((a, b) => key(b) - key(a) || a.pid - b.pid);
}

function endpoint(e: { address: string; port: number } | undefined): string {
  if (!e) return '';
  return e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`;
}

function owners(s: Socket): string {
  return s.owners.map((o) => `${o.command} (${o.pid})`).join(', ');
}

function socketItem(s: Socket, i: number): NodeItem {
  const isUnix = s.protocol === 'unix';
  const where = isUnix ? s.path || '(unnamed)' : s.state === 'LISTEN' || s.listening ? endpoint(s.local) : `${endpoint(s.local)} → ${endpoint(s.peer)}`;
  return {
    id: `socket:${s.protocol}:${where}:${i}`,
    label: where,
    description: owners(s) || undefined,
    tooltip: `${s.protocol} ${s.state} ${where}${s.owners.length ? `\nheld by ${owners(s)}` : ''}`,
    contextValue: s.owners.length ? 'socket' : undefined,
    icon: isUnix ? 'file-symlink-file' : 'plug',
    pid: s.owners[0]?.pid,
    path: isUnix ? s.path : undefined,
  };
}

/** Listening and established sockets, each grouped by protocol. */
export function socketGroups(sockets: Socket[], pid?: number): NodeItem[] {
  const mine = pid === undefined ? sockets : sockets.filter((s) => s.owners.some((o) => o.pid === pid));
  const groups: Array<{ name: string; test: (s: Socket) => boolean }> = [
    { name: 'Listening', test: (s) => s.state === 'LISTEN' || s.listening === true || (s.protocol.startsWith('udp') && s.state === 'UNCONN') },
    { name: 'Established', test: (s) => s.state === 'ESTAB' },
  ];
  return groups.map(({ name, test }) => {
    const list = mine.filter(test);
    const byProto = new Map<string, Socket[]>();
    for (const s of list) byProto.set(s.protocol, [...(byProto.get(s.protocol) ?? []), s]);
    return {
      id: `sockets:${name}`,
      label: name,
      description: `${list.length}`,
      icon: name === 'Listening' ? 'radio-tower' : 'arrow-swap',
      collapsed: true,
      children: [...byProto.entries()]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([proto, ss]) => ({ id: `sockets:${name}:${proto}`, label: proto, description: `${ss.length}`, collapsed: true, children: ss.map(socketItem) })),
    };
  });
}

function processItem(p: Process, sort: ProcessSort): NodeItem {
  const cpu = `${(p.cpuPercent ?? 0).toFixed(1)}% CPU`;
  const rss = formatBytes(p.rssBytes);
  return {
    id: `process:${p.pid}`,
    label: `${p.pid} ${p.comm}`,
    description: sort === 'cpu' ? `${cpu} · ${rss}` : `${rss} · ${cpu}`,
    tooltip: `${p.command}\nuser ${p.user} · state ${p.state}${p.threads ? ` · ${p.threads} threads` : ''}`,
    contextValue: 'process',
    icon: isKernelThread(p) ? 'gear' : 'terminal',
    pid: p.pid,
  };
}

/** Deleted-but-open files: files on disk first (largest first), memfd regions in one collapsed group. */
export function deletedFileItems(files: DeletedFile[]): NodeItem[] {
  const item = (f: DeletedFile, i: number): NodeItem => ({
    id: `deleted:${f.path}:${i}`,
    label: f.path,
    description: `${formatBytes(f.size)} · ${f.holders.map((h) => `${h.command} (${h.pid})`).slice(0, 3).join(', ')}${f.holders.length > 3 ? ` +${f.holders.length - 3}` : ''}`,
    tooltip: `${f.path}\n${formatBytes(f.size)} still held by ${f.holders.length} descriptor${f.holders.length === 1 ? '' : 's'}`,
    contextValue: 'deletedFile',
    icon: f.memfd ? 'symbol-misc' : 'trash',
    pid: f.holders[0]?.pid,
    path: f.path,
  });
  const disk = files.filter((f) => !f.memfd).sort((a, b) => b.size - a.size);
  const memfd = files.filter((f) => f.memfd).sort((a, b) => b.size - a.size);
  const out = disk.map(item);
  if (memfd.length) {
    out.push({ id: 'deleted:memfd', label: 'memfd regions', description: `${memfd.length} · ${formatBytes(memfd.reduce((n, f) => n + f.size, 0))}`, icon: 'folder', collapsed: true, children: memfd.map(item) });
  }
  return out;
}

export function buildNodeTree(r: NodeReadings, o: ViewOptions): NodeItem[] {
  const out: NodeItem[] = [];
  const error = (key: string, label: string): NodeItem | undefined => (r.errors?.[key] ? { id: `${key}:error`, label, description: r.errors[key], icon: 'warning' } : undefined);
  if (r.memory) {
    const m = r.memory.free;
    out.push({
      id: 'memory',
      label: 'Memory',
      description: `${formatBytes(m.used)} used of ${formatBytes(m.total)}`,
      icon: 'server',
      collapsed: true,
      children: [
        { id: 'memory:available', label: 'Available', description: formatBytes(m.available) },
        { id: 'memory:buffcache', label: 'Buffers and cache', description: formatBytes(m.buffCache) },
        { id: 'memory:swap', label: 'Swap', description: m.swapTotal ? `${formatBytes(m.swapUsed)} used of ${formatBytes(m.swapTotal)}` : 'none' },
      ],
    });
  } else if (error('memory', 'Memory')) out.push(error('memory', 'Memory')!);
  if (r.load) {
    const l = r.load.loadavg;
    const all = r.load.usage.find((u) => u.name === 'cpu');
    out.push({
      id: 'load',
      label: 'Load & CPU',
      description: `${l.load1.toFixed(2)} ${l.load5.toFixed(2)} ${l.load15.toFixed(2)}${all ? ` · ${Math.round(all.busy)}% busy` : ''}`,
      icon: 'pulse',
      collapsed: true,
      children: r.load.usage.filter((u) => u.name !== 'cpu').map((u) => ({ id: `load:${u.name}`, label: u.name, description: `${Math.round(u.busy)}% busy (user ${Math.round(u.user)}%, system ${Math.round(u.system)}%, iowait ${Math.round(u.iowait)}%)` })),
    });
  }
  if (r.uptime) out.push({ id: 'uptime', label: 'Uptime', description: `${formatDuration(r.uptime.uptimeSeconds)} (since ${r.uptime.bootTime.replace('T', ' ').replace('Z', ' UTC')})`, icon: 'clock' });
  if (r.sockets) {
    out.push({ id: 'sockets', label: 'Sockets', description: `${r.sockets.sockets.length}`, icon: 'plug', contextValue: 'sockets', collapsed: true, children: socketGroups(r.sockets.sockets) });
  }
  if (r.processes) {
    const all = r.processes.processes;
    const shown = sortProcesses(o.kernelThreads ? all : all.filter((p) => !isKernelThread(p)), o.sort);
    const hidden = all.length - shown.length;
    const children = shown.slice(0, o.processLimit).map((p) => processItem(p, o.sort));
    if (shown.length > o.processLimit) children.push({ id: 'processes:more', label: `${shown.length - o.processLimit} more`, description: 'Show Processes lists them all', icon: 'ellipsis' });
    out.push({
      id: 'processes',
      label: 'Processes',
      description: `${shown.length} · by ${o.sort === 'cpu' ? 'CPU' : 'RSS'}${hidden ? ` · ${hidden} kernel threads hidden` : ''}`,
      icon: 'list-ordered',
      contextValue: 'processes',
      collapsed: true,
      children,
    });
  }
  if (r.deletedFiles) {
    const files = r.deletedFiles.files;
    out.push({ id: 'deleted', label: 'Deleted open files', description: `${files.filter((f) => !f.memfd).length} on disk${files.some((f) => f.memfd) ? ` · ${files.filter((f) => f.memfd).length} memfd` : ''}`, icon: 'trash', collapsed: true, children: deletedFileItems(files) });
  }
  // The pods' sandbox ("pause") containers hold namespaces, not workloads: left out.
  const containers = r.containers?.containers?.filter((c) => !c.sandbox);
  if (containers) {
    out.push({
      id: 'containers',
      label: 'Containers',
      description: `${containers.length}`,
      icon: 'package',
      collapsed: true,
      children: containers.map((c) => ({
        id: `container:${c.key}`,
        label: c.name ?? c.key.slice(0, 24),
        description: [c.pod?.name && `${c.pod.namespace ? `${c.pod.namespace}/` : ''}${c.pod.name}`, `${c.pids.length} process${c.pids.length === 1 ? '' : 'es'}`].filter(Boolean).join(' · '),
        tooltip: c.commands.join(', '),
        pid: c.pids[0],
        contextValue: c.pids.length ? 'process' : undefined,
        icon: 'package',
      })),
    });
  }
  return out;
}
