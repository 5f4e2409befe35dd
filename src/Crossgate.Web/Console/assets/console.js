// Crossgate platform console: each page fetches /api/v1 with the session cookie and, for changes, the session's
// CSRF token. No framework, nothing loaded from elsewhere.
"use strict";

const state = { session: null };

const VERDICT_TEXT = { ready: "ready", incomplete: "incomplete", notAssumable: "not assumable", notChecked: "not checked" };
const STATUS_TEXT = { granted: "granted", conditional: "conditional", partial: "partial", denied: "denied", notChecked: "not checked" };
const STATUS_RANK = { granted: 0, conditional: 1, partial: 2, denied: 3, notChecked: 1 };

function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

function $(id) { return document.getElementById(id); }

function when(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  return `<time datetime="${esc(iso)}">${esc(date.toISOString().replace("T", " ").slice(0, 19))} UTC</time>`;
}

function verdictBadge(verdict) {
  return `<span class="verdict v-${esc(verdict)}">${esc(VERDICT_TEXT[verdict] ?? verdict)}</span>`;
}

function statusBadge(status) {
  return `<span class="status s-${esc(status)}">${esc(STATUS_TEXT[status] ?? status)}</span>`;
}

function list(items) {
  return items && items.length ? `<ul>${items.map(i => `<li>${esc(i)}</li>`).join("")}</ul>` : "";
}

async function api(method, path, body) {
  const headers = { "Accept": "application/json" };
  if (method !== "GET") headers["X-CSRF-Token"] = state.session.csrf;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, {
    method, headers, credentials: "same-origin",
    body: body === undefined ? undefined : (typeof body === "string" ? body : JSON.stringify(body)),
  });
  if (response.status === 401) { window.location.assign("/console/login"); throw new Error("signed out"); }
  const type = response.headers.get("Content-Type") || "";
  const data = type.includes("json") && response.status !== 204 ? await response.json() : await response.text();
  return { status: response.status, ok: response.ok, data };
}

function problemText(result) {
  return result.data && result.data.detail ? result.data.detail : `The request failed (${result.status}).`;
}

function showFieldError(field, message) {
  const input = $(field), error = $(`${field}-error`);
  if (message) { input.setAttribute("aria-invalid", "true"); error.textContent = message; error.hidden = false; }
  else { input.removeAttribute("aria-invalid"); error.textContent = ""; error.hidden = true; }
}

async function start() {
  const response = await fetch("/console/session", { credentials: "same-origin" });
  if (!response.ok) { window.location.assign("/console/login"); return; }
  state.session = await response.json();
  $("who").textContent = `Signed in as ${state.session.caller}${state.session.readOnly ? " · read-only" : ""}`;
  $("logout-csrf").value = state.session.csrf;
  $("logout-submit").disabled = false;
  if (state.session.readOnly) document.body.classList.add("read-only");
  const page = document.body.dataset.page;
  document.querySelectorAll("nav a").forEach(a => { if (a.dataset.nav === page) a.setAttribute("aria-current", "page"); });
  const pages = { accounts: accountsPage, add: addPage, account: accountPage, discover: discoverPage, permissions: permissionsPage, monitoring: monitoringPage, graph: graphPage };
  const platform = api("GET", "/api/v1/platform").then(r => {
    if (r.ok) $("identity").textContent = `The platform acts as ${r.data.identity ?? "an identity STS could not name"} at ${r.data.endpoint}.`;
    return r;
  });
  await pages[page](platform);
  // Buttons arrive disabled so that a click before the page's handlers are bound cannot submit a form natively.
  document.querySelectorAll("[data-awaits-script]").forEach(control => { control.disabled = false; control.removeAttribute("data-awaits-script"); });
}

