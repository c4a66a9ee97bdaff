// The Plumbline dispatch board: plain modern JavaScript, no build step, nothing from a CDN.
'use strict';

const $ = (sel) => document.querySelector(sel);
const state = {
  token: sessionStorage.getItem('board.token'),
  refreshToken: sessionStorage.getItem('board.refresh'),
  refreshTimer: null,
  me: null,
  socket: null,
  socketState: 'off',
  retries: 0,
  reconnectTimer: null,
  held: false,               // test hook: keeps the socket down until resume()
  lastEventId: 0,
  seen: new Set(),
  alerts: new Map(),         // messageId -> alert event, unacknowledged emergencies
  feed: new Map(),           // messageId -> feed item
  view: 'feed',
  customerId: null,
  presence: [],
  typing: new Map(),         // username -> {name, until}
  muted: localStorage.getItem('board.muted') === 'true',
  audio: null,
  charts: {},
};

// ---------------------------------------------------------------- helpers
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c != null) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}
const fmtTime = (iso) => iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';
const fmtDateTime = (iso) => iso ? new Date(iso).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' }) : '';
const label = (s) => s ? String(s).replaceAll('_', ' ').toLowerCase() : '';

async function api(path, options = {}) {
  const headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
  if (state.token) headers['Authorization'] = 'Bearer ' + state.token;
  if (options.body && typeof options.body !== 'string') { headers['Content-Type'] = 'application/json'; options.body = JSON.stringify(options.body); }
  let res = await fetch(path, Object.assign({}, options, { headers }));
  if (res.status === 401 && await refresh()) {
    headers['Authorization'] = 'Bearer ' + state.token;
    res = await fetch(path, Object.assign({}, options, { headers }));
  }
  if (res.status === 401) { logout(); throw new Error('Please log in again'); }
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error((data && data.message) || res.statusText);
  return data;
}

// ---------------------------------------------------------------- login: POST /api/auth/login, short-lived access token, refresh
function showLogin() {
  $('#app').hidden = true; $('#login').hidden = false; $('#logout').hidden = true; $('#me').textContent = '';
  $('#login-username').focus();
}

function keepTokens(tokens) {
  state.token = tokens.accessToken;
  state.refreshToken = tokens.refreshToken;
  sessionStorage.setItem('board.token', state.token);
  sessionStorage.setItem('board.refresh', state.refreshToken);
  // a new access token a minute before this one expires; the open socket is told it too
  clearTimeout(state.refreshTimer);
  state.refreshTimer = setTimeout(refresh, Math.max(5, tokens.expiresIn - 60) * 1000);
}

async function refresh() {
  if (!state.refreshToken) return false;
  const res = await fetch('/api/auth/refresh', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken: state.refreshToken }) }).catch(() => null);
  if (!res || !res.ok) { if (res) logout(); return false; }
  keepTokens(await res.json());
  send({ type: 'auth', token: state.token });
  return true;
}

$('#login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('#login-error').textContent = '';
  try {
    const res = await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: $('#login-username').value, password: $('#login-password').value }) });
    const data = await res.json();
    if (!res.ok) throw new Error(data.message || res.statusText);
    $('#login-password').value = '';
    keepTokens(data);
    unlockAudio();
    await start();
  } catch (e) { $('#login-error').textContent = e.message; }
});

function logout() {
  if (state.refreshToken) {
    fetch('/api/auth/logout', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: state.refreshToken }) }).catch(() => {});
  }
  sessionStorage.removeItem('board.token'); sessionStorage.removeItem('board.refresh');
  clearTimeout(state.refreshTimer);
  state.token = null; state.refreshToken = null; state.me = null;
  if (state.socket) { state.held = true; state.socket.close(); }
  clearTimeout(state.reconnectTimer);
  showLogin();
}
$('#logout').addEventListener('click', logout);

