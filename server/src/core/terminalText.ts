// Text from other processes (names, arguments, environment), from linted files and from DNS
// replies is printed to someone's terminal: an ESC sequence in it could move the cursor,
// rewrite earlier lines, set the window title or (on some terminals) inject input. Before
// text reaches a terminal every control character except line feed and tab is shown as a
// visible escape, and so are the bidirectional overrides that reorder what is shown.

// C0 controls but \t and \n, DEL, C1 controls; bidi embeddings/overrides/isolates.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every terminal control character made visible (\x1b, \x07, \u202e …). */
export function escapeForTerminal(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, visible) : text;
}
