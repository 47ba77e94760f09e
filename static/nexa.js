/* Nexa: drag-and-drop file fields and live job progress. Plain JavaScript, no build step. */
(function () {
  "use strict";

  function formatBytes(n) {
    if (n >= 1048576) return (n / 1048576).toFixed(1) + " MB";
    if (n >= 1024) return Math.round(n / 1024) + " KB";
    return n + " bytes";
  }

  /* --- file fields with a drop zone ------------------------------------------------------ */
  function setupDropzone(zone) {
    var input = zone.querySelector("input[type=file]");
    var list = zone.querySelector(".chosen-files");
    var clientError = document.getElementById(input.id + "-client-error");
    var maxFiles = parseInt(zone.getAttribute("data-max-files"), 10) || 0;
    var maxBytes = parseInt(zone.getAttribute("data-max-bytes"), 10) || 0;

    // What the form will refuse, as the server words it: {tooMany, refused: [sentence], good: n}.
    // Only a choice with too many files or no good file at all is held back; otherwise the good files go
    // through and the server lists each refused one, as the API's batch does.
    function check(files) {
      var out = { tooMany: "", refused: [], good: 0 };
      if (maxFiles && files.length > maxFiles) {
        out.tooMany = "Too many files: you chose " + files.length + ", the limit is " + maxFiles + " per upload.";
      }
      for (var i = 0; i < files.length; i++) {
        var f = files[i];
        if (maxBytes && f.size > maxBytes) {
          out.refused.push(f.name + " is too large (" + formatBytes(f.size) + "); the limit is " + formatBytes(maxBytes) + ".");
        } else if (!/\.pdf$/i.test(f.name) && f.type !== "application/pdf") {
          out.refused.push(f.name + " is not a PDF file.");
        } else {
          out.good += 1;
        }
      }
      return out;
    }

    function blocked(found) { return !!found.tooMany || (found.refused.length > 0 && found.good === 0); }

    function render() {
      var files = input.files || [];
      list.textContent = "";
      for (var i = 0; i < files.length; i++) {
        var li = document.createElement("li");
        li.textContent = files[i].name + " (" + formatBytes(files[i].size) + ")";
        list.appendChild(li);
      }
      if (clientError) {
        var found = check(files), text = [];
        if (found.tooMany) text.push(found.tooMany);
        text = text.concat(found.refused);
        if (!blocked(found) && found.refused.length) {
          text.push("The other " + (found.good === 1 ? "file" : found.good + " files") + " will be sent; these will not.");
        }
        clientError.textContent = text.join(" ");
        clientError.hidden = text.length === 0;
        if (blocked(found)) input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
      }
    }

    input.addEventListener("change", render);
    var form = zone.closest("form");
    if (form) {
      form.addEventListener("submit", function (ev) {
        if (blocked(check(input.files || []))) {
          ev.preventDefault();
          render();
          input.focus();
        }
      });
    }
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (ev) {
        ev.preventDefault();
        zone.classList.add("dragover");
      });
    });
    ["dragleave", "dragend", "drop"].forEach(function (name) {
      zone.addEventListener(name, function () { zone.classList.remove("dragover"); });
    });
    zone.addEventListener("drop", function (ev) {
      ev.preventDefault();
      if (ev.dataTransfer && ev.dataTransfer.files && ev.dataTransfer.files.length) {
        input.files = ev.dataTransfer.files;
        render();
        input.focus();
      }
    });
  }

  /* --- live job progress ------------------------------------------------------------------ */
  function setupJobs(table) {
    var url = table.getAttribute("data-progress-url");
    var announce = document.querySelector("[data-announce]");
    var delay = 1000;

    function rows() { return table.querySelectorAll("tbody tr[data-job-id]"); }

    function activeIds() {
      var ids = [];
      rows().forEach(function (row) {
        var s = row.getAttribute("data-status");
        if (s === "PENDING" || s === "PROCESSING") ids.push(row.getAttribute("data-job-id"));
      });
      return ids;
    }

    function field(row, name) { return row.querySelector('[data-field="' + name + '"]'); }

    function update(state) {
      var row = table.querySelector('tr[data-job-id="' + state.id + '"]');
      if (!row) return;
      var before = row.getAttribute("data-status");
      row.setAttribute("data-status", state.status);
      var status = field(row, "status");
      status.textContent = state.status_label;
      status.className = "status status-" + state.status.toLowerCase();
      var bar = field(row, "progress");
      bar.value = state.progress;
      bar.textContent = state.progress + "%";
      field(row, "progress-text").textContent = state.progress + "%" + (state.active && state.stage ? " · " + state.stage : "");
      field(row, "info").textContent = state.info;
      var link = field(row, "report");
      if (state.report_url) { link.href = state.report_url; link.hidden = false; } else { link.hidden = true; }
      var nameLink = field(row, "name-link"), name = field(row, "name");
      if (nameLink && name) {
        if (state.report_url) { nameLink.href = state.report_url; nameLink.hidden = false; name.hidden = true; }
        else { nameLink.hidden = true; name.hidden = false; }
      }
      var ids = field(row, "ids");
      if (ids) {
        var parts = [];
        if (state.pm_number) parts.push("PM " + state.pm_number);
        if (state.notification_number) parts.push("Notif. " + state.notification_number);
        ids.textContent = parts.join(" \u00b7 ");
      }
      var counts = field(row, "verdicts");  // a job that finishes live gets its verdict counts too
      if (counts) {
        counts.textContent = "";
        if (state.verdicts) {
          [["repealable", "repealable", "Repealable", "repealable"], ["valid", "valid", "Valid", "valid"],
           ["review", "needs_review", "Needs review", "review"]].forEach(function (v) {
            var badge = document.createElement("span");
            badge.className = "badge badge-" + v[1];
            badge.title = v[2];
            badge.textContent = state.verdicts[v[0]] + " " + v[3];
            counts.appendChild(badge);
            counts.appendChild(document.createTextNode(" "));
          });
        }
      }
      var box = field(row, "progress-box");
      if (box) box.hidden = state.status === "FAILURE";
      var err = field(row, "error");
      err.textContent = state.error;
      err.hidden = !state.error;
      if (announce && before !== state.status && !state.active) {
        var name = (field(row, "name") || row.querySelector(".filename")).textContent.trim();
        announce.textContent = name + ": " + state.status_label + (state.error ? ". " + state.error : ".");
      }
    }

    function poll() {
      var ids = activeIds();
      if (!ids.length) return;
      fetch(url + "?ids=" + encodeURIComponent(ids.join(",")), {
        credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (resp) {
        if (!resp.ok) throw new Error("HTTP " + resp.status);
        return resp.json();
      }).then(function (data) {
        data.jobs.forEach(update);
        delay = 1000;
        schedule();
      }).catch(function () {
        delay = Math.min(delay * 2, 15000);
        schedule();
      });
    }

    function schedule() { if (activeIds().length) window.setTimeout(poll, delay); }

    schedule();
  }

  // The spec library list: rows of documents being imported refresh until they are done.
  function setupSpecs(table) {
    var url = table.getAttribute("data-status-url");
    var delay = 1000;
    function field(row, name) { return row.querySelector('[data-field="' + name + '"]'); }
    function importing() {
      return Array.prototype.filter.call(table.querySelectorAll("tr[data-spec-id]"), function (row) {
        return row.getAttribute("data-state") === "Importing";
      }).map(function (row) { return row.getAttribute("data-spec-id"); });
    }
    function show(el, text) { if (el) { el.textContent = text || ""; el.hidden = !text; } }
    function update(doc) {
      var row = table.querySelector('tr[data-spec-id="' + doc.id + '"]');
      if (!row) return;
      row.setAttribute("data-state", doc.state);
      row.className = "state-row-" + doc.state.toLowerCase();
      var state = field(row, "state");
      state.textContent = doc.state;
      state.className = "state state-" + doc.state.toLowerCase();
      field(row, "number").textContent = doc.number;
      field(row, "title").textContent = doc.title || "\u2014";
      field(row, "revision").textContent = doc.revision || "\u2014";
      field(row, "pages").textContent = doc.pages;
      if (doc.clauses !== null) field(row, "clauses").textContent = doc.clauses;
      show(field(row, "note"), doc.note);
      show(field(row, "error"), doc.error);
      var ask = field(row, "ask-replace");  // staff only: a re-saved copy asks whether to replace
      if (ask) ask.hidden = doc.state !== "Duplicate";
    }
    function poll() {
      var ids = importing();
      if (!ids.length) return;
      fetch(url + "?ids=" + encodeURIComponent(ids.join(",")), {
        credentials: "same-origin", headers: { "Accept": "application/json" }
      }).then(function (resp) {
        if (!resp.ok) throw new Error("HTTP " + resp.status);
        return resp.json();
      }).then(function (data) {
        data.documents.forEach(update);
        delay = 1000;
        schedule();
      }).catch(function () { delay = Math.min(delay * 2, 15000); schedule(); });
    }
    function schedule() { if (importing().length) window.setTimeout(poll, delay); }
    schedule();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table[data-specs]").forEach(setupSpecs);
    document.querySelectorAll("[data-dropzone]").forEach(setupDropzone);
    document.querySelectorAll("table[data-jobs]").forEach(setupJobs);
    // After a rejected submission, start at the first field with an error.
    var invalid = document.querySelector("form [aria-invalid=true]");
    if (invalid) invalid.focus();
  });
})();
