import { readFileSync } from 'node:fs';

/**
 * One line typed without echo on a terminal: raw mode, so the characters never reach the
 * screen; Backspace edits, Enter ends, Ctrl-C aborts (null).
 */
function readHidden(prompt: string): Promise<string | null> {
  const input = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve) => {
    let text = '';
    const done = (value: string | null) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(text);
        if (ch === '\u0003' || ch === '\u0004') return done(null);
        if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1);
        else if (ch >= ' ') text += ch;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}

/**
 * A new password for `login`: asked twice without echo when stdin is a terminal (and
 * `fromStdin` is not set), else the first line of stdin — for scripts:
 * `printf '%s\n' "$PW" | bottega user add anna --role office --password-stdin`.
 * Answers the password, or a sentence saying why there is none.
 */
export async function newPasswordFor(login: string, fromStdin: boolean): Promise<{ password: string } | { problem: string }> {
  if (fromStdin || !process.stdin.isTTY) {
    const line = readFileSync(0, 'utf8').split(/\r?\n/, 1)[0] ?? '';
    return line === '' ? { problem: 'No password on stdin (the first line is the password)' } : { password: line };
  }
  const first = await readHidden(`Password for ${login}: `);
  if (first === null) return { problem: 'Cancelled' };
  const again = await readHidden('Again: ');
  if (again === null) return { problem: 'Cancelled' };
  return first === again ? { password: first } : { problem: 'The two passwords differ: nothing changed' };
}