// Accounts: one table for every account, filtered as you type.
async function accountsPage() {
  const result = await api("GET", "/api/v1/accounts");
  const accounts = result.data.accounts;
  const rows = accounts.map(a => {
    const check = a.lastCheck;
    const verdict = check ? check.verdict : "notChecked";
    const text = [a.alias, a.accountId, a.roleArn, VERDICT_TEXT[verdict]].join(" ").toLowerCase();
    return { text, html:
      `<tr data-verdict="${esc(verdict)}"><td data-label="Alias"><a href="/console/accounts/${encodeURIComponent(a.alias)}">${esc(a.alias)}</a></td>` +
      `<td data-label="Account">${esc(a.accountId)}</td><td data-label="Role ARN" class="arn">${esc(a.roleArn)}</td>` +
      `<td data-label="Assumable">${a.assumable ? "yes" : "no"}</td>` +
      `<td data-label="Last check">${verdictBadge(verdict)} ${check ? when(check.finishedAt) : ""}</td></tr>` };
  });
  const body = document.querySelector("#accounts tbody");
  const render = filter => {
    const shown = filter ? rows.filter(r => r.text.includes(filter)) : rows;
    body.innerHTML = shown.length ? shown.map(r => r.html).join("")
      : `<tr><td colspan="5">${accounts.length ? "No account matches the filter." : "No account is registered yet."}</td></tr>`;
    const counts = {};
    accounts.forEach(a => { const v = a.lastCheck ? a.lastCheck.verdict : "notChecked"; counts[v] = (counts[v] || 0) + 1; });
    $("summary").textContent = `${accounts.length} account${accounts.length === 1 ? "" : "s"}` +
      (accounts.length ? ": " + Object.keys(VERDICT_TEXT).filter(v => counts[v]).map(v => `${counts[v]} ${VERDICT_TEXT[v]}`).join(", ") : "") +
      (filter ? ` (${shown.length} shown)` : "");
  };
  render("");
  $("filter").addEventListener("input", e => render(e.target.value.trim().toLowerCase()));
}

// Add account: the validation error beside the field it concerns.
async function addPage() {
  const form = $("add");
  form.addEventListener("submit", async e => {
    e.preventDefault();
    ["roleArn", "alias", "externalId"].forEach(f => showFieldError(f, null));
    const roleArn = $("roleArn").value.trim(), alias = $("alias").value.trim(), externalId = $("externalId").value.trim();
    if (!roleArn) { showFieldError("roleArn", "Enter the role's ARN."); $("roleArn").focus(); return; }
    if (!alias) { showFieldError("alias", "Enter an alias."); $("alias").focus(); return; }
    const runAccountCheck = $("runAccountCheck").checked;
    $("add-submit").disabled = true;
    $("add-status").textContent = runAccountCheck ? "Validating the role and running the account check…" : "Validating the role…";
    const body = { roleArn, alias, runAccountCheck };
    if (externalId) body.externalId = externalId;
    const result = await api("POST", "/api/v1/accounts", body);
    $("add-submit").disabled = false;
    if (result.ok) {
      window.location.assign(`/console/accounts/${encodeURIComponent(result.data.alias)}?added=${result.status}`);
      return;
    }
    $("add-status").textContent = "";
    const detail = problemText(result);
    const field = /^The alias|alias '/.test(detail) && !/role .* is already registered/.test(detail) ? "alias"
      : /external id/i.test(detail) && !/could not be assumed/.test(detail) ? "externalId" : "roleArn";
    showFieldError(field, detail);
    $(field).focus();
  });
}

function switchRoleLink(roleArn, alias) {
  const match = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(roleArn);
  if (!match) return null;
  return `https://signin.aws.amazon.com/switchrole?roleName=${encodeURIComponent(match[2])}&account=${match[1]}&displayName=${encodeURIComponent(alias)}`;
}

