// errors (plugin/errors/setup.go errorsParse/parseConsolidate).

import type { Directive } from '../../parser';
import { goRegexCompiles } from '../../dnsNames';
import type { PluginSetup } from '../context';

const LEVELS = ['warning', 'error', 'info', 'debug'];

export function checkErrors([d]: Directive[], s: PluginSetup): void {
  if (s.checkArgCount(d, 0, 1, 'errors [stdout]') && d.args[0] && d.args[0].text !== 'stdout') s.invalid(d.args[0], `invalid log file: ${d.args[0].text} (errors only writes to stdout)`);
  for (const p of d.block?.properties ?? []) {
    if (p.name.text === 'stacktrace') continue;
    if (p.name.text !== 'consolidate') {
      s.unknownProperty(p, ['stacktrace', 'consolidate'], `Syntax error: Unknown field ${p.name.text} (stacktrace or consolidate)`);
      continue;
    }
    const a = p.args;
    if (!s.propCount(p, 2, 4, 'consolidate DURATION REGEXP [LEVEL] [show_first]')) continue;
    if (s.duration(a[0], { what: 'consolidate period' }) === undefined) continue;
    if (a[1].text.length > 10000) {
      s.invalid(a[1], `regex pattern too long: ${a[1].text.length} > 10000`);
      continue;
    }
    if (!goRegexCompiles(a[1].text)) {
      s.invalid(a[1], `error parsing regexp: ${a[1].text}`);
      continue;
    }
    let level = false;
    let showFirst = false;
    for (const t of a.slice(2)) {
      if (LEVELS.includes(t.text)) {
        if (level) s.invalid(t, 'multiple log levels specified in consolidate');
        else if (showFirst) s.invalid(t, 'log level must come before show_first in consolidate');
        level = true;
      } else if (t.text === 'show_first') showFirst = true;
      else s.invalid(t, `unknown option in consolidate: ${t.text} (warning, error, info, debug or show_first)`);
    }
  }
}
