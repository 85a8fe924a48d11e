// The admin console: one client of the box's JSON API (appliance/Appliance/Admin/API.md).
const $ = (id) => document.getElementById(id);
let csrfToken = null;
let livePoll = null;
let loadedSettings = null;

async function api(method, path, body, retried = false) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-TOKEN'] = csrfToken ?? '';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return { ok: false, status: 0, body: { error: 'unreachable', message: 'The box does not answer. Check that it is on and that this device is on the same network, then reload the page.' } };
  }
  const type = response.headers.get('Content-Type') ?? '';
  const data = type.includes('json') ? await response.json().catch(() => ({})) : {};
  if (response.status === 400 && data.error === 'antiforgery' && !retried) {
    await loadSession(); // a fresh token, then once more
    return api(method, path, body, true);
  }
  if (response.status === 401 && data.error === 'not-signed-in') {
    showSignedOut();
  }
  return { ok: response.ok, status: response.status, body: data };
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = !message;
}

function showStatus(message) {
  $('status').textContent = message;
}

async function loadSession() {
  const result = await api('GET', '/api/admin/session');
  if (!result.ok) {
    showError(result.body.message ?? 'The box could not be reached. Reload the page.');
    return null;
  }
  csrfToken = result.body.csrfToken;
  return result.body;
}

function showOnly(section) {
  for (const id of ['claim', 'login', 'console']) $(id).hidden = id !== section;
  $('sign-out').hidden = section !== 'console';
}

function showSignedOut() {
  // The session ended (timeout, password changed elsewhere, restart): back to the right form.
  if ($('console').hidden) return;
  stopLive();
  start();
}

async function start() {
  const session = await loadSession();
  if (!session) return;
  if (!session.claimed) {
    showOnly('claim');
    showStatus('This box is waiting for its admin.');
    $('setup-code').focus();
  } else if (!session.signedIn) {
    showOnly('login');
    showStatus('Sign in to manage the box.');
    $('password').focus();
  } else {
    await enterConsole();
  }
}

$('claim-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError('');
  const password = $('new-password').value;
  if (password !== $('confirm-password').value) {
    showError('The two passwords differ. Type the same password in both fields.');
    $('confirm-password').focus();
    return;
  }
  const result = await api('POST', '/api/admin/claim', { setupCode: $('setup-code').value, password });
  if (!result.ok) {
    showError(result.body.message ?? 'The box refused the setup code.');
    if (result.status === 409) await start();
    return;
  }
  $('claim-form').reset();
  await loadSession();
  await enterConsole();
});

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError('');
  const result = await api('POST', '/api/admin/login', { password: $('password').value });
  if (!result.ok) {
    showError(result.body.message ?? 'The box refused the password.');
    $('password').select();
    return;
  }
  $('login-form').reset();
  await loadSession();
  await enterConsole();
});

$('sign-out').addEventListener('click', async () => {
  await api('POST', '/api/admin/logout');
  stopLive();
  await loadSession();
  showOnly('login');
  showStatus('You signed out.');
});

async function enterConsole() {
  showOnly('console');
  showError('');
  showStatus('Signed in.');
  await Promise.all([loadSettings(), loadCertificate(), loadLogs(), refreshLive()]);
  stopLive();
  livePoll = setInterval(() => { if (!document.hidden) refreshLive(); }, 2000);
}

function stopLive() {
  if (livePoll) clearInterval(livePoll);
  livePoll = null;
}

// ---- Live ----

const kbit = (bits) => (bits >= 1e6 ? `${(bits / 1e6).toFixed(1)} Mbit/s` : `${Math.round(bits / 1000)} kbit/s`);

async function refreshLive() {
  const result = await api('GET', '/api/admin/live');
  if (!result.ok) return;
  const { participants, encoders, system } = result.body;
  const body = $('participants').tBodies[0];
  body.replaceChildren(...participants.map(participantRow));
  $('no-participants').hidden = participants.length > 0;
  $('participants').hidden = participants.length === 0;
  $('encoders').replaceChildren(...(encoders.length ? encoders : [null]).map((e) => {
    const li = document.createElement('li');
    li.textContent = e ? `${e.profile} on ${e.provider}: ${e.receivers} receiving, ${e.framesEncoded} frames` : 'None: nobody is receiving video.';
    return li;
  }));
  renderSystem(system);
  const mix = $('mix');
  if (participants.some((p) => p.role === 'participant')) {
    const next = new Image();
    next.onload = () => { mix.src = next.src; mix.hidden = false; $('mix-caption').textContent = 'The meeting as participants see it (about once a second).'; };
    next.src = `/api/admin/live/mix.png?t=${Date.now()}`;
  } else {
    mix.hidden = true;
    $('mix-caption').textContent = 'Nobody is in the meeting.';
  }
}

