/**
 * Validation of FatturaPA files against the official schema 1.2.2 (test/fixtures/fatturapa,
 * whose xmldsig import is the local file) with xmllint. --nonet: xmllint must never fetch
 * anything, so a schema that needed the network would fail here rather than pass slowly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FATTURAPA_XSD = join(__dirname, '..', 'fixtures', 'fatturapa', 'Schema_del_file_xml_FatturaPA_v1.2.2.xsd');

/** xmllint's verdict on one XML text: ok, and its messages (file name and line of each error). */
export function validateFattura(xml: string, name = 'fattura.xml'): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fatturapa-'));
  const file = join(dir, name);
  writeFileSync(file, xml, 'utf8');
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', FATTURAPA_XSD, file], { encoding: 'utf8' });
  if (r.error) throw r.error;
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}
