// Placeholder until its issue lands: answers with a clear "not available" report.

import { type CommandHandler, failedReport } from '../../core/command';

export const runProcCommand: CommandHandler = async () => failedReport('/proc reading', 'not available in this build yet');
