/**
 * Card actions. Every Action.Submit / Action.Execute carries `data: { verb, v, ...payload }`.
 * Clicks arrive either as a message whose `value` is that data (Action.Submit) or as an
 * `adaptiveCard/action` invoke whose `value.action` has `verb` and `data` (Action.Execute);
 * `readCardAction` gives both the same shape so dialogs never care which one it was.
 */
export const ACTION_VERSION = 1;

export interface CardAction {
  verb: string;
  /** The action version the card was built with; a different one is a stale card. */
  v: number;
  data: Record<string, unknown>;
  /** 'execute' when it came as an adaptiveCard/action invoke. */
  via: 'submit' | 'execute';
}

interface ActivityLike {
  type?: string;
  name?: string;
  value?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readCardAction(activity: ActivityLike): CardAction | undefined {
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action' && isRecord(activity.value)) {
    const action = activity.value.action;
    if (!isRecord(action)) return undefined;
    const data = isRecord(action.data) ? action.data : {};
    const verb = typeof action.verb === 'string' ? action.verb : typeof data.verb === 'string' ? data.verb : undefined;
    if (!verb) return undefined;
    return { verb, v: typeof data.v === 'number' ? data.v : 0, data, via: 'execute' };
  }
  if (activity.type === 'message' && isRecord(activity.value)) {
    const data = activity.value;
    if (typeof data.verb !== 'string') return undefined;
    return { verb: data.verb, v: typeof data.v === 'number' ? data.v : 0, data, via: 'submit' };
  }
  return undefined;
}
