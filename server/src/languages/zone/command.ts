// Placeholder until its issue lands: answers with a clear "not available" report.

import { type CommandHandler, failedReport } from '../../core/command';

export const runBumpSoaSerialCommand: CommandHandler = async () => failedReport('Bump SOA serial', 'not available in this build yet');
