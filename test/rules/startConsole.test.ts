// What `npm start` shows of NocoBase's output (packages/app/console.js), on lines a real start
// printed (2.2.15, SQLite, first start): our progress and real errors stay; NocoBase's JSON
// warnings, its "still starting" 503 answers and its gateway/SES chatter go to the log file only.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { consoleLine } = require('../../packages/app/console.js');

const json = (entry: Record<string, unknown>) => JSON.stringify({ extra: {}, meta: {}, submodule: '', method: '', app: 'main', timestamp: '2026-12-01 16:44:11', ...entry });
const starting = (message: string) => json({
  level: 'error', message, module: 'gateway', method: 'responseErrorWithCode',
  extra: { method: 'responseErrorWithCode', code: 'commanding', error: { status: 503, maintaining: true, message, command: { name: 'start' }, code: 'APP_COMMANDING' }, statusCode: 200, appName: 'main' },
});

describe('npm start console', () => {
  test('our plugin\'s progress is shown', () => {
    expect(consoleLine(json({ level: 'warn', message: 'demo windows: 8', module: 'appointment-duty' }))).toEqual({ level: 'info', text: '  · demo windows: 8' });
  });

  test('our plugin\'s errors are shown on stderr with their detail', () => {
    const line = consoleLine(json({ level: 'error', message: '[bookingTime] tick failed', module: 'appointment-duty', extra: { error: { message: 'SQLITE_BUSY', stack: 'Error: SQLITE_BUSY\n    at tick' } } }));
    expect(line.level).toBe('error');
    expect(line.text).toContain('[bookingTime] tick failed');
    expect(line.text).toContain('SQLITE_BUSY');
  });

  test('NocoBase\'s "still starting" 503 answers are not shown', () => {
    for (const m of ['init plugins', 'load plugin [file-manager], 32/78', 'locale resource loaded', 'Loading data sources...']) {
      expect(consoleLine(starting(m))).toBeNull();
    }
  });

  test('NocoBase\'s warnings are not shown', () => {
    expect(consoleLine(json({ level: 'warn', message: '[PubSubManager] adapter is not exist or not connected, cannot publish message to channel ws:sendToUser', module: 'application' }))).toBeNull();
    expect(consoleLine(json({ level: 'warn', message: '[Workflow pre-action]: collection "auth" not found', module: 'auth' }))).toBeNull();
  });

  test('a real NocoBase error is shown', () => {
    const line = consoleLine(json({ level: 'error', message: 'load plugin error', module: 'pm', extra: { error: 'Cannot find module x' } }));
    expect(line).toEqual({ level: 'error', text: '  ✖ NocoBase pm: load plugin error\n    Cannot find module x' });
    const appError = json({ level: 'error', message: 'App error', module: 'gateway', extra: { method: 'responseErrorWithCode', error: { status: 503, code: 'APP_ERROR' } } });
    expect(consoleLine(appError)?.level).toBe('error');
  });

  test('gateway, websocket and SES chatter is not shown; other plain text (a crash) is', () => {
    for (const l of [
      'About to overwrite ArrayBuffer.prototype properties ["sliceToImmutable","immutable","transferToImmutable"]',
      'Gateway IPC Server running at /tmp/v2-storage/gateway.sock', 'Gateway HTTP Server running at http://0.0.0.0:13102/',
      'SES Removing unpermitted intrinsics', '  Removing intrinsics.Reflect.metadata', 'client tags: app#main,userId#1',
      'new client connected oLbvxZEGYCJ1jnTr89mUj', 'client disconnected oLbvxZEGYCJ1jnTr89mUj', '', '   ',
    ]) expect(consoleLine(l)).toBeNull();
    expect(consoleLine('Error: listen EADDRINUSE: address already in use 0.0.0.0:13102')).toEqual({ level: 'info', text: 'Error: listen EADDRINUSE: address already in use 0.0.0.0:13102' });
  });
});
