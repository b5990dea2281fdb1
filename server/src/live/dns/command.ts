// Placeholder until its issue lands: answers with a clear "not available" report.

import { type CommandHandler, failedReport } from '../../core/command';

export const runDigCommand: CommandHandler = async () => failedReport('DNS lookup', 'not available in this build yet');

export const runCheckRecordCommand: CommandHandler = async () => failedReport('Live record check', 'not available in this build yet');
