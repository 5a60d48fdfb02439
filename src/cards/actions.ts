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
  text?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readCardAction(activity: ActivityLike): CardAction | undefined {
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action' && isRecord(activity.value)) {
    const action = activity.value.action;
    if (!isRecord(action)) return undefined;
    const data = isRecord(action.data) ? action.data : {};
    // A click without a verb (a foreign or very old card) is still a click: verb '' makes it stale, so it gets the
    // "older card" answer instead of silence.
    const verb = typeof action.verb === 'string' ? action.verb : typeof data.verb === 'string' ? data.verb : '';
    return { verb, v: typeof data.v === 'number' ? data.v : 0, data, via: 'execute' };
  }
  if (activity.type === 'message' && isRecord(activity.value)) {
    const data = activity.value;
    // Action.Submit sends its data with no text; a message that has text is something typed, not a click.
    if (typeof data.verb !== 'string' && typeof activity.text === 'string' && activity.text.trim()) return undefined;
    return { verb: typeof data.verb === 'string' ? data.verb : '', v: typeof data.v === 'number' ? data.v : 0, data, via: 'submit' };
  }
  return undefined;
}
