/**
 * One structured log line per turn (adapter middleware): activity type, name and id, conversation kind, a hash of
 * the conversation id (never the id, the text or the user), duration, outcome and Graph round trips. The same record
 * goes to the telemetry export when one is configured (Application Insights).
 */
import type { Middleware, TurnContext } from 'botbuilder';
import { log } from '../log';
import { hashId, trackEvent, withTurnScope } from '../telemetry';

export function createTurnLogMiddleware(now: () => number = Date.now): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const { type, name, id, conversation } = context.activity;
      const started = now();
      await withTurnScope(async (turn) => {
        let outcome = 'ok';
        try {
          await next();
        } catch (error) {
          outcome = 'error';
          throw error;
        } finally {
          const record = {
            activityType: type ?? null,
            ...(name ? { activityName: name } : {}),
            activityId: id ?? null,
            conversationKind: conversation?.conversationType ?? 'personal',
            conversation: conversation?.id ? hashId(conversation.id) : null,
            durationMs: now() - started,
            outcome,
            graphRoundTrips: turn.graphRoundTrips,
          };
          log.info('turn', record);
          trackEvent('turn', record);
        }
      });
    },
  };
}
