/** `npm start`: builds dist/, then serves the workbench at http://127.0.0.1:8787 (PORT sets the port; 0 picks a free one). */

import path from 'node:path';
import { build } from '../tools/build';
import { startWorkbench } from './server/http-server';
import { ROOT } from './session/project-paths';
import { WORKBOOK_FILE } from './session/workbench-session';

const port = process.env.PORT === undefined || process.env.PORT === '' ? 8787 : Number(process.env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0 picks a free one); got ${process.env.PORT}`);
  process.exit(2);
}
const dir = process.env.WORKBENCH_DIR ? path.resolve(process.env.WORKBENCH_DIR) : path.join(ROOT, '.workbench');

const started = performance.now();
const sizes = await build();
console.log(
  `Built dist/ (Code.js ${(sizes.code / 1024).toFixed(1)} KB, Sidebar.html ${(sizes.sidebar / 1024).toFixed(1)} KB)`,
);
const running = await startWorkbench({ port, dir, log: (line) => console.log(line) }).catch((error) => {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Port ${port} is in use. Stop what uses it, or start on another port: PORT=0 npm start`);
    process.exit(1);
  }
  throw error;
});
for (const notice of running.workbench.notices) console.log(notice);
console.log(`Workbook: ${path.join(dir, WORKBOOK_FILE)} (delete the folder to start over)`);
console.log(`Ready in ${Math.round(performance.now() - started)} ms`);
console.log(`Lean Sales workbench: ${running.url}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    running.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
