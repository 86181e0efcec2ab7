// Types for chromium.mjs.
export declare const HOW_TO_INSTALL: string;
export declare function findChromium(): string | undefined;
