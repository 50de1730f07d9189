import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The desktop app's log: one line per event in <logs>/main.log (Help → Open logs shows the
 * folder). Only what helps after the fact: start-up, failures, update checks.
 */
export function createLog(dir: string): (line: string) => void {
  return (line: string) => {
    try {
      mkdirSync(dir, { recursive: true });
      appendFileSync(join(dir, 'main.log'), `${new Date().toISOString()} ${line}\n`);
    } catch {
      // a log that cannot be written must not stop the app
    }
  };
}