async function start() {
  state.me = await api('/api/dashboard/me');
  state.lastEventId = Math.max(state.lastEventId, state.me.lastEventId);
  $('#login').hidden = true; $('#app').hidden = false; $('#logout').hidden = false;
  $('#me').textContent = `${state.me.name} · ${state.me.roles.map(label).join(', ')}`;
  if ('Notification' in window && Notification.permission === 'default') $('#notify-perm').hidden = false;
  state.held = false;
  connect();
  await loadOpenEmergencies();
  route();
}

// ---------------------------------------------------------------- WebSocket: connect, auth, backoff, catch-up
function socketUrl() {
  if (state.me.socketUrl) return state.me.socketUrl;
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${location.hostname}:${state.me.socketPort}/ws/dashboard`;
}

function setConn(kind, text) {
  state.socketState = kind;
  const c = $('#conn');
  c.className = 'conn conn-' + kind;
  c.textContent = text;
  c.dataset.state = kind;
}

function connect() {
  if (state.held || !state.token) return;
  clearTimeout(state.reconnectTimer);
  setConn('wait', state.retries ? `Reconnecting (try ${state.retries + 1})…` : 'Connecting…');
  const ws = new WebSocket(socketUrl());
  state.socket = ws;
  ws.onopen = async () => {
    ws.send(JSON.stringify({ type: 'auth', token: state.token }));
    if (state.customerId) ws.send(JSON.stringify({ type: 'join', room: room(state.customerId) }));
    setConn('wait', 'Signing in…');
  };
  ws.onmessage = (m) => { try { handle(JSON.parse(m.data)); } catch (e) { console.warn('bad event', e); } };
  ws.onclose = async (closed) => {
    if (state.socket !== ws) return;
    // 4401: the server did not accept the token (expired while the laptop slept): a new one, then reconnect
    if (closed.code === 4401 && !(await refresh()) && !state.token) return;
    state.socket = null;
    state.presence = []; renderPresence();   // not known while offline; the server sends it again on auth
    if (state.held || !state.token) { setConn('off', 'Offline'); return; }
    // backoff: 0.5 s, 1 s, 2 s ... at most 15 s, with jitter so a room of laptops does not reconnect in step
    const delay = Math.min(15000, 500 * 2 ** state.retries) * (0.75 + Math.random() * 0.5);
    state.retries++;
    setConn('off', `Offline — retrying in ${Math.round(delay / 1000)} s`);
    state.reconnectTimer = setTimeout(connect, delay);
  };
}

async function welcomed() {
  state.retries = 0;
  setConn('on', 'Live');
  await catchUp();
}

/** Everything stored after the last event this page saw (GET /api/dashboard/events?after=ID). */
async function catchUp() {
  for (let more = true; more;) {
    const page = await api(`/api/dashboard/events?after=${state.lastEventId}&limit=500`);
    page.events.forEach(handle);
    more = page.more;
  }
}

// testing and diagnostics: drop the connection as a sleeping laptop would, keep it down, then resume
window.board = {
  drop() { state.held = true; if (state.socket) state.socket.close(); },
  resume() { state.held = false; state.retries = 0; connect(); },
  state,
};

document.addEventListener('visibilitychange', () => {
  if (!document.hidden && !state.socket && state.token && !state.held) { state.retries = 0; connect(); }
});
window.addEventListener('online', () => { if (!state.socket && state.token && !state.held) { state.retries = 0; connect(); } });

const room = (customerId) => `customer:${customerId}`;
setInterval(() => send({ type: 'ping' }), 30000);   // the server closes pages it has not heard from
function send(obj) { if (state.socket && state.socket.readyState === WebSocket.OPEN) state.socket.send(JSON.stringify(obj)); }

// ---------------------------------------------------------------- events
function handle(ev) {
  if (ev.eventId != null) {
    if (state.seen.has(ev.eventId)) return;
    state.seen.add(ev.eventId);
    state.lastEventId = Math.max(state.lastEventId, ev.eventId);
  }
  switch (ev.type) {
    case 'message': upsertFeed(ev); if (ev.customerId === state.customerId) loadCustomer(); break;
    case 'alert': raiseAlert(ev); upsertFeed(Object.assign({ status: 'OPEN' }, ev)); break;
    case 'notification': upsertFeed(Object.assign({ status: 'OPEN' }, ev)); break;
    case 'ack': acknowledged(ev); break;
    case 'presence': state.presence = ev.online || []; renderPresence(); break;
    case 'typing': typing(ev); break;
    // live only once the server accepted the token: events stored before that come from the catch-up
    case 'welcome': if (ev.ok) welcomed().catch(showError); break;   // refused: the server closes, onclose refreshes
  }
}

// ---------------------------------------------------------------- feed
function feedFilters() { return Object.fromEntries(new FormData($('#feed-filters')).entries()); }

async function loadFeed() {
  const f = feedFilters();
  const q = new URLSearchParams(Object.entries(f).filter(([, v]) => v));
  const items = await api('/api/dashboard/feed?' + q);
  state.feed.clear();
  const list = $('#feed');
  list.replaceChildren(...items.map((it) => { state.feed.set(it.messageId, it); return feedItem(it); }));
  if (!items.length) list.append(el('li', { class: 'empty', text: 'Nothing here yet.' }));
}

function matches(it) {
  const f = feedFilters();
  return (!f.priority || f.priority === it.priority) && (!f.channel || f.channel === it.channel) && (!f.status || f.status === (it.status || 'OPEN'));
}

function upsertFeed(ev) {
  const old = state.feed.get(ev.messageId);
  const it = Object.assign({}, old || {}, ev, old && old.status === 'ACKED' ? { status: 'ACKED', ackedBy: old.ackedBy } : {});
  state.feed.set(ev.messageId, it);
  const existing = document.getElementById('msg-' + ev.messageId);
  if (!matches(it)) { if (existing) existing.remove(); return; }
  const node = feedItem(it);
  if (existing) existing.replaceWith(node);
  else { $('#feed .empty')?.remove(); $('#feed').prepend(node); }
}

function feedItem(it) {
  const acked = it.status === 'ACKED';
  return el('li', { id: 'msg-' + it.messageId, class: `item p-${it.priority}`, 'data-priority': it.priority, 'data-status': it.status || 'OPEN' },
    el('div', { class: 'head' },
      el('span', { class: `badge p-${it.priority}`, text: it.priority }),
      el('a', { href: `#/customers/${it.customerId}`, text: it.customer, 'aria-label': `Open customer ${it.customer}` }),
      el('span', { class: 'meta', text: `${label(it.serviceType)} · ${label(it.channel)} · received ${fmtTime(it.receivedAt)}` })),
    el('div', { class: 'sla' + (acked ? ' done' : ''), 'data-due': acked ? null : it.responseDue,
      text: acked ? `Acknowledged${it.ackedBy ? ' by ' + it.ackedBy : ''}` : '' }),
    it.body ? el('div', { class: 'body', text: it.body }) : null);
}

