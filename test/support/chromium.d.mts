// Types for chromium.mjs.
import type { Browser } from 'playwright-core';

export const CHROMIUM: string;
export const hasChromium: boolean;
export function launchChromium(): Promise<Browser>;
export function pageCount(pdf: Buffer): number;
