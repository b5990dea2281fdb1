// `infra-lens rules` and the listRules server command: every registered rule with its default
// severity. Apart from the command table so the lint bundle does not carry the live readings.

import type { CommandHandler } from './command';
import { allRules } from './rules';

export const listRules: CommandHandler = async () => {
  const rules = allRules();
  const width = Math.max(...rules.map((r) => r.id.length));
  return {
    ok: true,
    title: 'Infra Lens rules',
    text: rules.map((r) => `${r.id.padEnd(width)}  ${r.defaultSeverity.padEnd(11)}  ${r.title}`).join('\n') + '\n',
    data: rules,
  };
};
