// Types for build.mjs, for the tests and tools that import it.
export declare const DIST: string;
export declare function build(outDir?: string): Promise<{ code: number; sidebar: number }>;
