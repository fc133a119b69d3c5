// The Meilisearch package ships its binary without the executable bit; restore it
// so `npm start` can spawn the server. Missing on non-Linux-x64 installs: fine,
// there MEILI_URL points at a server of the user's own.
import { chmodSync, existsSync } from 'node:fs';
import { meiliBinaryPath } from './meili-binary.js';

const bin = meiliBinaryPath();
if (bin && existsSync(bin)) chmodSync(bin, 0o755);
