import { existsSync } from 'node:fs';

/**
 * Debian's Chromium for the browser tests, never a downloaded browser: CHROMIUM_PATH, else Debian's
 * headless shell (package `chromium-headless-shell`), else the full browser (package `chromium`).
 * The tests only ever run headless, and the headless shell, the same Chromium without the
 * browser's own windowing, did the same pages for about 30% less CPU (ADR 0072).
 */
const CANDIDATES = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

export const chromiumPath: string = process.env.CHROMIUM_PATH ?? CANDIDATES.find((path) => existsSync(path)) ?? (CANDIDATES[0] as string);
export const hasChromium: boolean = existsSync(chromiumPath);
