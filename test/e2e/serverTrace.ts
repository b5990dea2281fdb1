// Our share of an editor measurement, read from the client's own trace: with
// `infraLens.trace.server: "messages"` vscode-languageclient logs each request it sends and
// "Received response 'textDocument/hover - (12)' in 5ms." when the answer is back, timed in
// the extension host. The output channel's log file stamps each line with local time
// ("2026-12-04 18:25:35.975 [info] …").

const LINE = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) \[\w+\] \[Trace - [^\]]*\] Received response '([^']+) - \(\d+\)' in (\d+)ms/;

export interface TracedResponse {
  /** When the response was logged, epoch ms (the log's local time read as local time). */
  at: number;
  method: string;
  /** Request sent -> response received, as the extension host measured it. */
  ms: number;
}

export function tracedResponses(logText: string): TracedResponse[] {
  const out: TracedResponse[] = [];
  for (const line of logText.split('\n')) {
    const m = LINE.exec(line);
    if (m) out.push({ at: new Date(`${m[1]}T${m[2]}`).getTime(), method: m[3], ms: Number(m[4]) });
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * For each keystroke (its start, epoch ms, in order), the time our server took over the first
 * hover answered after it and before the next keystroke; undefined where none was logged.
 */
export function hoverAnswerPerKeystroke(responses: TracedResponse[], keystrokeStarts: number[]): Array<number | undefined> {
  return keystrokeStarts.map((start, i) => {
    const end = i + 1 < keystrokeStarts.length ? keystrokeStarts[i + 1] : Infinity;
    return responses.find((r) => r.method === 'textDocument/hover' && r.at >= start && r.at < end)?.ms;
  });
}