// Account detail: the last check per group, the history, the switch-role link; check again or remove.
async function accountPage() {
  const alias = decodeURIComponent(window.location.pathname.split("/").pop());
  const path = `/api/v1/accounts/${encodeURIComponent(alias)}`;
  const status = $("account-status");
  const added = new URLSearchParams(window.location.search).get("added");
  if (added === "201") status.textContent = "Account added.";
  if (added === "202") status.textContent = "Account added; its check is still running and will appear here when it finishes.";

  const load = async () => {
    const [accountResult, historyResult] = await Promise.all([api("GET", path), api("GET", `${path}/checks?limit=50`)]);
    if (!accountResult.ok) { $("title").textContent = "Account not found"; status.textContent = problemText(accountResult); return; }
    const a = accountResult.data;
    document.title = `${a.alias} · Crossgate platform`;
    $("title").textContent = a.alias;
    $("facts").innerHTML =
      `<dt>Account</dt><dd>${esc(a.accountId)}</dd><dt>Role ARN</dt><dd><code>${esc(a.roleArn)}</code></dd>` +
      (a.externalId ? `<dt>External ID</dt><dd><code>${esc(a.externalId)}</code></dd>` : "") +
      `<dt>Assumable</dt><dd>${a.assumable ? "yes" : "no"}${a.reason ? ": " + esc(a.reason) : ""}</dd><dt>Added</dt><dd>${when(a.addedAt)}</dd>`;
    const link = switchRoleLink(a.roleArn, a.alias);
    if (link) $("switch-role").href = link; else $("switch-role").hidden = true;
    const check = a.lastCheck;
    $("last-check").innerHTML = check
      ? `${verdictBadge(check.verdict)} finished ${when(check.finishedAt)}${check.reason ? `<br>${esc(check.reason)}` : ""}`
      : "No check has run yet.";
    document.querySelector("#groups tbody").innerHTML = check && check.groups.length
      ? check.groups.map(g => `<tr><th scope="row" data-label="Permission group">${esc(g.sid)}</th><td data-label="Status">${statusBadge(g.status)}</td>` +
          `<td data-label="Missing actions">${list(g.missingActions)}</td><td data-label="Conditions">${list(g.conditions)}</td>` +
          `<td data-label="Reasons">${list(g.reasons)}</td></tr>`).join("")
      : `<tr><td colspan="5">No permission group was checked.</td></tr>`;
    const checks = historyResult.ok ? historyResult.data.checks : [];
    document.querySelector("#history tbody").innerHTML = checks.length
      ? checks.map(c => {
          const counts = {};
          c.groups.forEach(g => { counts[g.status] = (counts[g.status] || 0) + 1; });
          const groups = Object.keys(counts).map(s => `${counts[s]} ${STATUS_TEXT[s] ?? s}`).join(", ");
          return `<tr><td data-label="Finished">${when(c.finishedAt)}</td><td data-label="Verdict">${verdictBadge(c.verdict)}</td>` +
            `<td data-label="Groups">${esc(groups)}</td><td data-label="Reason">${esc(c.reason ?? "")}</td></tr>`;
        }).join("")
      : `<tr><td colspan="4">No check yet.</td></tr>`;
  };
  await load();

  $("run-check").addEventListener("click", async () => {
    $("run-check").disabled = true;
    status.textContent = "Running the account check…";
    const result = await api("POST", `${path}/checks`);
    $("run-check").disabled = false;
    status.textContent = result.ok ? `Check finished: ${VERDICT_TEXT[result.data.verdict]}.` : problemText(result);
    await load();
  });
  $("remove").addEventListener("click", async () => {
    if (!window.confirm(`Remove ${alias} from the platform? Its check history goes with it.`)) return;
    const result = await api("DELETE", path);
    if (result.status === 204) window.location.assign("/console/?removed=" + encodeURIComponent(alias));
    else status.textContent = problemText(result);
  });
}