function participantRow(p) {
  const tr = document.createElement('tr');
  tr.dataset.id = p.id;
  const cells = [
    p.role === 'display' ? `${p.name} (display)` : p.name + (p.micMuted ? ' (muted)' : ''),
    p.codec ?? '…',
    p.width ? `${p.width}×${p.height} at ${p.frameRate} fps` : (p.cameraOff ? 'camera off' : '…'),
    kbit(p.receiveBitrate),
    kbit(p.sendBitrate),
    `${p.lossPercent} %`,
    p.rttMs == null ? '…' : `${Math.round(p.rttMs)} ms`,
    p.encoderGroup ?? '…',
  ];
  for (const text of cells) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.append(td);
  }
  const actions = document.createElement('td');
  actions.className = 'actions-cell';
  if (p.role === 'participant') {
    actions.append(actionButton(`Mute ${p.name}`, 'Mute', `/api/admin/participants/${encodeURIComponent(p.id)}/mute`, p.micMuted));
  }
  actions.append(actionButton(`Remove ${p.name}`, 'Remove', `/api/admin/participants/${encodeURIComponent(p.id)}/kick`, false));
  tr.append(actions);
  return tr;
}

function actionButton(label, text, path, disabled) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'small secondary';
  button.textContent = text;
  button.setAttribute('aria-label', label);
  button.disabled = disabled;
  button.addEventListener('click', async () => {
    button.disabled = true;
    const result = await api('POST', path);
    showError(result.ok ? '' : result.body.message ?? 'The box did not do that. Refresh the page.');
    await refreshLive();
  });
  return button;
}

function renderSystem(s) {
  const gib = (bytes) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
  const facts = [
    ['CPU', s.cpuPercent == null ? 'not available' : `${s.cpuPercent} %`],
    ['Temperature', s.temperatureCelsius == null ? 'not available' : `${s.temperatureCelsius.toFixed(1)} °C`],
    ['Memory', `${gib(s.memoryUsedBytes)} of ${gib(s.memoryTotalBytes)}`],
    ['Uptime', formatDuration(s.uptimeSeconds)],
    ['Version', s.version],
  ];
  $('system').replaceChildren(...facts.flatMap(([term, value]) => {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    return [dt, dd];
  }));
}

function formatDuration(seconds) {
  const d = Math.floor(seconds / 86400), h = Math.floor(seconds / 3600) % 24, m = Math.floor(seconds / 60) % 60;
  return d ? `${d} d ${h} h` : h ? `${h} h ${m} min` : `${m} min ${seconds % 60} s`;
}

// ---- Settings ----

const fields = ['roomName', 'codePolicy', 'fixedCode', 'rotationMinutes', 'maxParticipants', 'width', 'height', 'frameRate',
  'videoBitrate', 'defaultLayout', 'codecPreference', 'encoderProvider', 'decoderProvider', 'httpsPort', 'udpPort', 'interfaces', 'lanOnly'];
const numeric = new Set(['rotationMinutes', 'maxParticipants', 'width', 'height', 'frameRate', 'videoBitrate', 'httpsPort', 'udpPort']);

async function loadSettings() {
  const result = await api('GET', '/api/admin/settings');
  if (!result.ok) return;
  const { settings, probe } = result.body;
  fillProviders('encoderProvider', probe, 'Encode');
  fillProviders('decoderProvider', probe, 'Decode');
  $('probe').replaceChildren(...probe.map((p) => {
    const li = document.createElement('li');
    li.textContent = `${p.name} (${p.hardware ? 'hardware' : 'software'}): ${p.present ? 'present' : `absent: ${p.reason}`}`;
    return li;
  }));
  loadedSettings = settings;
  for (const name of fields) setField(name, settings[name]);
  updatePolicyFields();
}

function fillProviders(name, probe, direction) {
  const select = $(`s-${name}`);
  const options = [new Option('Automatic (best present)', 'auto')];
  for (const p of probe) {
    const usable = p.capabilities.some((c) => c.present && c.direction === direction);
    const option = new Option(usable ? p.name : `${p.name} (not present)`, p.name);
    option.disabled = !usable;
    options.push(option);
  }
  select.replaceChildren(...options);
}

function setField(name, value) {
  const input = $(`s-${name}`);
  if (name === 'lanOnly') input.checked = value;
  else if (Array.isArray(value)) input.value = value.join(name === 'interfaces' ? ', ' : ',');
  else input.value = value ?? '';
}

