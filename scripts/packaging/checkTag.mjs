// `node scripts/packaging/checkTag.mjs v0.2.0`: the release workflow's guard. electron-builder
// names the draft release after package.json's version; a tag that says otherwise would
// publish installers under the wrong version.
import { readFileSync } from 'node:fs';

const tag = process.argv[2] ?? '';
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
if (tag !== `v${version}`) {
  console.error(`The tag ${tag || '(none)'} does not match package.json version ${version}: tag v${version} or change the version.`);
  process.exit(1);
}
console.log(`Tag ${tag} matches package.json version ${version}.`);