// Discover: register the role in every account, then show what worked.
async function discoverPage() {
  $("discover").addEventListener("submit", async e => {
    e.preventDefault();
    ["roleName", "ouIds"].forEach(f => showFieldError(f, null));
    const roleName = $("roleName").value.trim();
    if (!roleName) { showFieldError("roleName", "Enter the role's name."); $("roleName").focus(); return; }
    const body = { roleName };
    const ouIds = $("ouIds").value.split(/[\s,]+/).filter(Boolean);
    if (ouIds.length) body.ouIds = ouIds;
    const externalId = $("discoverExternalId").value.trim();
    if (externalId) body.externalId = externalId;
    $("discover-submit").disabled = true;
    $("discover-status").textContent = "Listing the organization's accounts and assuming the role in each…";
    const result = await api("POST", "/api/v1/discover", body);
    $("discover-submit").disabled = false;
    if (!result.ok) {
      $("discover-status").textContent = "";
      const detail = problemText(result);
      showFieldError(/OU id|root id/.test(detail) ? "ouIds" : "roleName", detail);
      return;
    }
    const rows = result.data.results;
    const added = rows.filter(r => r.added).length;
    $("discover-status").textContent = `${rows.length} account${rows.length === 1 ? "" : "s"} found, ${added} added.`;
    document.querySelector("#results tbody").innerHTML = rows.map(r =>
      `<tr><td data-label="Account">${esc(r.accountId)}</td><td data-label="Name">${esc(r.accountName)}</td>` +
      `<td data-label="Alias">${r.alias ? `<a href="/console/accounts/${encodeURIComponent(r.alias)}">${esc(r.alias)}</a>` : ""}</td>` +
      `<td data-label="Added">${r.added ? '<span class="status s-granted">yes</span>' : '<span class="status s-denied">no</span>'}</td>` +
      `<td data-label="Reason">${esc(r.reason ?? "")}</td></tr>`).join("");
    $("results").hidden = false;
  });
}

// Permission profile: view, replace, download the role templates.
async function permissionsPage() {
  const show = async () => {
    const result = await api("GET", "/api/v1/permissions");
    if (result.ok) {
      const text = JSON.stringify(result.data, null, 2);
      $("profile").textContent = text;
      if (!$("document").value) $("document").value = text;
    } else {
      $("profile").textContent = problemText(result);
    }
  };
  await show();
  $("replace").addEventListener("submit", async e => {
    e.preventDefault();
    showFieldError("document", null);
    const text = $("document").value;
    try { JSON.parse(text); } catch (error) { showFieldError("document", `Not valid JSON: ${error.message}`); return; }
    const result = await api("PUT", "/api/v1/permissions", text);
    if (!result.ok) { showFieldError("document", problemText(result)); return; }
    $("replace-status").textContent = "The profile was replaced; the next checks use it.";
    await show();
  });
}

// Monitoring: the schedule, and the timeline of changes.
async function monitoringPage(platformPromise) {
  const [platform, events] = await Promise.all([platformPromise, api("GET", "/api/v1/events?limit=200")]);
  const p = platform.data;
  $("schedule").innerHTML =
    `<dt>Scheduled checks</dt><dd>${p.checkEvery ? `every ${esc(p.checkEvery)}, 8 accounts at a time` : "off (start with --check-every 6h)"}</dd>` +
    (p.nextScheduledCheck ? `<dt>Next round</dt><dd>${when(p.nextScheduledCheck)}</dd>` : "") +
    `<dt>Platform identity</dt><dd><code>${esc(p.identity ?? "unknown")}</code></dd><dt>Endpoint</dt><dd>${esc(p.endpoint)}</dd>` +
    `<dt>Permission profile</dt><dd>${p.permissionsStored ? "stored" : "none yet"}</dd>`;
  const items = events.data.events;
  $("events").innerHTML = items.length
    ? items.map(ev => {
        const trend = (STATUS_RANK[ev.to] ?? (ev.to === "notAssumable" ? 9 : 0)) > (STATUS_RANK[ev.from] ?? (ev.from === "notAssumable" ? 9 : 0)) ? "worse" : "better";
        return `<li class="${trend}">${when(ev.time)} <a href="/console/accounts/${encodeURIComponent(ev.alias)}">${esc(ev.alias)}</a>: ` +
          (ev.sid ? `group <strong>${esc(ev.sid)}</strong> ${statusBadge(ev.from)} → ${statusBadge(ev.to)}` : esc(ev.message)) + `</li>`;
      }).join("")
    : "<li>No change recorded yet.</li>";
}