function tickSla() {
  const now = Date.now();
  for (const node of document.querySelectorAll('[data-due]')) {
    const due = Date.parse(node.dataset.due);
    if (Number.isNaN(due)) continue;
    const left = Math.round((due - now) / 1000), abs = Math.abs(left);
    const mm = Math.floor(abs / 60), ss = String(abs % 60).padStart(2, '0');
    const hh = Math.floor(mm / 60);
    const text = hh ? `${hh} h ${mm % 60} min` : `${mm}:${ss}`;
    node.textContent = left >= 0 ? `Respond within ${text}` : `Overdue by ${text}`;
    node.classList.toggle('late', left < 0);
  }
}
setInterval(tickSla, 1000);
$('#feed-filters').addEventListener('change', () => loadFeed().catch(showError));

// ---------------------------------------------------------------- emergencies: banner, sound, title, desktop alert
async function loadOpenEmergencies() {
  const items = await api('/api/dashboard/feed?priority=EMERGENCY&limit=50');
  items.filter((i) => i.status !== 'ACKED').forEach((i) => raiseAlert(Object.assign({ type: 'alert' }, i), true));
}

function raiseAlert(ev, quiet = false) {
  const known = state.feed.get(ev.messageId);
  if (state.alerts.has(ev.messageId) || (known && known.status === 'ACKED')) return;
  state.alerts.set(ev.messageId, ev);
  renderBanners();
  if (!quiet && document.hidden && 'Notification' in window && Notification.permission === 'granted') {
    const n = new Notification(`EMERGENCY: ${label(ev.serviceType)} — ${ev.customer}`, { body: ev.body || '', tag: 'emergency-' + ev.messageId, requireInteraction: true });
    n.onclick = () => { window.focus(); location.hash = `#/customers/${ev.customerId}`; };
  }
}

