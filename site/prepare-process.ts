// The build's first step (site/prepare.ts) as a process of its own: its options as its one argument, its result
// sent back to the build that started it.
import { prepare, type PrepareOptions } from './prepare.ts';

const prepared = await prepare(JSON.parse(process.argv[2]!) as PrepareOptions);
process.send!(prepared, () => process.disconnect());