// Access graph: accounts as boxes holding their principals, edges as arrows (drawn in plain SVG); selecting a
// principal asks the API for its reach and who-can and lights both up.
const SVG = "http://www.w3.org/2000/svg";
const GRAPH = { nodeWidth: 168, nodeHeight: 26, gap: 10, pad: 12, header: 22, maxDrawn: 1500, titleCharWidth: 7.5 };

function svg(name, attributes, parent) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (parent) parent.appendChild(element);
  return element;
}

function accountTitle(group) {
  if (!group.id) return "Outside any account";
  return `${group.name ? `${group.name} (${group.id})` : `account ${group.id}`}${group.inStore ? "" : " (outside the store)"}`;
}

function shortLabel(text, max) { return text.length > max ? text.slice(0, max - 1) + "…" : text; }

// Boxes flow left to right and wrap; principals sit in a grid inside their account's box.
function layoutGraph(graph, maxWidth) {
  const groups = new Map();
  for (const account of graph.accounts) groups.set(account.id, { id: account.id, name: account.name, inStore: account.inStore, nodes: [] });
  const outside = { id: null, inStore: false, nodes: [] };
  for (const node of graph.nodes) (node.accountId && groups.get(node.accountId) || outside).nodes.push(node);
  const ordered = [...groups.values()].sort((a, b) => (b.inStore - a.inStore) || a.id.localeCompare(b.id));
  if (outside.nodes.length) ordered.push(outside);
  const { nodeWidth, nodeHeight, gap, pad, header } = GRAPH;
  const positions = new Map(), boxes = [];
  let x = gap, y = gap, rowHeight = 0, width = 0;
  for (const group of ordered) {
    group.nodes.sort((a, b) => (a.type === "account" ? -1 : b.type === "account" ? 1 : a.label.localeCompare(b.label)));
    const columns = Math.max(1, Math.min(Math.ceil(Math.sqrt(group.nodes.length)), Math.floor((maxWidth - 2 * pad) / (nodeWidth + gap))));
    const rows = Math.ceil(group.nodes.length / columns);
    // The box is wide enough for its title (bold 12px: at most ~7.5px a character), cut to the canvas's width.
    const title = shortLabel(accountTitle(group), Math.floor((maxWidth - 2 * pad) / GRAPH.titleCharWidth));
    const boxWidth = Math.max(2 * pad + columns * nodeWidth + (columns - 1) * gap, 2 * pad + Math.ceil(title.length * GRAPH.titleCharWidth));
    const boxHeight = header + pad + rows * nodeHeight + (rows - 1) * gap + pad;
    if (x > gap && x + boxWidth > maxWidth) { x = gap; y += rowHeight + gap; rowHeight = 0; }
    boxes.push({ group, title, x, y, width: boxWidth, height: boxHeight });
    group.nodes.forEach((node, i) => positions.set(node.arn, {
      x: x + pad + (i % columns) * (nodeWidth + gap), y: y + header + pad + Math.floor(i / columns) * (nodeHeight + gap), node }));
    x += boxWidth + gap; rowHeight = Math.max(rowHeight, boxHeight); width = Math.max(width, x);
  }
  return { positions, boxes, width: Math.max(width, 320), height: y + rowHeight + gap };
}

