#!/usr/bin/env node
// Runs the CLI on the Node.js that installed the project (Node 24 runs TypeScript directly).
import { runCli } from '../src/cli.ts';

process.exitCode = await runCli(
  process.argv.slice(2),
  process.env,
  (s) => process.stdout.write(`${s}\n`),
  (s) => process.stderr.write(`${s}\n`),
);
