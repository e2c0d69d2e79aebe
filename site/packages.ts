import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of an installed npm package (one that exports its package.json), for the files the build copies. */
export const packageDir = (pkg: string): string => dirname(fileURLToPath(import.meta.resolve(`${pkg}/package.json`)));
