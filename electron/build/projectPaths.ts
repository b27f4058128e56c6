// Where the project's sources and build outputs are, from the repository root.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PLANS_DIR = join(PROJECT_ROOT, 'plans');
export const RENDERER_OUT_DIR = join(PROJECT_ROOT, 'dist', 'renderer');
export const HOST_OUT_DIR = join(PROJECT_ROOT, 'out', 'host');
