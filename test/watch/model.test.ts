/** What the channel hears as a watched state changes (issue #10): one alert per worsening, one recovery, no repeats, flapping summarised. */
import { FLAP_WINDOW_MS, initialState, step, type Observation, type WatchState } from '../../src/watch/model';

const at = (minutes: number) => new Date(Date.parse('2026-11-21T09:00:00Z') + minutes * 60_000);
const ok: Observation = { level: 'ok', items: [], additive: false };
const late: Observation = { level: 'warning', items: ['T1.late'], additive: false };
const stale: Observation = { level: 'bad', items: ['T1.stale'], additive: false, since: '2026-11-20T07:00:00Z' };
const unreadable: Observation = { level: 'unknown', items: [], additive: false, failure: '503 serviceUnavailable' };
const licences = (...users: string[]): Observation => ({ level: users.length ? 'warning' : 'ok', items: users, additive: true });

/** Runs observations one interval (5 min) apart and returns the messages said. */
function run(start: Observation, seq: Observation[], gapMinutes = 5): { said: string[]; state: WatchState } {
  let state = initialState(start, at(0));
  const said: string[] = [];
  seq.forEach((o, i) => {
    const r = step(state, o, at((i + 1) * gapMinutes));
    state = r.state;
    if (r.message) said.push(r.message.kind === 'alert' ? `alert:${r.message.previous}>${r.message.observation.level}` : r.message.kind);
  });
  return { said, state };
}

describe('watch state changes', () => {
  it('a state that gets worse is announced once, however often it is seen; recovery once', () => {
    expect(run(ok, [ok, stale, stale, stale, ok, ok]).said).toEqual(['alert:ok>bad', 'recovered']);
  });

  it('late then stale: two alerts (each worse); stale back to late: silent; late back to ok: recovered', () => {
    expect(run(ok, [late, stale, late, ok], 30).said).toEqual(['alert:ok>warning', 'alert:warning>bad', 'recovered']);
  });

  it('a watch set while things are already bad says nothing until they change', () => {
    expect(run(stale, [stale, stale]).said).toEqual([]);
    expect(run(stale, [ok]).said).toEqual(['recovered']);
  });

  it('unreadable intervals change nothing: no alert, no recovery, no lost state', () => {
    expect(run(ok, [unreadable, stale, unreadable, stale]).said).toEqual(['alert:ok>bad']);
  });

  it('licence errors: a new member with an error alerts even at the same level; one fixed is silent; a new one alerts again', () => {
    const { said, state } = run(licences('a'), [licences('a', 'b'), licences('a', 'b'), licences('b'), licences('b', 'c')], 30);
    expect(said).toEqual(['alert:warning>warning', 'alert:warning>warning']);
    expect(state.announced.items).toEqual(['b', 'c']);
  });

  it('flapping: ≥ 3 changes within an hour give one summary, then quiet; after it settles, back to normal is said', () => {
    const flap = [stale, ok, stale, ok, stale, ok];
    const { said, state } = run(ok, flap);
    expect(said).toEqual(['alert:ok>bad', 'recovered', 'flapping']);
    // An hour later it has settled where the channel was last told it was (ok): nothing more to say.
    const later = step(state, ok, new Date(at(30).getTime() + FLAP_WINDOW_MS));
    expect(later.message).toBeUndefined();
    expect(later.state.flappingSince).toBeUndefined();
  });

  it('flapping that settles in a bad state alerts once it has settled', () => {
    const { state } = run(ok, [stale, ok, stale]);
    expect(state.flappingSince).toBeDefined();
    const settled = step(state, stale, new Date(at(15).getTime() + FLAP_WINDOW_MS + 60_000));
    // The channel was last told "back to normal": now that it has settled as stale, it gets the alert.
    expect(settled.message?.kind).toBe('alert');
    expect(settled.state.flappingSince).toBeUndefined();
  });
});
