// What `npm start` shows of what NocoBase prints. Everything it prints goes to
// <STORAGE_PATH>/logs/npm-start.log (and its JSON logs also to logs/main/system_<date>.log, by
// NocoBase's own file transport); the console keeps our plugin's progress and real errors:
//   - our plugin's log lines (module appointment-duty): the demo seed's progress, its warnings, errors;
//   - any error NocoBase logs, except the gateway's 503 "app is still starting" answers (to our
//     own readiness polling and to a browser opened early);
//   - any plain line that is not one of NocoBase's known chatter lines (a crash prints plain text).
// NocoBase's warnings (pub/sub adapter, "[Workflow pre-action] collection … not found" …) stay in the files.

/** Plain lines NocoBase's gateway, websocket server and SES lockdown print on every start or visit. */
const CHATTER = [
  /^About to overwrite ArrayBuffer\.prototype properties/,
  /^Gateway (IPC|HTTP) Server running at /,
  /^SES Removing unpermitted intrinsics/,
  /^\s+Removing intrinsics\./,
  /^(new )?client (connected|disconnected)\b/,
  /^client tags: /,
  /^status /,
];

const OUR_MODULE = 'appointment-duty';

function parseJson(line) {
  if (!line.startsWith('{')) return null;
  try {
    const entry = JSON.parse(line);
    return entry && typeof entry.level === 'string' && 'message' in entry ? entry : null;
  } catch {
    return null;
  }
}

/** The gateway answering 503 while the app loads its plugins and data sources (APP_COMMANDING …). */
function stillStarting(entry) {
  const extra = entry.extra || {};
  const code = extra.error?.code || extra.code || '';
  return extra.method === 'responseErrorWithCode' && /^(APP_)?(COMMANDING|INITIALIZING|PREPARING|STARTING)$/i.test(code);
}

function errorDetail(entry) {
  const e = entry.extra?.error || entry.error || entry.meta?.error;
  if (!e) return '';
  if (typeof e === 'string') return `\n    ${e}`;
  const text = e.stack || e.message || JSON.stringify(e);
  return `\n    ${String(text).split('\n').slice(0, 8).join('\n    ')}`;
}

/**
 * The console text for one line NocoBase printed, or null to leave it in the log file only.
 * `level` is 'info' for progress and 'error' for what must go to stderr.
 */
function consoleLine(raw) {
  const line = raw.replace(/\s+$/, '');
  if (!line.trim()) return null;
  const entry = parseJson(line);
  if (!entry) return CHATTER.some((re) => re.test(line)) ? null : { level: 'info', text: line };
  const message = String(entry.message);
  if (entry.module === OUR_MODULE) {
    if (entry.level === 'error') return { level: 'error', text: `  ✖ ${message}${errorDetail(entry)}` };
    return { level: 'info', text: `  · ${message}` };
  }
  if ((entry.level === 'error' || entry.level === 'fatal') && !stillStarting(entry)) {
    return { level: 'error', text: `  ✖ NocoBase${entry.module ? ` ${entry.module}` : ''}: ${message}${errorDetail(entry)}` };
  }
  return null;
}

/** Splits a stream into lines and calls onLine for each complete one. */
function eachLine(stream, onLine) {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop();
    parts.forEach(onLine);
  });
  stream.on('end', () => rest && onLine(rest));
}

module.exports = { consoleLine, eachLine };
