/** The privacy and terms pages the Teams manifest links to are served by the bot itself, in English and Norwegian. */
import { registerLegalPages } from '../src/legal';
import { createServer, type RunningServer } from '../src/server';

describe('GET /privacy and /terms', () => {
  let running: RunningServer;
  let base: string;
  beforeAll(async () => {
    const server = createServer({
      config: { mode: 'sample', maxBodyBytes: 64 * 1024 },
      adapter: { process: async () => undefined },
      bot: { run: async () => undefined },
    });
    registerLegalPages(server);
    running = await server.listen(0, '127.0.0.1');
    base = running.url;
  });
  afterAll(() => running.close());

  it('an admin opening the privacy link from Teams in English reads what is stored and that tokens never are', async () => {
    const res = await fetch(`${base}/privacy`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<h1>SyncHelper privacy statement</h1>');
    expect(html).toContain('never stored or logged');
  });

  it('en norsk administrator får personvernerklæringen på bokmål', async () => {
    const res = await fetch(`${base}/privacy`, { headers: { 'accept-language': 'nb-NO,nb;q=0.9' } });
    expect(res.headers.get('content-language')).toBe('nb');
    expect(await res.text()).toContain('<h1>Personvernerklæring for SyncHelper</h1>');
  });

  it('?lang= wins over the browser language, for the terms too', async () => {
    const nb = await (await fetch(`${base}/terms?lang=nb`, { headers: { 'accept-language': 'en-US' } })).text();
    expect(nb).toContain('Vilkår for bruk av SyncHelper');
    const en = await (await fetch(`${base}/terms?lang=en`, { headers: { 'accept-language': 'nb-NO' } })).text();
    expect(en).toContain('SyncHelper terms of use');
  });

  it('other paths are 404 and other methods 405, as JSON', async () => {
    const missing = await fetch(`${base}/nothing-here`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('NotFound');
    const post = await fetch(`${base}/privacy`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const getMessages = await fetch(`${base}/api/messages`);
    expect(getMessages.status).toBe(405);
  });
});
