/** A thin botbuilder-dialogs Recognizer over the pure recogniser, for dialogs that expect one. */
import type { Activity, RecognizerResult } from 'botbuilder';
import { Recognizer, type DialogContext } from 'botbuilder-dialogs';
import { createRecognizer } from './index';
import type { IntentRecognizer } from './types';

export class SyncHelperRecognizer extends Recognizer {
  constructor(private readonly inner: IntentRecognizer = createRecognizer()) {
    super();
    this.id = 'SyncHelperRecognizer';
  }

  override async recognize(_dialogContext: DialogContext, activity: Partial<Activity>): Promise<RecognizerResult> {
    const text = activity.text ?? '';
    const r = this.inner.recognize(text, activity.locale);
    const intents: RecognizerResult['intents'] = {};
    for (const { intent, score } of r.ranked) intents[intent] = { score };
    return { text, intents, entities: { ...r.entities }, uncertain: r.uncertain };
  }
}
