// Loaded with `node --import` in a child process (a `watch` under test): the fault layer of
// full-disk.ts over VIGIE_FULL_DISK_ROOT, full while the file VIGIE_FULL_DISK_FLAG exists.
import { existsSync } from 'node:fs';
import { installFullDisk } from './full-disk';

const root = process.env['VIGIE_FULL_DISK_ROOT'];
const flag = process.env['VIGIE_FULL_DISK_FLAG'];
if (root && flag) installFullDisk(root, () => existsSync(flag));
