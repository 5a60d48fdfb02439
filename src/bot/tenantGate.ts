/**
 * Allowed tenants (ALLOWED_TENANTS): an activity from any other tenant is answered politely and goes no further —
 * no dialog turn, no sign-in, no Graph call. It runs as the adapter's first middleware.
 *   message → a short "not available for your organisation" in the activity's language
 *   invoke  → an invoke response (a message for a card click, 403 for anything else)
 *   other   → nothing (no welcome for an install in a foreign tenant)
 * The tenant is Teams' `channelData.tenant.id`, else `conversation.tenantId`; an activity naming none is refused.
 */
import { type InvokeResponse, type Middleware, type TurnContext } from 'botbuilder';
import type { AllowedTenants } from '../config';
import { resolveLang, t } from '../i18n';
import { log } from '../log';
import { errorResponse, messageResponse } from '../cards/invoke';

function idIn(value: unknown): string | undefined {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.trim() ? id.trim() : undefined;
}

/** The tenant an activity comes from, lower-case, or undefined when it names none. */
export function tenantOf(activity: TurnContext['activity']): string | undefined {
  const channelData = activity.channelData as { tenant?: unknown } | undefined;
  const conversationTenant = activity.conversation?.tenantId;
  const tenant = idIn(channelData?.tenant) ?? (typeof conversationTenant === 'string' && conversationTenant.trim() ? conversationTenant.trim() : undefined);
  return tenant?.toLowerCase();
}

/** The middleware for `allowed`, or undefined when every tenant is served ('*'). */
export function createTenantGate(allowed: AllowedTenants): Middleware | undefined {
  if (allowed === '*') return undefined;
  const tenants = new Set(allowed);
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const tenant = tenantOf(context.activity);
      if (tenant && tenants.has(tenant)) {
        await next();
        return;
      }
      const { type, name } = context.activity;
      log.warn('activity from a tenant that is not allowed: refused before any turn', { tenantId: tenant ?? 'none', activityType: type, name });
      const text = t(resolveLang(context.activity.locale), 'common.tenant.notAllowed');
      if (type === 'message') {
        await context.sendActivity(text);
      } else if (type === 'invoke') {
        const value: InvokeResponse =
          name === 'adaptiveCard/action'
            ? { status: 200, body: messageResponse(text) }
            : { status: 403, body: errorResponse(403, 'TenantNotAllowed', text) };
        await context.sendActivity({ type: 'invokeResponse', value });
      }
    },
  };
}
