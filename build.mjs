// `npm run build`: writes dist/ for `clasp push` and the workbench. The build itself is tools/build.ts, so this entry
// runs through tsx: `node --import tsx build.mjs`.
import { build } from './tools/build.ts';

const sizes = await build();
console.log(
  `dist/Code.js ${(sizes.code / 1024).toFixed(1)} KB, dist/Sidebar.html ${(sizes.sidebar / 1024).toFixed(1)} KB`,
);
