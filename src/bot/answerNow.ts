/**
 * Answering an HTTP request before its turn ends. Bot Framework writes the invoke response only when the whole
 * turn is done; a card click whose check is slow would keep Teams waiting past its invoke window. The server puts an
 * `AnswerNow` into each turn's state: called once, it sends the HTTP answer at once, and the adapter's own answer at
 * the end of the turn is then dropped. The turn itself goes on and can still send and update messages.
 */
import type { TurnContext } from 'botbuilder';

export const ANSWER_NOW = Symbol('synchelper.answerNow');

/** Sends `body` with `status` now; false when the request was already answered. */
export type AnswerNow = (status: number, body: unknown) => boolean;

export function answerNowOf(context: TurnContext): AnswerNow | undefined {
  return context.turnState.get(ANSWER_NOW) as AnswerNow | undefined;
}

interface HttpResponseLike {
  status(code: number): unknown;
  send(...args: unknown[]): unknown;
  end(...args: unknown[]): unknown;
  header(...args: unknown[]): unknown;
  headersSent?: boolean;
}

/**
 * Wraps a response: `answerNow` answers it right away; afterwards the wrapper swallows status/send/end/header so
 * the adapter's late answer changes nothing.
 */
export function earlyAnswerable<R extends HttpResponseLike>(res: R): { res: R; answerNow: AnswerNow } {
  let answered = false;
  const answerNow: AnswerNow = (status, body) => {
    if (answered || res.headersSent) return false;
    answered = true;
    res.status(status);
    res.send(body);
    res.end();
    return true;
  };
  const ignored = new Set<PropertyKey>(['status', 'send', 'end', 'header']);
  const wrapped = new Proxy(res, {
    get(target, prop, receiver) {
      if (answered && ignored.has(prop)) return () => wrapped;
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { res: wrapped, answerNow };
}
