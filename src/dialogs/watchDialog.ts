/**
 * Watches by chat (issue #10): set one (sign in → the admin's directory roles and the app/group named, in one
 * $batch → stored → evaluated once with the watcher's access → confirmation card), list them, stop them, and the
 * tenant health report. The watch itself runs in src/watch/watcher.ts without anyone signed in.
 */
import type { TurnContext, UserState } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type Dialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { SIGNIN_DIALOG_ID, isSignInSuccess, type GraphSignIn } from '../auth';
import { healthCard, watchListCard, watchName, watchSetCard } from '../watch/cards';
import type { Clock } from '../clock';
import { heldRoles, holdsAny, roleList, type RoleName } from '../diagnostics/roles';
import type { GraphApi } from '../graph';
import { spByIdUrl, spExactUrl } from '../graph/appSnapshot';
import { isSuccess } from '../graph/errors';
import { groupByIdUrl, groupExactUrl } from '../graph/groupSnapshot';
import { isGuid, normalizeGuid } from '../graph/odata';
import { callerFrom, rolesRequest, sub, valueOf } from '../graph/parts';
import { t, type Lang } from '../i18n';
import { tenantOf } from '../state/botState';
import { watchesMeant, type WatchRequest } from '../watch/commands';
import { fetchHealth, healthLines } from '../watch/health';
import type { Watch, WatchKind, WatchSubject } from '../watch/model';
import { conversationBase, type WatchStore } from '../watch/store';
import type { Watcher } from '../watch/watcher';
import { LangStore } from './lang';
import { sendCard, sendText } from './send';

export const WATCH_DIALOG = 'watch';
const SET_FLOW = 'watch.set';
const HEALTH_FLOW = 'watch.health';
const STOP_FLOW = 'watch.stop';

/** What the dialog is begun with: a typed command, or a Stop button (the watch's id). */
export type WatchDialogOptions = { request: WatchRequest } | { stopId: string };

/** Roles that may set each kind of watch (read access to what it watches, held by an admin). */
export const WATCH_ROLES: Record<WatchKind, RoleName[]> = {
  sync: ['globalAdministrator', 'globalReader', 'hybridIdentityAdministrator'],
  provisioning: ['globalAdministrator', 'globalReader', 'applicationAdministrator', 'cloudApplicationAdministrator', 'hybridIdentityAdministrator'],
  licence: ['globalAdministrator', 'globalReader', 'groupsAdministrator', 'userAdministrator', 'licenseAdministrator'],
};

export interface WatchDialogDeps {
  /** The sign-in dialog (as the live check uses it); without it watches can't be set (no admin check possible). */
  signIn?: Dialog & GraphSignIn;
  /** Graph with the admin's delegated token. */
  graphFor: (token: string) => GraphApi;
  store: WatchStore;
  watcher: Watcher;
  /** The watcher's own access to a tenant (undefined: none). */
  watcherGraph: (tenantId: string) => GraphApi | undefined;
  clock: Clock;
  userState?: UserState;
  intervalSeconds: number;
}

type SetRequest = Extract<WatchRequest, { action: 'set' }>;

export class WatchDialog extends ComponentDialog {
  private readonly langs: LangStore;

  constructor(private readonly deps: WatchDialogDeps) {
    super(WATCH_DIALOG);
    this.langs = new LangStore(deps.userState);
    if (deps.signIn) this.addDialog(deps.signIn);
    this.addDialog(new WaterfallDialog(SET_FLOW, [this.signIn.bind(this), this.setUp.bind(this)]));
    this.addDialog(new WaterfallDialog(HEALTH_FLOW, [this.signIn.bind(this), this.healthSignedIn.bind(this)]));
    this.addDialog(new WaterfallDialog(STOP_FLOW, [this.signIn.bind(this), this.stopSignedIn.bind(this)]));
    this.initialDialogId = SET_FLOW;
  }