function renderBanners() {
  const box = $('#banners');
  box.replaceChildren(...[...state.alerts.values()].map((a) => el('div', { class: 'banner', id: 'alert-' + a.messageId, 'data-message-id': a.messageId },
    el('div', { class: 'text' }, el('strong', { text: `EMERGENCY · ${label(a.serviceType)}` }), ' — ',
      el('a', { href: `#/customers/${a.customerId}`, text: a.customer }), a.body ? ` — “${a.body}”` : '',
      a.escalationTier ? ` (escalated, tier ${a.escalationTier})` : ''),
    el('button', { type: 'button', class: 'ack', onclick: () => acknowledge(a.messageId), 'aria-label': `Acknowledge emergency from ${a.customer}` }, 'Acknowledge'))));
  alarm();
}

async function acknowledge(messageId) {
  try { acknowledged(await api(`/api/dashboard/messages/${messageId}/ack`, { method: 'POST' })); } catch (e) { showError(e); }
}

function acknowledged(ev) {
  if (ev.eventId != null) state.seen.add(ev.eventId);
  const by = ev.by ? ev.by.name : 'someone';
  const item = state.feed.get(ev.messageId);
  const had = state.alerts.delete(ev.messageId);
  if (had) renderBanners();
  upsertFeed(Object.assign({}, item || { messageId: ev.messageId, customerId: ev.customerId }, { status: 'ACKED', ackedBy: by }));
  if (!item) document.getElementById('msg-' + ev.messageId)?.remove();
  const who = item ? item.customer : `message ${ev.messageId}`;
  const note = el('div', { class: 'ack-note', 'data-message-id': ev.messageId, text: `${who}: acknowledged by ${by} at ${fmtTime(ev.at)}` });
  $('#acks').prepend(note);
  setTimeout(() => note.remove(), 60000);
  if (ev.customerId === state.customerId) loadCustomer();
}

let titleTimer = null;
function alarm() {
  const active = state.alerts.size > 0;
  if (active && !titleTimer) {
    let flip = false;
    titleTimer = setInterval(() => { flip = !flip; document.title = flip ? `⚠ EMERGENCY (${state.alerts.size})` : 'Plumbline dispatch'; beep(); }, 1000);
  } else if (!active && titleTimer) { clearInterval(titleTimer); titleTimer = null; document.title = 'Plumbline dispatch'; }
}

