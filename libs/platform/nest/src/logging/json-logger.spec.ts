import { JsonLogger, createAppLogger } from './json-logger';
import { requestIdFrom } from './request-logging';
import { stackFrames } from './operation-log.plugin';

function capture(run: () => void): string[] {
  const lines: string[] = [];
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
  try {
    run();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return lines.join('').split('\n').filter(Boolean);
}

describe('JsonLogger', () => {
  it('writes one JSON object per line, objects kept as objects', () => {
    const [line] = capture(() => new JsonLogger('info').log({ event: 'request', status: 200 }, 'http'));
    expect(JSON.parse(line)).toMatchObject({ level: 'log', context: 'http', message: { event: 'request', status: 200 } });
  });

  it('follows LOG_LEVEL: info hides debug, warn hides info, silent is no logger', () => {
    expect(capture(() => new JsonLogger('info').debug({ event: 'x' }, 'http'))).toEqual([]);
    expect(capture(() => new JsonLogger('warn').log({ event: 'x' }, 'http'))).toEqual([]);
    expect(capture(() => new JsonLogger('debug').debug({ event: 'x' }, 'http'))).toHaveLength(1);
    expect(createAppLogger('silent')).toBeUndefined();
  });

  it("keeps Nest's start-up chatter for debug", () => {
    expect(capture(() => new JsonLogger('info').log('AppModule dependencies initialized', 'InstanceLoader'))).toEqual([]);
    expect(capture(() => new JsonLogger('debug').log('AppModule dependencies initialized', 'InstanceLoader'))).toHaveLength(1);
  });

  it("drops Nest's own report of errors thrown by resolvers, which quotes what failed", () => {
    const error = new Error("insert into users values ('someone@example.test', 'scrypt$…')");
    expect(capture(() => new JsonLogger('debug').error(error, undefined, 'ExceptionsHandler'))).toEqual([]);
    expect(capture(() => new JsonLogger('info').error({ event: 'graphql.internal_error' }, 'graphql'))).toHaveLength(1);
  });
});

describe('requestIdFrom', () => {
  it('keeps a sane incoming id and replaces anything else', () => {
    expect(requestIdFrom('req-42.a:b_C')).toBe('req-42.a:b_C');
    expect(requestIdFrom(['abc', 'def'])).toBe('abc');
    for (const bad of [undefined, '', 'x'.repeat(129), 'a b', 'someone@example.test', 'id\r\nSet-Cookie: x']) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('stackFrames', () => {
  it('keeps the frames and drops the message line', () => {
    const frames = stackFrames(new Error('duplicate key someone@example.test'));
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.every((f) => f.startsWith('at '))).toBe(true);
    expect(frames.join()).not.toContain('example.test');
  });
});