  protected override async onBeginDialog(inner: DialogContext, options?: WatchDialogOptions): Promise<DialogTurnResult> {
    const context = inner.context;
    const lang = await this.langs.get(context);
    if (!options) return inner.endDialog();
    if ('stopId' in options) return this.stopWatches(inner, lang, await this.byId(context, lang, options.stopId));
    const request = options.request;
    switch (request.action) {
      case 'list':
        await sendCard(context, watchListCard(lang, await this.here(context)));
        return inner.endDialog();
      case 'stop':
        return this.stopWatches(inner, lang, await this.meant(context, lang, request.what));
      case 'health':
        if ((await this.here(context)).length > 0) {
          const api = this.deps.watcherGraph(tenantOf(context));
          if (api) {
            await this.health(context, lang, api, 'watcher');
            return inner.endDialog();
          }
        }
        if (!this.deps.signIn) {
          await sendText(context, t(lang, 'watch.unavailable'));
          return inner.endDialog();
        }
        return inner.beginDialog(HEALTH_FLOW, request);
      case 'set':
        if (!this.deps.signIn) {
          await sendText(context, t(lang, 'watch.unavailable'));
          return inner.endDialog();
        }
        if (!this.deps.watcherGraph(tenantOf(context))) {
          await sendText(context, t(lang, 'watch.noAccess'));
          return inner.endDialog();
        }
        if (request.kind === 'provisioning' && !request.target) {
          await sendText(context, t(lang, 'watch.needsApp'));
          return inner.endDialog();
        }
        return inner.beginDialog(SET_FLOW, request);
    }
  }

  private here(context: TurnContext): Promise<Watch[]> {
    return this.deps.store.inConversation(tenantOf(context), context.activity.conversation?.id ?? '');
  }

  /** The watches "stop watching …" means; none → the list to pick from. */
  private async meant(context: TurnContext, lang: Lang, what: string | undefined): Promise<Watch[]> {
    const watches = await this.here(context);
    const meant = watchesMeant(watches, what);
    if (meant.length === 0) {
      if (watches.length > 0) await sendText(context, t(lang, 'watch.stop.which'));
      await sendCard(context, watchListCard(lang, watches));
    }
    return meant;
  }

  /** The watch a Stop button names, only from the conversation it posts to: a button copied elsewhere stops nothing. */
  private async byId(context: TurnContext, lang: Lang, id: string): Promise<Watch[]> {
    const watch = await this.deps.store.get(tenantOf(context), id);
    if (!watch || conversationBase(watch.conversationId) !== conversationBase(context.activity.conversation?.id ?? '')) {
      await sendText(context, t(lang, 'watch.stop.notFound'));
      return [];
    }
    return [watch];
  }

  /**
   * Stopping a watch is an admin's decision, like setting one: the admin who set it stops it at once; anyone else
   * signs in first and needs a role that may set that kind of watch (WATCH_ROLES).
   */
  private async stopWatches(inner: DialogContext, lang: Lang, watches: Watch[]): Promise<DialogTurnResult> {
    const context = inner.context;
    const me = context.activity.from?.id ?? '';
    const others = watches.filter((w) => w.setBy.id !== me);
    for (const w of watches.filter((x) => x.setBy.id === me)) await this.remove(context, lang, w);
    if (others.length === 0) return inner.endDialog();
    if (!this.deps.signIn) {
      for (const w of others) await sendText(context, t(lang, 'watch.stop.notYours', { what: watchName(lang, w), name: w.setBy.name ?? '?' }));
      return inner.endDialog();
    }
    for (const w of others) await sendText(context, t(lang, 'watch.stop.signInFirst', { what: watchName(lang, w), name: w.setBy.name ?? '?' }));
    return inner.beginDialog(STOP_FLOW, { ids: others.map((w) => w.id) });
  }

  private async remove(context: TurnContext, lang: Lang, watch: Watch): Promise<void> {
    await this.deps.store.remove(watch);
    await sendText(context, t(lang, 'watch.stopped', { what: watchName(lang, watch) }));
  }

  /** Signed in to stop watches someone else set: stop those whose kind the admin's roles allow. */
  private async stopSignedIn(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const lang = await this.langs.get(context);
    if (!isSignInSuccess(step.result)) {
      await sendText(context, t(lang, 'watch.notSignedIn'));
      return step.endDialog();
    }
    const responses = await this.deps.graphFor(step.result.token).batch([rolesRequest()]);
    const held = heldRoles(callerFrom(sub(responses, 'roles')).roles);
    if (!held) {
      await sendText(context, t(lang, 'watch.rolesUnknown'));
      return step.endDialog();
    }
    const { ids } = step.options as { ids: string[] };
    for (const id of ids) {
      const watch = await this.deps.store.get(tenantOf(context), id);
      if (!watch) await sendText(context, t(lang, 'watch.stop.notFound'));
      else if (holdsAny(held, WATCH_ROLES[watch.kind])) await this.remove(context, lang, watch);
      else await sendText(context, t(lang, 'watch.stop.notAdmin', { what: watchName(lang, watch), roles: roleList(WATCH_ROLES[watch.kind]) }));
    }
    return step.endDialog();
  }

