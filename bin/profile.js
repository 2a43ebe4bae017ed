#!/usr/bin/env node
// Thin shim: all logic lives in the built dist/ (run `npm run build` after changing src/).
import { main } from '../dist/index.js';

main(process.argv);
