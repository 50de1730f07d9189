// `node scripts/icons.mjs`: renders resources/icons/icon.svg (the one source drawing) into
// every size the installers want, with the system Chromium (the one e2e tests use), then
// packs the Windows .ico and the macOS .icns. Both containers are simple: a directory of
// PNG images (ICO since Vista, ICNS since 10.7), so no image package is needed.
// Run it again after changing the drawing and commit the outputs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const dir = 'resources/icons';
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const browser = await chromium.launch({
  executablePath: process.env.BOTTEGA_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const png = new Map();
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    const buf = await page.locator('svg').screenshot({ omitBackground: true });
    png.set(size, buf);
    // Linux (AppImage, deb) takes a folder of NxN.png files
    writeFileSync(join(dir, `${size}x${size}.png`), buf);
  }
} finally {
  await browser.close();
}
writeFileSync(join(dir, 'icon.png'), png.get(1024));

/** ICO: 6-byte header, a 16-byte entry per image, then the PNG bytes. 256 is written as 0. */
function ico(sizes) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(sizes.length, 4);
  const entries = [];
  const images = [];
  let offset = 6 + 16 * sizes.length;
  for (const s of sizes) {
    const img = png.get(s);
    const e = Buffer.alloc(16);
    e.writeUInt8(s >= 256 ? 0 : s, 0);
    e.writeUInt8(s >= 256 ? 0 : s, 1);
    e.writeUInt8(0, 2); // no palette
    e.writeUInt8(0, 3);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(img.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += img.length;
    entries.push(e);
    images.push(img);
  }
  return Buffer.concat([header, ...entries, ...images]);
}

/** ICNS: 'icns' + total length, then blocks of OSType + length (incl. 8-byte head) + PNG. */
function icns(types) {
  const blocks = types.map(([type, size]) => {
    const img = png.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(img.length + 8, 4);
    return Buffer.concat([head, img]);
  });
  const body = Buffer.concat(blocks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

writeFileSync(join(dir, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256]));
writeFileSync(
  join(dir, 'icon.icns'),
  icns([
    ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024],
    ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
  ]),
);
console.log(`icons written to ${dir}: ${SIZES.map((s) => `${s}x${s}.png`).join(', ')}, icon.png, icon.ico, icon.icns`);
