// Worker bootstrap: worker threads do not inherit the tsx loader that bin/dyad.js registers in the
// main thread (and `--import tsx` in a worker's execArgv does not apply to its entry module), so
// register tsx here, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./code-worker.ts');
