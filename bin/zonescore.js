#!/usr/bin/env node
"use strict";
// The command line. `npm ci` compiles src/ into build/node (the "prepare" script), so no build step is needed.
const path = require("path");
const fs = require("fs");
// `zonescore … | head` closes the pipe early: that is not an error
process.stdout.on("error", (e) => {
  if (e && e.code === "EPIPE") process.exit(0);
  throw e;
});
const entry = path.join(__dirname, "..", "build", "node", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("zonescore: build/node is missing; run `npm ci` (or `npx tsc -p tsconfig.cli.json`) first.\n");
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(String((err && err.stack) || err) + "\n");
      process.exitCode = 2;
    },
  );
