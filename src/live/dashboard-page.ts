/**
 * The dashboard page: the reference's student model status panel. Self-contained HTML whose only other
 * request is /plotly.min.js (served from node_modules) — it works offline. State arrives as server-sent
 * events (`state`), each carrying the engine overview with a ready plotly figure spec and, when the
 * server follows a telemetry directory, the training progress of the latest walk-forward batch.
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
  .failed { color: #b00020; }
  .skipped { color: #8a6d00; }
  .success { color: #1b7f3b; }
  #training-bar { height: 10px; background: #eee; border-radius: 5px; overflow: hidden; margin: 0.4rem 0; }
  #training-bar > div { height: 100%; background: #1b7f3b; width: 0; }
  #training-recent td, #training-phases td { font-variant-numeric: tabular-nums; }
  #training-issues li { color: #b00020; }
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
<div class="panel" id="training" data-status="none">
  <strong>Training progress</strong> <span id="training-file" class="muted"></span>
  <div id="training-empty" class="muted">no batch telemetry</div>
  <div id="training-body" hidden>
    <dl>
      <dt>Run</dt><dd id="training-run">—</dd>
      <dt>Status</dt><dd id="training-status">—</dd>
      <dt>Phase</dt><dd id="training-phase">—</dd>
      <dt>Windows</dt><dd id="training-windows">—</dd>
      <dt>Last event</dt><dd id="training-updated">—</dd>
    </dl>
    <div id="training-bar"><div></div></div>
    <table id="training-phases"><thead><tr><th>phase</th><th>status</th><th>seconds</th></tr></thead><tbody></tbody></table>
    <p><strong>Latest windows</strong></p>
    <table id="training-recent"><thead><tr><th>symbol</th><th>window</th><th>phase</th><th>status</th><th>metrics</th></tr></thead><tbody></tbody></table>
    <ul id="training-issues"></ul>
  </div>
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
    renderTraining(s.training);
    document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
  }
  const cell = (tr, v, cls) => {
    const td = document.createElement('td');
    td.textContent = v === null || v === undefined ? '—' : String(v);
    if (cls) td.className = cls;
    tr.append(td);
  };
  const metricText = (m) => Object.entries(m || {}).filter((kv) => kv[1] !== null).slice(0, 6)
    .map((kv) => kv[0] + ' ' + (Number.isInteger(kv[1]) ? kv[1] : Number(kv[1]).toFixed(3))).join(', ');
  function renderTraining(t) {
    const panel = $('training');
    const has = Boolean(t && t.file);
    $('training-empty').hidden = has;
    $('training-body').hidden = !has;
    $('training-file').textContent = t ? (t.file || 'watching ' + t.dir) : '';
    panel.dataset.status = has ? t.status : 'none';
    if (!has) return;
    text('training-run', t.runId);
    text('training-status', t.status);
    text('training-phase', t.currentPhase || (t.status === 'in_progress' ? 'between phases' : null));
    const w = t.windows;
    text('training-windows', w ? w.done + ' / ' + w.total + ' (' + t.windowsPhase + ': ' + w.success +
      ' success, ' + w.skipped + ' skipped, ' + w.failed + ' failed)' : null);
    panel.dataset.done = w ? String(w.done) : '0';
    panel.dataset.total = w ? String(w.total) : '0';
    $('training-bar').firstElementChild.style.width = w && w.total ? (100 * w.done / w.total) + '%' : '0';
    text('training-updated', t.updated);
    const phases = $('training-phases').tBodies[0];
    phases.replaceChildren();
    for (const p of t.phases) {
      const tr = document.createElement('tr');
      tr.dataset.phase = p.phase;
      cell(tr, p.phase);
      cell(tr, p.status, p.status);
      cell(tr, p.durationSeconds === null ? null : p.durationSeconds.toFixed(2));
      phases.append(tr);
    }
    const recent = $('training-recent').tBodies[0];
    recent.replaceChildren();
    for (const r of t.recent.slice().reverse()) {
      const tr = document.createElement('tr');
      tr.dataset.window = r.window_label;
      cell(tr, r.symbol);
      cell(tr, r.window_label);
      cell(tr, r.phase);
      cell(tr, r.status, r.status);
      cell(tr, metricText(r.metrics) || r.message);
      recent.append(tr);
    }
    const ul = $('training-issues');
    ul.replaceChildren();
    for (const i of t.issues) {
      const li = document.createElement('li');
      li.textContent = i.file + ':' + i.line + ' · ' + i.message;
      ul.append(li);
    }
  }
  const events = new EventSource('/events');
  events.addEventListener('state', (e) => render(JSON.parse(e.data)));
</script>
</body>
</html>
`;
