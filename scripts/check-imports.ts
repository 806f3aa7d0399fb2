import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkImports } from './import-rules.ts';

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const sources = new Map(tsFiles('src').map((file) => [file, readFileSync(file, 'utf8')]));
const violations = checkImports(sources);
for (const v of violations) process.stderr.write(`${v.file}: ${v.rule}: ${v.detail}\n`);
if (violations.length > 0) {
  process.stderr.write(`\n${violations.length} import rule violation(s).\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(`Import rules hold across ${sources.size} files.\n`);
}