function unlockAudio() {
  const AC = window.AudioContext || window.webkitAudioContext;
  if (!AC) return;
  if (!state.audio) state.audio = new AC();
  if (state.audio.state === 'suspended') state.audio.resume();
}
let beepCount = 0;
function beep() {
  if (state.muted || !state.audio || (beepCount++ % 2)) return;
  const ctx = state.audio, o = ctx.createOscillator(), g = ctx.createGain();
  o.type = 'square'; o.frequency.value = 880;
  g.gain.setValueAtTime(0.001, ctx.currentTime); g.gain.exponentialRampToValueAtTime(0.2, ctx.currentTime + 0.02);
  g.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.35);
  o.connect(g).connect(ctx.destination); o.start(); o.stop(ctx.currentTime + 0.4);
}
function renderMute() {
  const b = $('#mute');
  b.setAttribute('aria-pressed', String(state.muted));
  b.textContent = state.muted ? 'Sound off' : 'Sound on';
}
$('#mute').addEventListener('click', () => { state.muted = !state.muted; localStorage.setItem('board.muted', state.muted); unlockAudio(); renderMute(); });
$('#notify-perm').addEventListener('click', async () => { unlockAudio(); await Notification.requestPermission(); $('#notify-perm').hidden = Notification.permission !== 'default'; });
document.addEventListener('pointerdown', unlockAudio, { once: true });

// ---------------------------------------------------------------- presence, rooms, typing
function renderPresence() {
  $('#online').replaceChildren(...state.presence.map((p) => el('span', { class: 'who', title: p.rooms.join(', '), text: p.name + (p.username === state.me?.username ? ' (you)' : '') })));
  renderViewing();
}
function renderViewing() {
  const box = $('#viewing');
  if (!state.customerId || !state.me) { box.textContent = ''; return; }
  const others = state.presence.filter((p) => p.username !== state.me.username && p.rooms.includes(room(state.customerId))).map((p) => p.name);
  box.textContent = others.length ? `Also viewing this customer: ${others.join(', ')}` : '';
}
function typing(ev) {
  if (!state.me || ev.username === state.me.username || ev.room !== room(state.customerId)) return;
  if (ev.typing) state.typing.set(ev.username, { name: ev.name, until: Date.now() + 6000 }); else state.typing.delete(ev.username);
  renderTyping();
}
function renderTyping() {
  const now = Date.now();
  for (const [k, v] of state.typing) if (v.until < now) state.typing.delete(k);
  const names = [...state.typing.values()].map((v) => v.name);
  $('#typing').textContent = names.length ? `${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} typing a reply…` : '';
}
setInterval(renderTyping, 2000);
let typingSent = 0;
$('#reply').addEventListener('input', () => {
  if (!state.customerId || Date.now() - typingSent < 2000) return;
  typingSent = Date.now();
  send({ type: 'typing', room: room(state.customerId), typing: true });
});
$('#reply').addEventListener('blur', () => { if (state.customerId) send({ type: 'typing', room: room(state.customerId), typing: false }); typingSent = 0; });

// ---------------------------------------------------------------- customer view
async function loadCustomer() {
  const id = state.customerId;
  const c = await api(`/api/dashboard/customers/${id}`);
  if (id !== state.customerId) return;
  $('#customer-title').textContent = `Customer: ${c.label}`;
  const jobsOf = (mid) => c.jobs.filter((j) => j.messageId === mid);
  const notesOf = (mid) => c.notifications.filter((n) => n.messageId === mid);
  const acksOf = (mid) => c.acks.filter((a) => a.messageId === mid);
  const quotes = c.conversations.filter((v) => v.quoteMin != null);
  $('#customer').replaceChildren(
    el('dl', { class: 'details' },
      el('dt', { text: 'Phone' }), el('dd', {}, c.phone ? el('a', { href: 'tel:' + c.phone, text: c.phone }) : '—'),
      el('dt', { text: 'Customer since' }), el('dd', { text: fmtDateTime(c.createdAt) }),
      el('dt', { text: 'Quotes' }), el('dd', { text: quotes.length ? quotes.map((q) => `${q.quoteMin}–${q.quoteMax} ${q.quoteCurrency || ''} (${label(q.serviceType)})`).join('; ') : 'none' })),
    el('h3', { text: 'History' }),
    el('ol', { class: 'history' }, c.messages.map((m) => el('li', { class: `p-${m.priority}` },
      el('div', {}, el('span', { class: `badge p-${m.priority}`, text: m.priority || m.direction }), ' ',
        el('strong', { text: `${label(m.channel)}${m.channel === 'VOICEMAIL' ? ' transcript' : ''}` }), ` · ${label(m.direction)} · ${fmtDateTime(m.receivedAt)} · ${label(m.serviceType)}`),
      m.body ? el('p', { text: m.body }) : null,
      acksOf(m.id).map((a) => el('p', { class: 'meta', text: `Acknowledged by ${a.by} at ${fmtTime(a.at)}` })),
      notesOf(m.id).length ? el('p', { class: 'meta', text: 'Notifications: ' + notesOf(m.id).map((n) => `${n.staff} ${label(n.channel)} ${label(n.status)}${n.tier ? ' (tier ' + n.tier + ')' : ''}`).join(', ') }) : null,
      jobsOf(m.id).map((j) => jobLine(j))))));
  renderViewing();
}