function readField(name) {
  const input = $(`s-${name}`);
  if (name === 'lanOnly') return input.checked;
  if (name === 'codecPreference') return input.value.split(',');
  if (name === 'interfaces') return input.value.split(',').map((s) => s.trim()).filter(Boolean);
  if (numeric.has(name)) return input.value === '' ? null : Number(input.value);
  return input.value;
}

function updatePolicyFields() {
  const policy = $('s-codePolicy').value;
  $('s-fixedCode').disabled = policy !== 'fixed';
  $('s-rotationMinutes').disabled = policy !== 'rotating';
}
$('s-codePolicy').addEventListener('change', updatePolicyFields);

const labelOf = (name) => document.querySelector(`label[for="s-${name}"]`)?.textContent.trim() ?? name;

$('settings-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  for (const old of document.querySelectorAll('.field-error')) old.remove();
  for (const input of document.querySelectorAll('[aria-invalid]')) { input.removeAttribute('aria-invalid'); input.removeAttribute('aria-errormessage'); }
  const change = {};
  for (const name of fields) {
    const value = readField(name);
    if (JSON.stringify(value) !== JSON.stringify(loadedSettings[name])) change[name] = value;
  }
  const result$ = $('settings-result');
  if (Object.keys(change).length === 0) {
    result$.textContent = 'Nothing changed.';
    result$.hidden = false;
    return;
  }
  const result = await api('PATCH', '/api/admin/settings', change);
  if (!result.ok) {
    result$.hidden = true;
    for (const e of result.body.errors ?? []) markField(e.setting, e.message);
    showError(result.body.message ?? 'The settings were not saved.');
    return;
  }
  showError('');
  loadedSettings = result.body.settings;
  const now = result.body.applied.map(labelOf);
  const later = result.body.restartRequired.map(labelOf);
  result$.textContent = 'Saved.' + (now.length ? ` In effect now: ${now.join(', ')}.` : '')
    + (later.length ? ` After a restart of the service (Maintenance): ${later.join(', ')}.` : '');
  result$.hidden = false;
});

function markField(name, message) {
  const input = $(`s-${name}`);
  if (!input) return;
  const p = document.createElement('p');
  p.className = 'field-error';
  p.id = `s-${name}-error`;
  p.textContent = message;
  (input.closest('label.check') ?? input).after(p);
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-errormessage', p.id);
}

// ---- Maintenance ----

async function loadCertificate(result) {
  result ??= await api('GET', '/api/admin/certificate');
  if (!result.ok) return;
  $('fingerprint').textContent = result.body.sha256;
  $('certificate-expiry').textContent = `Valid until ${new Date(result.body.notAfter).toLocaleDateString()}, for ${result.body.names.join(', ')}.`;
}

$('reissue').addEventListener('click', async () => {
  const result = await api('POST', '/api/admin/certificate/reissue');
  if (!result.ok) { showError(result.body.message ?? 'The certificate was not re-issued.'); return; }
  await loadCertificate(result);
  showStatus('A new certificate is in use. Browsers will warn once more: compare the new fingerprint, then accept it.');
});

$('restart').addEventListener('click', async () => {
  const result = await api('POST', '/api/admin/restart');
  if (result.ok) { stopLive(); showStatus(result.body.message); }
  else showError(result.body.message ?? 'The service did not restart.');
});

$('factory-reset').addEventListener('click', () => { $('reset-confirm').hidden = false; $('reset-no').focus(); });
$('reset-no').addEventListener('click', () => { $('reset-confirm').hidden = true; $('factory-reset').focus(); });
$('reset-yes').addEventListener('click', async () => {
  const result = await api('POST', '/api/admin/factory-reset');
  $('reset-confirm').hidden = true;
  if (!result.ok) { showError(result.body.message ?? 'The box was not reset.'); return; }
  stopLive();
  await start();
  showStatus(result.body.message);
});

$('password-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = await api('POST', '/api/admin/password', { currentPassword: $('current-password').value, newPassword: $('changed-password').value });
  if (!result.ok) { showError(result.body.message ?? 'The password was not changed.'); return; }
  $('password-form').reset();
  showError('');
  showStatus('The password is changed. Other devices signed in as admin have been signed out.');
});

async function loadLogs() {
  const result = await api('GET', '/api/admin/logs');
  if (!result.ok) return;
  $('logs').textContent = result.body.lines.map((l) => `${l.time.slice(11, 19)} ${l.level.padEnd(11)} ${l.message}`).join('\n');
  $('logs').scrollTop = $('logs').scrollHeight;
}
$('refresh-logs').addEventListener('click', loadLogs);

window.appliance = { admin: { refreshLive } };
start();
