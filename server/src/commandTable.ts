// Every server command by id. Each area owns its handler; this table only wires ids.

import type { CommandHandler } from './core/command';
import { allRules } from './core/rules';
import { checkZoneRecords, runBumpSoaSerialCommand } from './languages/zone/command';
import { runResolvePlanCommand } from './languages/resolvconf/command';
import { runCheckRecordCommand, runDigCommand } from './live/dns/command';
import { runCheckRecordsCommand } from './live/dns/checkRecords';
import { runProcCommand } from './live/proc/command';
import { ServerCommands } from './protocol';
import './languages'; // registers every rule

const listRules: CommandHandler = async () => {
  const rules = allRules();
  const width = Math.max(...rules.map((r) => r.id.length));
  return {
    ok: true,
    title: 'Infra Lens rules',
    text: rules.map((r) => `${r.id.padEnd(width)}  ${r.defaultSeverity.padEnd(11)}  ${r.title}`).join('\n') + '\n',
    data: rules,
  };
};

export const COMMANDS: Record<string, CommandHandler> = {
  [ServerCommands.proc]: runProcCommand,
  [ServerCommands.dig]: runDigCommand,
  [ServerCommands.resolvePlan]: runResolvePlanCommand,
  [ServerCommands.bumpSoaSerial]: runBumpSoaSerialCommand,
  [ServerCommands.checkRecord]: runCheckRecordCommand,
  // A zone document's RRsets are read by the zone language; the live check takes them as given.
  [ServerCommands.checkRecords]: checkZoneRecords(runCheckRecordsCommand),
  [ServerCommands.listRules]: listRules,
};
