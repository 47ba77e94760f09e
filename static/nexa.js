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

    function problems(files) {
      var out = [];
      if (maxFiles && files.length > maxFiles) {
        out.push("Too many files: you chose " + files.length + ", the limit is " + maxFiles + " per upload.");
      }
      for (var i = 0; i < files.length; i++) {
        var f = files[i];
        if (maxBytes && f.size > maxBytes) {
          out.push(f.name + " is too large (" + formatBytes(f.size) + "); the limit is " + formatBytes(maxBytes) + ".");
        } else if (!/\.pdf$/i.test(f.name) && f.type !== "application/pdf") {
          out.push(f.name + " is not a PDF file.");
        }
      }
      return out;
    }

    function render() {
      var files = input.files || [];
      list.textContent = "";
      for (var i = 0; i < files.length; i++) {
        var li = document.createElement("li");
        li.textContent = files[i].name + " (" + formatBytes(files[i].size) + ")";
        list.appendChild(li);
      }
      if (clientError) {
        var found = problems(files);
        clientError.textContent = found.join(" ");
        clientError.hidden = found.length === 0;
        if (found.length) input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
      }
    }

    input.addEventListener("change", render);
    var form = zone.closest("form");
    if (form) {
      form.addEventListener("submit", function (ev) {
        if (problems(input.files || []).length) {
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
      var err = field(row, "error");
      err.textContent = state.error;
      err.hidden = !state.error;
      if (announce && before !== state.status && !state.active) {
        var name = row.querySelector(".filename").firstChild.textContent.trim();
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

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-dropzone]").forEach(setupDropzone);
    document.querySelectorAll("table[data-jobs]").forEach(setupJobs);
    // After a rejected submission, start at the first field with an error.
    var invalid = document.querySelector("form [aria-invalid=true]");
    if (invalid) invalid.focus();
  });
})();
