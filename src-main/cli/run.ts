import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { contract } from '../../src-shared/contract';
import { createApp, type BottegaApp } from '../api/app';
import { fail } from '../api/envelope';
import { resolveDbPath } from '../db/paths';
import { serve } from './serve';
import { openLiveApp, type LiveApp } from '../api/liveApp';
import { checkThreads, runCheck } from '../db/check';
import { backupCommand, reportOpenError, restoreCommand } from './backupRestore';
import { generateDemo } from '../demo/generate';
import { importOrdersCommand } from './importOrders';
import { exportCommand } from './exportCsv';
import { recallCommand, traceCommand } from './trace';
import { auditCommand } from './audit';
import { invoiceExportCommand } from './invoiceExport';
import { invoiceCommand } from './invoice';
import { searchCommand } from './search';
import { userCommand, userCommandWrites } from './user';
import { reportsCommand } from './reports';

export const USAGE = `Usage: bottega [--db PATH] [--json] <command>

Commands:
  serve [--port N]                 browser mode: serve the app on 127.0.0.1, print the URL with its token
  serve --lan [--port N]           also let other devices on the network in: HTTPS on every interface
                                   (port N, default 47443); prints the addresses, the certificate
                                   fingerprint and the pairing code (users log in: bottega user add)
  demo [--scale small|large] [--seed N]   fill an empty database with the demo workshop
  check [--full]                   prove the database's invariants; exit 0 when all hold
                                   (--full: SQLite's integrity_check instead of quick_check)
  backup [FILE]                    online backup (default: next to the database, in backups/)
  restore FILE                     replace the database with a backup (the current one is backed up first)
  commands                         every command and query with its input JSON schema
  call NAME [JSON|-]               run a command or query; JSON from the argument or stdin (-)
  import orders FILE [--format shopify|etsy|bottega|MAPPING] [--channel C] [--map EXT=SKU]… [--dry-run]
                                   import a shop's orders export (all or nothing); --dry-run shows the preview
  export LIST [--locale it|en] [--out FILE] [--from D] [--to D]
                                   a list as CSV for Excel: orders, order_lines, stock, lots, movements, production
  trace LOT [--direction backward|forward|both]   what went into a lot and what contains it, shipments, stock
  recall LOT --reason TEXT [--dry-run]             recall every affected lot still on hand, cancel their reservations
  audit [--since D] [--until D] [--doc KIND/ID]     the activity log, newest first: who changed what, when, by which door
  invoice export YYYY-MM --out DIR [--locale it|en]
                                   the month's FatturaPA XML files, their ZIP and the register CSV for the accountant
                                   (each file a new progressivo; issued invoices become sent)
  invoice month YYYY-MM [--customer ID] [--dry-run]  issue the month's deferred invoices (TD24), one per customer;
                                   --dry-run shows what would be issued (JSON: invoices)
  search TEXT…                     what the app's search finds: orders, customers, suppliers, items, lots, DDTs…
  search --rebuild                 rebuild the search index from the tables (repair), in one transaction
  user add LOGIN --role ROLE [--name NAME] [--password-stdin]
                                   add a user who logs in on other devices (roles: owner, office, production,
                                   packing, viewer); the password is asked twice, or read from stdin
  user list | disable LOGIN | enable LOGIN | role LOGIN --role ROLE | password LOGIN [--password-stdin]
  reports --rebuild                rebuild the KPI summary from orders, shipments and lots (repair), in one transaction

The database is --db PATH, else $BOTTEGA_DB, else the app-data folder.
Exit codes: 0 done, 1 refused by a rule (the error envelope goes to stderr), 2 bad input or usage.`;

