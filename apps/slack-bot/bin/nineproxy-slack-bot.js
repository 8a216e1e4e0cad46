#!/usr/bin/env node
// Runs the built command line (`pnpm build` writes dist/).
import "../dist/cli.js";