function jobLine(j) {
  const draft = j.type === 'AI_DRAFT' && j.result && j.result.startsWith('draft:') && j.status !== 'DONE';
  return el('div', { class: 'meta' }, `Job ${j.id} ${label(j.type)}: ${label(j.status)}`, j.result ? ` — ${j.result}` : '', j.lastError ? ` — ${j.lastError}` : '',
    draft ? el('span', {}, ' ',
      el('button', { type: 'button', onclick: () => approve(j.id, null) }, 'Approve'), ' ',
      el('button', { type: 'button', onclick: () => { $('#reply').value = j.result.replace(/^draft:\s*/, ''); $('#reply').focus(); $('#reply').dataset.draft = j.id; } }, 'Edit'),
      ' ', el('button', { type: 'button', onclick: () => approve(j.id, $('#reply').value) }, 'Send edited')) : null);
}
async function approve(jobId, text) {
  try { await api(`/api/jobs/${jobId}/approve`, { method: 'POST', body: text ? { text } : {} }); await loadCustomer(); } catch (e) { showError(e); }
}

// ---------------------------------------------------------------- jobs and dead letters
async function loadJobs() {
  const s = new FormData($('#jobs-filters')).get('status');
  const jobs = await api('/api/jobs?limit=200' + (s ? '&status=' + s : ''));
  $('#jobs tbody').replaceChildren(...jobs.map((j) => el('tr', {}, el('td', { text: j.id }), el('td', { text: label(j.type) }), el('td', { text: j.priority }),
    el('td', { text: j.status }), el('td', { text: j.attempts }), el('td', { text: j.lastError || j.result || '' }))));
}
$('#jobs-filters').addEventListener('change', () => loadJobs().catch(showError));

async function loadDeadLetters() {
  const list = await api('/api/dead-letters?limit=200');
  $('#dead-letters tbody').replaceChildren(...list.map((d) => el('tr', { id: 'dl-' + d.id },
    el('td', { text: d.id }), el('td', { text: `${d.jobId ?? '—'} ${label(d.jobType)}` }),
    el('td', {}, el('strong', { text: (d.exceptionClass || '').split('.').pop() }), ' ', d.exceptionMessage || ''),
    el('td', { text: fmtDateTime(d.failedAt) + (d.replayedAt ? ' (replayed)' : '') }),
    el('td', {}, el('button', { type: 'button', disabled: !!d.replayedAt, onclick: () => deadLetter(d.id, 'replay') }, 'Replay'), ' ',
      el('button', { type: 'button', onclick: () => deadLetter(d.id, 'discard') }, 'Discard')))));
}
async function deadLetter(id, action) {
  try {
    if (action === 'replay') await api(`/api/dead-letters/${id}/replay`, { method: 'POST' });
    else if (confirm(`Discard dead letter ${id}?`)) await api(`/api/dead-letters/${id}`, { method: 'DELETE' });
    await loadDeadLetters();
  } catch (e) { showError(e); }
}

