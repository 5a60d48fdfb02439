/**
 * Command-line recogniser: JSON lines {"text": "...", "locale": "en-US"} on stdin →
 * exactly one JSON line {"intent": "...", "score": 0.93} per input line on stdout, in order.
 * Blank or invalid lines still get an answer (out_of_scope, score 0) and a message on stderr.
 *
 *   npm run --silent recognize < utterances.jsonl
 */
import * as readline from 'readline';
import { createRecognizer } from '../src/recognizer';
import type { IntentRecognizer } from '../src/recognizer/types';

export interface LineResult {
  /** The JSON line for stdout. */
  output: string;
  /** A diagnostic for stderr when the input line was unusable. */
  error?: string;
}

const FALLBACK = JSON.stringify({ intent: 'out_of_scope', score: 0 });

export function processLine(line: string, recognizer: IntentRecognizer, lineNumber = 0): LineResult {
  if (line.trim() === '') return { output: FALLBACK, error: `line ${lineNumber}: empty line` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { output: FALLBACK, error: `line ${lineNumber}: not valid JSON` };
  }
  const text = (parsed as { text?: unknown } | null)?.text;
  const locale = (parsed as { locale?: unknown } | null)?.locale;
  if (typeof text !== 'string') return { output: FALLBACK, error: `line ${lineNumber}: no "text" string` };
  const r = recognizer.recognize(text, typeof locale === 'string' ? locale : undefined);
  return { output: JSON.stringify({ intent: r.intent, score: Math.round(r.score * 10000) / 10000 }) };
}

/** One output line per input line, in order; errors go to `onError`. */
export function processLines(lines: string[], recognizer: IntentRecognizer, onError: (message: string) => void = () => undefined): string[] {
  return lines.map((line, i) => {
    const r = processLine(line, recognizer, i + 1);
    if (r.error) onError(r.error);
    return r.output;
  });
}

async function main(): Promise<void> {
  const recognizer = createRecognizer();
  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  let n = 0;
  for await (const line of input) {
    n++;
    const r = processLine(line, recognizer, n);
    if (r.error) process.stderr.write(`recognize: ${r.error}\n`);
    if (!process.stdout.write(r.output + '\n')) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`recognize: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
