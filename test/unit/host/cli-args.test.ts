import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../main/host/cli-args';

describe('parseCliArgs', () => {
  it('uses the defaults with no arguments', () => {
    expect(parseCliArgs([])).toEqual({
      ok: true,
      options: {
        port: 4455,
        bind: '0.0.0.0',
        dataDir: undefined,
        staticDir: undefined,
        help: false,
        advertise: false,
        allowSessionsFrom: [],
        hubs: [],
        quotas: {},
      },
    });
  });

  it('reads every option, in both --flag value and --flag=value form', () => {
    expect(parseCliArgs(['--port', '5000', '--bind=127.0.0.1', '--data', '/tmp/x', '--static=/srv/app'])).toEqual({
      ok: true,
      options: {
        port: 5000,
        bind: '127.0.0.1',
        dataDir: '/tmp/x',
        staticDir: '/srv/app',
        help: false,
        advertise: false,
        allowSessionsFrom: [],
        hubs: [],
        quotas: {},
      },
    });
  });

  it('reads the hubs its pages may talk to, and refuses anything that is not a hub address', () => {
    expect(parseCliArgs(['--hub', 'https://hub.example.org, http://127.0.0.1:4460'])).toMatchObject({
      ok: true,
      options: { hubs: ['https://hub.example.org', 'http://127.0.0.1:4460'] },
    });
    const bad = parseCliArgs(['--hub', 'https://hub.example.org/path']);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toContain('--hub');
  });

  it('reads who may start sessions and the room quotas (sizes in MiB)', () => {
    expect(
      parseCliArgs(['--allow-sessions-from', '192.168.1.20, fd00::7', '--max-rooms=40', '--max-room-mb', '8', '--max-disk-mb=100']),
    ).toMatchObject({
      ok: true,
      options: {
        allowSessionsFrom: ['192.168.1.20', 'fd00::7'],
        quotas: { roomsPerHost: 40, roomBytes: 8 * 1024 * 1024, diskBytes: 100 * 1024 * 1024 },
      },
    });
  });

  it('accepts port 0, IPv6 and localhost', () => {
    expect(parseCliArgs(['--port', '0'])).toMatchObject({ ok: true, options: { port: 0 } });
    expect(parseCliArgs(['--bind', '::1'])).toMatchObject({ ok: true, options: { bind: '::1' } });
    expect(parseCliArgs(['--bind', 'localhost'])).toMatchObject({ ok: true, options: { bind: 'localhost' } });
  });

  it('recognises --help', () => {
    expect(parseCliArgs(['--help'])).toMatchObject({ ok: true, options: { help: true } });
  });

  it.each([
    [['--port', 'abc'], '--port must be a whole number from 0 to 65535, got "abc".'],
    [['--port', '65536'], '--port must be a whole number from 0 to 65535, got "65536".'],
    [['--port', '-1'], '--port must be a whole number from 0 to 65535, got "-1".'],
    [['--port', '1.5'], '--port must be a whole number from 0 to 65535, got "1.5".'],
    [['--port'], '--port needs a value.'],
    [['--port', '--bind', '127.0.0.1'], '--port needs a value.'],
    [['--data='], '--data needs a value.'],
    [['--bind', 'my-laptop'], '--bind must be an IP address such as 0.0.0.0 or 127.0.0.1, got "my-laptop".'],
    [['--verbose'], 'Unknown option --verbose. Run with --help to see the options.'],
    [['--colour=red'], 'Unknown option --colour. Run with --help to see the options.'],
    [['serve'], 'Unexpected argument "serve". Run with --help to see the options.'],
    [['--port', '1', '--port', '2'], '--port was given more than once.'],
    [['--allow-sessions-from', 'laptop.local'], '--allow-sessions-from must be IP addresses separated by commas, such as 192.168.1.20, got "laptop.local".'],
    [['--max-rooms', '0'], '--max-rooms must be a whole number of at least 1, got "0".'],
    [['--max-room-mb', '1.5'], '--max-room-mb must be a whole number of at least 1, got "1.5".'],
  ])('refuses %j with a one-line error', (argv, error) => {
    const result = parseCliArgs(argv);
    expect(result).toEqual({ ok: false, error });
    expect(error).not.toContain('\n');
  });
});