// ---------------------------------------------------------------- today at a glance (Chart.js, shipped as a WebJar)
const COLOURS = { EMERGENCY: '#b00020', HIGH: '#d35400', MEDIUM: '#b7950b', LOW: '#2e7d32' };
async function loadToday() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const s = await api('/api/dashboard/stats?zone=' + encodeURIComponent(zone));
  const hours = [...Array(24).keys()].map((h) => String(h).padStart(2, '0'));
  const hourSets = Object.entries(s.messagesPerHour).map(([p, data]) => ({ label: p, data, backgroundColor: COLOURS[p] }));
  const fr = s.firstResponse;
  const respSets = [
    { label: 'Average first response (min)', data: fr.map((r) => r.avgFirstResponseMinutes ?? 0), backgroundColor: '#1565c0' },
    { label: 'SLA (min)', data: fr.map((r) => r.slaMinutes ?? 0), backgroundColor: '#90a4ae' }];
  if (window.Chart) {
    chart('hours', { type: 'bar', data: { labels: hours, datasets: hourSets }, options: { responsive: true, animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } } });
    chart('response', { type: 'bar', data: { labels: fr.map((r) => r.priority), datasets: respSets }, options: { responsive: true, animation: false, scales: { y: { beginAtZero: true } } } });
  }
  $('#today-table').replaceChildren(el('table', { class: 'grid' }, el('caption', { class: 'sr', text: 'First response against the SLA' }),
    el('thead', {}, el('tr', {}, ['Priority', 'Messages', 'Responded', 'Within SLA', 'Avg first response', 'SLA'].map((h) => el('th', { text: h })))),
    el('tbody', {}, fr.map((r) => el('tr', {}, el('td', { text: r.priority }), el('td', { text: r.messages }), el('td', { text: r.responded }),
      el('td', { text: r.withinSla }), el('td', { text: r.avgFirstResponseMinutes == null ? '—' : r.avgFirstResponseMinutes + ' min' }),
      el('td', { text: r.slaMinutes == null ? '—' : r.slaMinutes + ' min' }))))));
}
function chart(name, config) {
  if (state.charts[name]) state.charts[name].destroy();
  state.charts[name] = new window.Chart(document.getElementById('chart-' + name), config);
}

// ---------------------------------------------------------------- views (hash routes)
function route() {
  if (!state.me) return;
  const hash = location.hash || '#/feed';
  const m = hash.match(/^#\/customers\/(\d+)/);
  const view = m ? 'customer' : hash.slice(2) || 'feed';
  const newCustomer = m ? Number(m[1]) : null;
  if (newCustomer !== state.customerId) {
    if (state.customerId) send({ type: 'leave' });
    state.customerId = newCustomer;
    state.typing.clear(); renderTyping();
    if (newCustomer) send({ type: 'join', room: room(newCustomer) });
  }
  state.view = view;
  for (const v of document.querySelectorAll('.view')) v.hidden = v.id !== 'view-' + view;
  for (const a of document.querySelectorAll('.tabs a')) a.toggleAttribute('aria-current', a.dataset.view === view) && a.setAttribute('aria-current', 'page');
  const load = { feed: loadFeed, customer: loadCustomer, jobs: loadJobs, 'dead-letters': loadDeadLetters, today: loadToday }[view];
  if (load) load().catch(showError);
  renderViewing();
}
window.addEventListener('hashchange', () => { route(); $('#main').focus({ preventScroll: true }); });

function showError(e) {
  const note = el('div', { class: 'ack-note', role: 'alert', text: 'Error: ' + e.message });
  $('#acks').prepend(note);
  setTimeout(() => note.remove(), 8000);
}

renderMute();
if (state.token) { if (state.refreshToken) refresh().then((ok) => ok && start()).catch(() => logout()); else logout(); } else showLogin();