// The point where the line from a box's centre towards (tx, ty) leaves the box.
function border(box, tx, ty) {
  const cx = box.x + GRAPH.nodeWidth / 2, cy = box.y + GRAPH.nodeHeight / 2, dx = tx - cx, dy = ty - cy;
  if (!dx && !dy) return { x: cx, y: cy };
  const scale = Math.min(Math.abs((GRAPH.nodeWidth / 2) / (dx || 1e-9)), Math.abs((GRAPH.nodeHeight / 2) / (dy || 1e-9)));
  return { x: cx + dx * Math.min(scale, 1), y: cy + dy * Math.min(scale, 1) };
}

function drawGraph(graph, layout, onSelect) {
  const canvas = $("graph");
  canvas.replaceChildren();
  svg("rect", { width: layout.width, height: layout.height, fill: "#fff" }, canvas);
  canvas.setAttribute("width", layout.width);
  canvas.setAttribute("height", layout.height);
  canvas.setAttribute("viewBox", `0 0 ${layout.width} ${layout.height}`);
  const defs = svg("defs", {}, canvas);
  const marker = svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, defs);
  svg("path", { d: "M 0 0 L 10 5 L 0 10 z" }, marker);
  for (const box of layout.boxes) {
    const g = svg("g", { class: `account${box.group.inStore ? "" : " outside"}` }, canvas);
    svg("rect", { x: box.x, y: box.y, width: box.width, height: box.height, rx: 8 }, g);
    svg("text", { x: box.x + GRAPH.pad, y: box.y + 16 }, g).textContent = box.title;
  }
  const edges = svg("g", { class: "edges" }, canvas);
  const edgeElements = new Map();
  for (const edge of graph.edges) {
    const from = layout.positions.get(edge.from), to = layout.positions.get(edge.to);
    if (!from || !to || edge.from === edge.to) continue;
    const end = border(to, from.x + GRAPH.nodeWidth / 2, from.y + GRAPH.nodeHeight / 2);
    const start = border(from, to.x + GRAPH.nodeWidth / 2, to.y + GRAPH.nodeHeight / 2);
    const line = svg("line", { x1: start.x, y1: start.y, x2: end.x, y2: end.y, "marker-end": "url(#arrow)",
      class: `edge ${edge.kind}${edge.requires.length ? " conditional" : ""}` }, edges);
    svg("title", {}, line).textContent = `${edge.from} → ${edge.to}: ${edge.action}${edge.requires.length ? " if " + edge.requires.join("; ") : ""}`;
    edgeElements.set(`${edge.from}|${edge.to}`, line);
  }
  const nodeElements = new Map();
  for (const { x, y, node } of layout.positions.values()) {
    const g = svg("g", { class: `node ${node.type}${node.administrator ? " admin" : ""}`, tabindex: 0, role: "button",
      "aria-label": `${node.type} ${node.arn}`, "data-arn": node.arn }, canvas);
    svg("rect", { x, y, width: GRAPH.nodeWidth, height: GRAPH.nodeHeight, rx: 13 }, g);
    // Inside its account's box an account root is just "root".
    svg("text", { x: x + 10, y: y + 17 }, g).textContent = shortLabel(`${node.administrator ? "★ " : ""}${node.type === "account" ? "root" : node.label}`, 24);
    svg("title", {}, g).textContent = node.arn;
    g.addEventListener("click", () => onSelect(node.arn));
    g.addEventListener("keydown", e => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); onSelect(node.arn); } });
    nodeElements.set(node.arn, g);
  }
  return { nodeElements, edgeElements };
}

// A principal as people read it: its name and, for a user or role, its account.
function principalName(arn, byArn) {
  const node = byArn.get(arn);
  if (!node) return arn;
  return node.accountId && (node.type === "user" || node.type === "role" || node.type === "external") ? `${node.label} (${node.accountId})` : node.label;
}

function pathText(entry, byArn) {
  return [entry.path.length ? entry.path[0].from : entry.arn, ...entry.path.map(e => e.to)].map(arn => principalName(arn, byArn)).join(" → ");
}

