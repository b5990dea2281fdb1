// Every server command by id. Each area owns its handler; this table only wires ids.

import type { CommandHandler } from './core/command';
import { listRules } from './core/ruleListing';
import { checkZoneRecords, runBumpSoaSerialCommand } from './languages/zone/command';
import { runResolvePlanCommand } from './languages/resolvconf/command';
import { runCheckRecordCommand, runDigCommand } from './live/dns/command';
import { runCheckRecordsCommand } from './live/dns/checkRecords';
import { runProcCommand } from './live/proc/command';
import { ServerCommands } from './protocol';
import './languages'; // registers every rule

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