  private async signIn(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(SIGNIN_DIALOG_ID, { purpose: 'read' });
  }

  private async healthSignedIn(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const lang = await this.langs.get(step.context);
    if (!isSignInSuccess(step.result)) {
      await sendText(step.context, t(lang, 'watch.notSignedIn'));
      return step.endDialog();
    }
    await this.health(step.context, lang, this.deps.graphFor(step.result.token), 'delegated');
    return step.endDialog();
  }

  private async health(context: TurnContext, lang: Lang, api: GraphApi, access: 'delegated' | 'watcher'): Promise<void> {
    const snapshot = await fetchHealth(api, this.deps.clock);
    const tenant = snapshot.organization.ok ? (snapshot.organization.value.displayName ?? tenantOf(context)) : tenantOf(context);
    await sendCard(context, healthCard(lang, { tenant, lines: healthLines(lang, snapshot, this.deps.clock), checkedAt: snapshot.fetchedAt, access }));
  }

  /** Roles and the named app/group in one $batch with the admin's token; then the watch is stored and evaluated once. */
  private async setUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const lang = await this.langs.get(context);
    const request = step.options as SetRequest;
    if (!isSignInSuccess(step.result)) {
      await sendText(context, t(lang, 'watch.notSignedIn'));
      return step.endDialog();
    }
    const api = this.deps.graphFor(step.result.token);
    const lookup = request.target ? lookupRequest(request.kind, request.target) : undefined;
    const responses = await api.batch([rolesRequest(), ...(lookup ? [{ id: 'subject', method: 'GET', url: lookup }] : [])]);
    const held = heldRoles(callerFrom(sub(responses, 'roles')).roles);
    if (!held) {
      await sendText(context, t(lang, 'watch.rolesUnknown'));
      return step.endDialog();
    }
    if (!holdsAny(held, WATCH_ROLES[request.kind])) {
      await sendText(context, t(lang, 'watch.notAdmin', { roles: roleList(WATCH_ROLES[request.kind]) }));
      return step.endDialog();
    }
    let subject: WatchSubject | undefined;
    if (request.target) {
      const found = pickSubject(sub(responses, 'subject'));
      const family = request.kind === 'provisioning' ? 'app' : 'group';
      if (found.length !== 1) {
        const key = found.length === 0 ? `watch.notFound.${family}` : `watch.many.${family}`;
        await sendText(context, t(lang, key, { name: request.target, names: found.map((f) => f.displayName).join(', ') }));
        return step.endDialog();
      }
      subject = found[0];
    }
    const conversationId = context.activity.conversation?.id ?? '';
    const tenantId = tenantOf(context);
    const existing = (await this.deps.store.inConversation(tenantId, conversationId)).find((w) => w.kind === request.kind && w.subject?.id === subject?.id);
    if (existing) {
      await sendText(context, t(lang, 'watch.already', { what: watchName(lang, existing) }));
      return step.endDialog();
    }
    const from = context.activity.from;
    const watch: Watch = {
      id: this.deps.store.newId(),
      kind: request.kind,
      tenantId,
      conversationId,
      ...(subject ? { subject } : {}),
      lang,
      setBy: { id: from?.id ?? '', ...(from?.name ? { name: from.name } : {}) },
      createdAt: this.deps.clock.now().toISOString(),
    };
    await this.deps.store.add(watch);
    const now = await this.deps.watcher.baseline(watch);
    await sendCard(context, watchSetCard(lang, watch, now, this.deps.intervalSeconds));
    return step.endDialog();
  }
}

function lookupRequest(kind: WatchKind, target: string): string {
  const id = isGuid(target) ? normalizeGuid(target) : undefined;
  if (kind === 'provisioning') return id ? spByIdUrl(id) : spExactUrl(target);
  return id ? groupByIdUrl(id) : groupExactUrl(target);
}

/** The objects the lookup found: one by id, or the exact-name matches. */
function pickSubject(res: ReturnType<typeof sub>): WatchSubject[] {
  if (!isSuccess(res.status)) return [];
  const body = res.body as { id?: string; displayName?: string | null; value?: unknown };
  const found = Array.isArray(body?.value) ? valueOf<{ id: string; displayName?: string | null }>(body) : body?.id ? [body as { id: string; displayName?: string | null }] : [];
  return found.map((f) => ({ id: f.id, displayName: f.displayName ?? f.id }));
}