function entryItems(entries, byArn) {
  return entries.length
    ? entries.map(e => `<li><strong>${esc(principalName(e.arn, byArn))}</strong> <span class="count">(${e.hops} hop${e.hops === 1 ? "" : "s"})</span>` +
        `<span class="chain">${esc(pathText(e, byArn))}</span>` +
        (e.requires.length ? `<span class="requires">only if ${esc(e.requires.join("; "))}</span>` : "") + `</li>`).join("")
    : "<li>None.</li>";
}

async function graphPage() {
  const status = $("graph-status");
  status.textContent = "Building the access graph of the store…";
  const result = await api("GET", "/api/v1/graph");
  if (!result.ok) { status.textContent = problemText(result); return; }
  const graph = result.data;
  const byArn = new Map(graph.nodes.map(n => [n.arn, n]));
  $("principals").innerHTML = graph.nodes.filter(n => n.type === "user" || n.type === "role" || n.type === "account")
    .map(n => `<option value="${esc(n.arn)}"></option>`).join("");
  const inStore = graph.accounts.filter(a => a.inStore).length;
  status.textContent = `${graph.nodes.length} principals in ${inStore} account${inStore === 1 ? "" : "s"} of the store, ${graph.edges.length} edges; built ${new Date(graph.builtAt).toISOString().replace("T", " ").slice(0, 19)} UTC.`;
  let drawn = null;
  const select = async arn => {
    showFieldError("principal", null);
    $("principal").value = arn;
    const q = encodeURIComponent(arn);
    const [reach, whoCan] = await Promise.all([api("GET", `/api/v1/graph/reach?principal=${q}`), api("GET", `/api/v1/graph/who-can?target=${q}`)]);
    if (!reach.ok) { showFieldError("principal", problemText(reach)); return; }
    const node = byArn.get(arn);
    $("selected").textContent = node ? `${node.type} ${principalName(arn, byArn)}` : arn;
    $("selected-arn").textContent = arn;
    const reachable = reach.data.reachable, principals = whoCan.ok ? whoCan.data.principals : [];
    $("reach-count").textContent = `(${reachable.length})`;
    $("who-can-count").textContent = `(${principals.length})`;
    $("reach").innerHTML = entryItems(reachable, byArn);
    $("who-can").innerHTML = entryItems(principals, byArn);
    $("details").hidden = false;
    if (!drawn) return;
    drawn.nodeElements.forEach(g => g.classList.remove("selected", "reached", "reaches"));
    drawn.edgeElements.forEach(line => line.classList.remove("on-path"));
    drawn.nodeElements.get(arn)?.classList.add("selected");
    reachable.forEach(e => drawn.nodeElements.get(e.arn)?.classList.add("reached"));
    principals.forEach(e => drawn.nodeElements.get(e.arn)?.classList.add("reaches"));
    [...reachable, ...principals].forEach(e => e.path.forEach(edge => drawn.edgeElements.get(`${edge.from}|${edge.to}`)?.classList.add("on-path")));
    $("graph").classList.add("focused");
  };
  if (graph.nodes.length <= GRAPH.maxDrawn) {
    drawn = drawGraph(graph, layoutGraph(graph, Math.max(560, $("graph").parentElement.clientWidth - 4)), select);
  } else {
    $("graph").hidden = true;
    status.textContent += ` Too many to draw (over ${GRAPH.maxDrawn}): pick a principal to see its reach and who-can.`;
  }
  $("pick").addEventListener("submit", e => {
    e.preventDefault();
    const arn = $("principal").value.trim();
    if (!arn) { showFieldError("principal", "Enter a principal's ARN."); return; }
    select(arn);
  });
  const asked = new URLSearchParams(window.location.search).get("principal");
  if (asked) await select(asked);
}

document.addEventListener("DOMContentLoaded", () => { start().catch(error => { if (error.message !== "signed out") console.error(error); }); });
