// Placeholder until its issue lands: answers with a clear "not available" report.

import { type CommandHandler, failedReport } from '../../core/command';

export const runResolvePlanCommand: CommandHandler = async () => failedReport('Query plan', 'not available in this build yet');
