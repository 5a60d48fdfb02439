import * as fs from 'fs';
import * as path from 'path';

/** The folder that holds package.json, found from this file whether it runs from src/ (ts-jest) or dist/src/. */
function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
}

export const projectRoot = findProjectRoot(__dirname);

/** Absolute path of a resource file kept in the source tree (JSON templates, locales, utterances). */
export function resourcePath(...segments: string[]): string {
  return path.join(projectRoot, ...segments);
}
