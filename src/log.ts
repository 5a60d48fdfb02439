/**
 * Minimal structured logger. Never pass tokens, secrets or Authorization headers to it: `redact` strips
 * anything that looks like one from free text as a second line of defence.
 */
type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

function threshold(): number {
  const configured = (process.env.LOG_LEVEL ?? 'info').toLowerCase() as Level;
  return order[configured] ?? order.info;
}

const TOKENISH = /(bearer\s+)[A-Za-z0-9\-._~+/]+=*|eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*|("?(?:access_?token|token|password|secret|client_?secret|authorization)"?\s*[:=]\s*)"?[^",\s}]+"?/gi;

export function redact(text: string): string {
  return text.replace(TOKENISH, (_m, bearer: string | undefined, key: string | undefined) =>
    bearer ? `${bearer}[redacted]` : key ? `${key}[redacted]` : '[redacted]',
  );
}

function emit(level: Level, message: string, fields?: Record<string, unknown>): void {
  if (order[level] < threshold()) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg: message, ...fields });
  const safe = redact(line);
  if (level === 'error' || level === 'warn') process.stderr.write(safe + '\n');
  else process.stdout.write(safe + '\n');
}

export const log = {
  debug: (m: string, f?: Record<string, unknown>) => emit('debug', m, f),
  info: (m: string, f?: Record<string, unknown>) => emit('info', m, f),
  warn: (m: string, f?: Record<string, unknown>) => emit('warn', m, f),
  error: (m: string, f?: Record<string, unknown>) => emit('error', m, f),
};
