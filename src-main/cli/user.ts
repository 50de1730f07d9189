import { ROLES, type Account } from '../../src-shared/contract/accounts';
import type { Envelope } from '../../src-shared/contract/errors';
import type { BottegaApp } from '../api/app';
import { newPasswordFor } from './passwordPrompt';

export interface UserOptions {
  role?: string;
  name?: string;
  passwordStdin: boolean;
  json: boolean;
}

export const USER_USAGE = `Usage: bottega user add LOGIN --role ROLE [--name NAME] [--password-stdin]
       bottega user list
       bottega user disable LOGIN | enable LOGIN
       bottega user role LOGIN --role ROLE
       bottega user password LOGIN [--password-stdin]
Roles: ${ROLES.join(', ')}`;

/** Whether a `user …` command writes (all but list), so needs the file's writer lock. */
export const userCommandWrites = (sub: string | undefined): boolean => sub !== 'list';

function line(a: Account): string {
  return `${a.login.padEnd(20)} ${a.role.padEnd(11)} ${(a.active ? 'active' : 'disabled').padEnd(9)} ${a.name}`.trimEnd();
}

/**
 * `bottega user …`: the accounts people log in with on other devices. Every change goes
 * through the registry like the window's (the CLI acts as the owner), so it is validated
 * the same way and recorded in the activity log.
 */
export async function userCommand(app: BottegaApp, args: string[], opts: UserOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [sub, login, ...extra] = args;
  const answer = (res: Envelope<unknown>, say: (data: unknown) => string): number => {
    if (!res.ok) {
      err(JSON.stringify(res));
      return res.error.code === 'VALIDATION' || res.error.code === 'NOT_FOUND' ? 2 : 1;
    }
    out(opts.json ? JSON.stringify(res.data) : say(res.data));
    return 0;
  };
  const usage = () => {
    err(USER_USAGE);
    return 2;
  };
  if (extra.length > 0) return usage();
  if (sub === 'list') {
    if (login) return usage();
    return answer(app.invoke('accounts.list', {}), (d) => {
      const rows = (d as { rows: Account[] }).rows;
      return rows.length === 0 ? 'No users yet: add one with bottega user add LOGIN --role ROLE' : rows.map(line).join('\n');
    });
  }
  if (!login) return usage();
  if (sub === 'add') {
    if (!opts.role) {
      err(`user add needs --role (${ROLES.join(', ')})`);
      return 2;
    }
    const pw = await newPasswordFor(login, opts.passwordStdin);
    if ('problem' in pw) {
      err(pw.problem);
      return 2;
    }
    const input = { login, role: opts.role, password: pw.password, ...(opts.name ? { name: opts.name } : {}) };
    return answer(app.invoke('accounts.create', input), (d) => `User added: ${line(d as Account)}`);
  }
  // the other commands name an existing user by login (case aside)
  const listed = app.invoke('accounts.list', {});
  if (!listed.ok) return answer(listed, () => '');
  const user = (listed.data as { rows: Account[] }).rows.find((a) => a.login.toLowerCase() === login.toLowerCase());
  if (!user) {
    err(`No user with the login ${login}`);
    return 2;
  }
  switch (sub) {
    case 'disable':
      return answer(app.invoke('accounts.disable', { id: user.id }), (d) => `User disabled: ${line(d as Account)}`);
    case 'enable':
      return answer(app.invoke('accounts.enable', { id: user.id }), (d) => `User enabled: ${line(d as Account)}`);
    case 'role':
      if (!opts.role) return usage();
      return answer(app.invoke('accounts.update', { id: user.id, role: opts.role }), (d) => `Role changed: ${line(d as Account)}`);
    case 'password': {
      const pw = await newPasswordFor(user.login, opts.passwordStdin);
      if ('problem' in pw) {
        err(pw.problem);
        return 2;
      }
      return answer(app.invoke('accounts.setPassword', { id: user.id, password: pw.password }), (d) => `Password set for ${(d as Account).login}`);
    }
    default:
      return usage();
  }
}