const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`);

function readStdin(): string {
  return readFileSync(0, 'utf8');
}

/**
 * Whether a command writes, and so needs the file's writer lock (refused while the app
 * runs); queries, check, export, trace and backup only read and run beside it.
 */
function writes(cmd: string, name: string | undefined, rebuild: boolean): boolean {
  if (cmd === 'search' || cmd === 'reports') return rebuild;
  if (cmd === 'user') return userCommandWrites(name);
  if (cmd === 'call') return !(name && Object.hasOwn(contract, name) && contract[name as keyof typeof contract].kind === 'query');
  return !['check', 'export', 'trace', 'backup', 'audit'].includes(cmd);
}

/** Browser mode: the door stays up even on a damaged file, to show the recovery screen. */
async function serveCommand(dbPath: string, portArg: string | undefined, json: boolean, onLan: boolean): Promise<number | null> {
  const port = portArg ? Number(portArg) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    err(`--port must be a port number, not ${portArg}`);
    return 2;
  }
  let live: LiveApp;
  try {
    live = openLiveApp(dbPath, { program: 'serve', door: 'browser' });
  } catch (e) {
    return reportOpenError(e, dbPath, err);
  }
  let door;
  try {
    door = await serve(live, { port, token: process.env.BOTTEGA_TOKEN, lan: onLan ? { port } : undefined });
  } catch (e) {
    live.close();
    err(`The door could not open: ${(e as Error).message}`);
    return 1;
  }
  const lan = onLan ? door.lan.status() : null;
  if (json) out(JSON.stringify({ url: door.url, port: door.port, token: door.token, db: dbPath, recovery: live.current() === null, ...(lan ? { lan: { urls: lan.urls, port: lan.port, fingerprint: lan.fingerprint, pairingCode: lan.pairingCode, pairingExpiresAt: lan.pairingExpiresAt } } : {}) }));
  else {
    out(`Bottega is running in browser mode on ${dbPath}\nOpen: ${door.url}`);
    if (lan) {
      out(`Other devices on the network (HTTPS): ${lan.urls.join('  ')}`);
      out(`Certificate fingerprint (SHA-256), to compare on the device: ${lan.fingerprint}`);
      out(`Pairing code (type it once on a new device; valid until ${lan.pairingExpiresAt}, a new one in Settings → Other devices): ${lan.pairingCode}`);
    }
    if (!live.current()) err('The database file is damaged: the page offers the backups to restore.');
  }
  return null;
}

/** Returns the exit code, or null for a long-running command (serve) that keeps the process. */
export async function runCli(argv: string[]): Promise<number | null> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        port: { type: 'string' },
        lan: { type: 'boolean', default: false },
        scale: { type: 'string', default: 'small' },
        seed: { type: 'string', default: '1' },
        help: { type: 'boolean', short: 'h', default: false },
        format: { type: 'string' },
        channel: { type: 'string' },
        map: { type: 'string', multiple: true, default: [] },
        'dry-run': { type: 'boolean', default: false },
        locale: { type: 'string' },
        out: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        direction: { type: 'string' },
        reason: { type: 'string' },
        full: { type: 'boolean', default: false },
        since: { type: 'string' },
        until: { type: 'string' },
        doc: { type: 'string' },
        customer: { type: 'string' },
        rebuild: { type: 'boolean', default: false },
        role: { type: 'string' },
        name: { type: 'string' },
        'password-stdin': { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [cmd, ...rest] = positionals;
  if (values.help || !cmd) {
    out(USAGE);
    return values.help ? 0 : 2;
  }

  if (cmd === 'commands') {
    const list = Object.entries(contract).map(([name, op]) => ({
      name,
      kind: op.kind,
      summary: op.summary,
      input: z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }),
    }));
    if (values.json) out(JSON.stringify(list, null, 2));
    else for (const c of list) out(`${c.name.padEnd(34)} ${c.kind.padEnd(8)} ${c.summary}`);
    return 0;
  }

  const dbPath = resolveDbPath(values.db);
  if (cmd === 'restore') {
    if (!rest[0]) {
      err('restore needs the backup FILE');
      return 2;
    }
    return restoreCommand(dbPath, rest[0], values.json, out, err);
  }

  if (cmd === 'serve') return serveCommand(dbPath, values.port, values.json, values.lan);

  let app: BottegaApp;
  try {
    app = createApp(dbPath, { access: writes(cmd, rest[0], values.rebuild) ? 'write' : 'read', program: 'cli', door: 'cli' });
  } catch (e) {
    if (cmd === 'check' && !values.json) out(`FAIL sqlite.open: ${(e as Error).message}`);
    return reportOpenError(e, dbPath, err);
  }

  switch (cmd) {
    case 'demo': {
      const scale = values.scale;
      const seed = Number(values.seed);
      if ((scale !== 'small' && scale !== 'large') || !Number.isInteger(seed)) {
        err('--scale must be small or large, --seed a whole number');
        app.close();
        return 2;
      }
      try {
        const started = Date.now();
        const counts = app.ctx.sqlite.transaction(() => {
          if ((app.ctx.sqlite.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n > 0) {
            throw new Error('The database is not empty: the demo goes into a new database (use --db)');
          }
          return generateDemo(app.ctx, { scale, seed });
        })();
        const result = { scale, seed, seconds: (Date.now() - started) / 1000, ...counts };
        out(values.json ? JSON.stringify(result) : `Demo workshop (${scale}) written to ${dbPath}: ${JSON.stringify(counts)}`);
        return 0;
      } catch (e) {
        err(JSON.stringify(fail('CONFLICT', (e as Error).message)));
        return 1;
      } finally {
        app.close();
      }
    }
    case 'check': {
      // the file's own read-only connections, one per core: the big scans run side by side
      const report = runCheck(app.ctx, undefined, { full: values.full, threads: checkThreads(dbPath) });
      app.close();
      if (values.json) out(JSON.stringify(report));
      else {
        for (const c of report.checks) out(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.ok ? '' : `: ${c.problems.length} problem(s)`} (${c.ms} ms)`);
        for (const c of report.checks) for (const p of c.problems.slice(0, 20)) out(`     ${c.name}: ${p}`);
        out(`${report.ok ? 'All invariants hold.' : 'Invariants broken.'} ${(report.ms / 1000).toFixed(1)} s on ${report.threads} connection${report.threads === 1 ? '' : 's'}.`);
      }
      return report.ok ? 0 : 1;
    }
    case 'backup': {
      const code = await backupCommand(app, dbPath, rest[0], values.json, out);
      app.close();
      return code;
    }
    case 'call': {
      const name = rest[0];
      if (!name) {
        err('call needs the NAME of a command or query (see: bottega commands)');
        app.close();
        return 2;
      }
      const text = rest[1] === '-' ? readStdin() : (rest[1] ?? '{}');
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch {
        err(JSON.stringify(fail('VALIDATION', 'The input is not valid JSON')));
        app.close();
        return 2;
      }
      const res = await app.invokeAsync(name, input);
      app.close();
      if (res.ok) {
        out(JSON.stringify(res.data, null, values.json ? 0 : 2));
        return 0;
      }
      err(JSON.stringify(res));
      return res.error.code === 'VALIDATION' ? 2 : 1;
    }
    case 'import': {
      const code = importOrdersCommand(app, rest, { format: values.format, channel: values.channel, map: values.map, dryRun: values['dry-run'], json: values.json }, out, err);
      app.close();
      return code;
    }
    case 'export': {
      const code = exportCommand(app, rest, { locale: values.locale, out: values.out, from: values.from, to: values.to, json: values.json }, out, err);
      app.close();
      return code;
    }
    case 'trace':
    case 'recall': {
      const code =
        cmd === 'trace'
          ? traceCommand(app, rest, { direction: values.direction, json: values.json }, out, err)
          : recallCommand(app, rest, { reason: values.reason, dryRun: values['dry-run'], json: values.json }, out, err);
      app.close();
      return code;
    }
    case 'invoice': {
      // invoice month … (the backend's run) and invoice export … (the files for the accountant)
      const code =
        rest[0] === 'export'
          ? invoiceExportCommand(app, rest.slice(1), { out: values.out, locale: values.locale, json: values.json }, out, err)
          : invoiceCommand(app, rest, { customer: values.customer, dryRun: values['dry-run'], json: values.json }, out, err);
      app.close();
      return code;
    }
    case 'audit': {
      const code = auditCommand(app, rest, { since: values.since, until: values.until, doc: values.doc, json: values.json }, out, err);
      app.close();
      return code;
    }
    case 'search': {
      const code = searchCommand(app, rest, { rebuild: values.rebuild, json: values.json }, out, err);
      app.close();
      return code;
    }
    case 'user': {
      const code = await userCommand(app, rest, { role: values.role, name: values.name, passwordStdin: values['password-stdin'], json: values.json }, out, err);
      app.close();
      return code;
    }
    case 'reports': {
      const code = reportsCommand(app, rest, { rebuild: values.rebuild, json: values.json }, out, err);
      app.close();
      return code;
    }
    default:
      app.close();
      err(`Unknown command: ${cmd}\n\n${USAGE}`);
      return 2;
  }
}
