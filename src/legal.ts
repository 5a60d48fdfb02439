/**
 * GET /privacy and GET /terms: the pages the Teams manifest's privacyUrl and termsOfUseUrl point at, in English or
 * Norwegian Bokmål (?lang=nb|en, else the browser's Accept-Language). Text lives in src/i18n/locales/<lang>/legal.json.
 */
import type { SyncHelperServer } from './server';
import { isLang, type Lang, resolveLang, t } from './i18n';

const PAGES = { privacy: 4, terms: 3 } as const;
type Page = keyof typeof PAGES;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function legalPageLang(query: string | undefined, acceptLanguage: string | undefined): Lang {
  const asked = new URLSearchParams(query ?? '').getAll('lang').find(isLang);
  return asked ?? resolveLang((acceptLanguage ?? '').split(',')[0]);
}

export function renderLegalPage(page: Page, lang: Lang): string {
  const title = escapeHtml(t(lang, `legal.${page}.title`));
  const paragraphs = Array.from({ length: PAGES[page] }, (_, i) => `<p>${escapeHtml(t(lang, `legal.${page}.p${i + 1}`))}</p>`);
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"></head>` +
    `<body style="font-family:system-ui,sans-serif;max-width:40em;margin:2em auto;line-height:1.5"><h1>${title}</h1>${paragraphs.join('')}</body></html>\n`;
}

export function registerLegalPages(server: Pick<SyncHelperServer, 'get'>): void {
  for (const page of Object.keys(PAGES) as Page[]) {
    server.get(`/${page}`, (req, res, query) => {
      const lang = legalPageLang(query.toString(), req.headers['accept-language']);
      const html = renderLegalPage(page, lang);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Language': lang, 'Content-Length': Buffer.byteLength(html) });
      res.end(req.method === 'HEAD' ? undefined : html);
    });
  }
}
