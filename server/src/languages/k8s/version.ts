// Kubernetes versions as `infraLens.kubernetes.version` spells them ("1.35", "v1.33.2").

export interface Version {
  major: number;
  minor: number;
}

/** The setting's version; an unreadable one counts as the default, 1.35. */
export function parseVersion(text: string): Version {
  const m = /^v?(\d+)\.(\d+)/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : { major: 1, minor: 35 };
}

export function atLeast(v: Version, since: string): boolean {
  const s = parseVersion(since);
  return v.major !== s.major ? v.major > s.major : v.minor >= s.minor;
}

export function formatVersion(v: Version): string {
  return `${v.major}.${v.minor}`;
}
