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
  if (state.session.readOnly) document.body.classList.add("read-only");
  const page = document.body.dataset.page;
  document.querySelectorAll("nav a").forEach(a => { if (a.dataset.nav === page) a.setAttribute("aria-current", "page"); });
  const pages = { accounts: accountsPage, add: addPage, account: accountPage, discover: discoverPage, permissions: permissionsPage, monitoring: monitoringPage };
  const platform = api("GET", "/api/v1/platform").then(r => {
    if (r.ok) $("identity").textContent = `The platform acts as ${r.data.identity ?? "an identity STS could not name"} at ${r.data.endpoint}.`;
    return r;
  });
  await pages[page](platform);
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

document.addEventListener("DOMContentLoaded", () => { start().catch(error => { if (error.message !== "signed out") console.error(error); }); });
