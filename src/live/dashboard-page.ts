/**
 * The dashboard page: the reference's student model status panel. Self-contained HTML whose only other
 * request is /plotly.min.js (served from node_modules) — it works offline. State arrives as server-sent
 * events (`state`), each carrying the engine overview with a ready plotly figure spec.
 */
export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>SenseQuant engine — student model status</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #222; }
  h1 { font-size: 1.3rem; margin: 0 0 1rem; }
  .panel { border: 1px solid #ddd; border-radius: 6px; padding: 0.8rem 1rem; margin-bottom: 1rem; }
  dl { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; margin: 0; }
  dt { color: #666; }
  table { border-collapse: collapse; }
  td, th { padding: 0.15rem 0.8rem 0.15rem 0; text-align: left; }
  #alerts li { margin-bottom: 0.3rem; }
  .degradation { color: #b35900; }
  .auto_rollback, .auto_rollback_failed { color: #b00020; }
  #metrics-plot { height: 360px; }
  .muted { color: #888; }
</style>
</head>
<body>
<h1>Student model status</h1>
<div class="panel">
  <dl>
    <dt>Active version</dt><dd id="version">—</dd>
    <dt>Source</dt><dd id="source">—</dd>
    <dt>Student scoring</dt><dd id="enabled">—</dd>
    <dt>Registry production</dt><dd id="production">—</dd>
    <dt>Session</dt><dd id="session">—</dd>
    <dt>Bar time</dt><dd id="bar-time">—</dd>
  </dl>
</div>
<div class="panel">
  <table>
    <tr><th></th><th>rolling</th><th>validation</th></tr>
    <tr><td>precision (LONG)</td><td id="rolling-precision">—</td><td id="validation-precision">—</td></tr>
    <tr><td>hit ratio</td><td id="rolling-hit">—</td><td id="validation-hit">—</td></tr>
  </table>
  <div id="metrics-plot" data-points="0"></div>
</div>
<div class="panel">
  <strong>Recent alerts</strong> <span id="alerts-total" class="muted"></span>
  <ul id="alerts"><li class="muted">none</li></ul>
</div>
<div class="panel">
  <strong>Last rollback</strong>
  <div id="last-rollback" class="muted">none</div>
</div>
<script src="/plotly.min.js"></script>
<script>
  const $ = (id) => document.getElementById(id);
  const fmt = (x) => (x === null || x === undefined ? '—' : Number(x).toFixed(3));
  const text = (id, v) => { $(id).textContent = v === null || v === undefined || v === '' ? '—' : String(v); };
  function render(s) {
    text('version', s.active.version);
    text('source', s.active.source);
    text('enabled', s.active.enabled === null ? null : s.active.enabled ? 'enabled' : 'disabled (baseline strategy)');
    text('production', s.production);
    const sess = s.status && s.status.session;
    text('session', sess ? sess.state + ' · ' + sess.strategy + ' · policy ' + sess.policy +
      (sess.progress ? ' · ' + sess.progress.done + '/' + sess.progress.total + ' bars' : '') : null);
    text('bar-time', s.status && s.status.updated);
    text('rolling-precision', fmt(s.rolling.precision));
    text('rolling-hit', fmt(s.rolling.hit_ratio));
    text('validation-precision', fmt(s.rolling.validation_precision));
    text('validation-hit', fmt(s.rolling.validation_hit_ratio));
    const plot = $('metrics-plot');
    Plotly.react(plot, s.figure.data, s.figure.layout, { displayModeBar: false, responsive: true });
    plot.dataset.points = String(s.metricsPoints);
    const ul = $('alerts');
    ul.replaceChildren();
    for (const a of s.recentAlerts.slice().reverse()) {
      const li = document.createElement('li');
      li.className = a.type === 'student_model_degradation' ? 'degradation' : a.type;
      li.dataset.type = a.type;
      li.textContent = a.time + ' · ' + a.type + ' · ' + (a.model_version || '') + ' · ' + a.message;
      ul.append(li);
    }
    if (s.recentAlerts.length === 0) ul.innerHTML = '<li class="muted">none</li>';
    text('alerts-total', s.alertsTotal ? '(' + s.alertsTotal + ' in total)' : '');
    const r = s.lastRollback;
    $('last-rollback').textContent = r ? r.when + ' · ' + (r.from || 'none') + ' → ' + r.to + ' · ' + r.actor +
      (r.reason ? ' · ' + r.reason : '') : 'none';
    document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
  }
  const events = new EventSource('/events');
  events.addEventListener('state', (e) => render(JSON.parse(e.data)));
</script>
</body>
</html>
`;
