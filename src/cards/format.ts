/**
 * How the cards show values to the admin: times in the admin's time zone (from the Teams client) and language,
 * relative where that reads better; products by the names the Microsoft 365 admin center uses; evidence under a
 * human label with the Graph property as a quiet second line. Diagnostics keep raw ISO values and part numbers.
 */
import { bcp47, t, type Lang } from '../i18n';
import SKU_TABLE from './data/skuProductNames.json';

/** Everything a card needs to format values for one admin. */
export interface Audience {
  lang: Lang;
  /** IANA time zone of the admin's Teams client ("Europe/Oslo"); unknown → UTC, said so. */
  timeZone?: string;
  /** "Now" for relative times (the snapshot's time, so a card reads the same whenever it is rendered). */
  now?: string;
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function validTimeZone(tz: unknown): string | undefined {
  if (typeof tz !== 'string' || tz.length === 0 || tz.length > 64) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    return undefined;
  }
}

/**
 * The admin's time zone from an activity (structural: no Bot Framework types): Teams puts it in the `clientInfo`
 * entity (`timezone`), the Bot Framework schema in `localTimezone`. Anything that isn't a real IANA zone is ignored.
 */
export function clientTimeZone(activity: { entities?: unknown; localTimezone?: unknown } | undefined): string | undefined {
  const entities = Array.isArray(activity?.entities) ? (activity.entities as unknown[]) : [];
  for (const e of entities) {
    if (e && typeof e === 'object' && (e as { type?: unknown }).type === 'clientInfo') {
      const tz = validTimeZone((e as { timezone?: unknown }).timezone);
      if (tz) return tz;
    }
  }
  return validTimeZone(activity?.localTimezone);
}

const RELATIVE_LIMIT_MS = 24 * 60 * 60 * 1000;

/**
 * A time as the admin reads it: "12 minutes ago" / "for 12 minutter siden" within a day of `now`, else
 * "5 Dec 2026, 23:26" in their time zone; without a known zone the date and time in UTC, marked "UTC".
 * Graph's 0001-01-01 marker reads "never" ("aldri"); unparsable text comes back unchanged.
 */
export function formatWhen(a: Audience, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (d.getUTCFullYear() <= 1) return t(a.lang, 'cards.time.never');
  const locale = bcp47(a.lang);
  const now = a.now ? new Date(a.now).getTime() : NaN;
  if (a.timeZone && !Number.isNaN(now) && Math.abs(d.getTime() - now) < RELATIVE_LIMIT_MS) {
    const seconds = Math.round((d.getTime() - now) / 1000);
    const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    if (Math.abs(seconds) < 60) return rtf.format(0, 'second');
    if (Math.abs(seconds) < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
    return rtf.format(Math.round(seconds / 3600), 'hour');
  }
  return absoluteTime(a, d);
}

/** Date and time, never relative ("Checked 5 Dec 2026, 23:26"). */
export function absoluteTime(a: Audience, d: Date | string): string {
  const date = typeof d === 'string' ? new Date(d) : d;
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() <= 1) return String(d);
  const text = new Intl.DateTimeFormat(bcp47(a.lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: a.timeZone ?? 'UTC' }).format(date);
  return a.timeZone ? text : `${text} UTC`;
}

const TABLE = SKU_TABLE as { products: Record<string, string>; skuIds: Record<string, string> };

/** "ENTERPRISEPACK" (or its skuId) → "Office 365 E3"; anything not in the table is shown as it is. */
export function productName(sku: string): string {
  const key = sku.trim();
  return TABLE.products[key.toUpperCase()] ?? TABLE.products[TABLE.skuIds[key.toLowerCase()] ?? ''] ?? sku;
}

/** A list as diagnostics join it ("ENTERPRISEPACK, EMS") with each product named. */
export function productNames(list: string): string {
  return list
    .split(', ')
    .map((p) => productName(p))
    .join(', ');
}

/** Evidence keys whose values are SKU part numbers. */
export function isSkuProperty(property: string): boolean {
  return /(skuPartNumber|skuId)$/.test(property);
}

/**
 * The human label for a Graph property ("onPremisesSyncEnabled" → "Synced from on-premises AD"), from
 * src/i18n/locales/<lang>/labels.json. Indexes are ignored (`provisioningLogs[0].x` → `provisioningLogs[].x`);
 * other bracketed parts become `[*]` and fill `{item}` ("subscribedSkus[ENTERPRISEPACK].consumedUnits" →
 * "Licences in use: Office 365 E3"). Unknown properties get their last segment in words.
 */
export function propertyLabel(lang: Lang, property: string): string {
  const indexless = property.replace(/\[\d+\]/g, '[]');
  const exact = `label.${indexless}`;
  const first = t(lang, exact);
  if (first !== exact) return first;
  let item = '';
  const starred = indexless.replace(/\[([^\]]+)\]/g, (_m, inner: string) => {
    if (!item) item = inner.includes('=') ? inner.slice(inner.lastIndexOf('=') + 1) : inner;
    return '[*]';
  });
  const key = `label.${starred}`;
  const second = t(lang, key, { item: productName(item) });
  if (second !== key) return second;
  return humanise(property);
}

function humanise(property: string): string {
  const last = property.split(/[./]/).filter(Boolean).pop() ?? property;
  const words = last.replace(/\[[^\]]*\]/g, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_@]+/g, ' ').trim().toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : property;
}
