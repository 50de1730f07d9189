/**
 * Seeds the LAN door e2e's database before the server starts: an empty workshop (no first
 * run screen) and one office user. Run as `node --import tsx test/e2e/lanSeed.ts DB`.
 */
import { createApp } from '../../src-main/api/app';
import { addTestUser } from '../support/lanUsers';

const app = createApp(process.argv[2]!, { program: 'cli', door: 'cli' });
app.call('system.startEmpty', {});
addTestUser(app.ctx.sqlite, 'anna', 'anna-password-1', 'office', 'Anna Rossi');
app.close();
