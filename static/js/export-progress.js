// Polls the export job's status and updates the progress bar until it is done, failed or expired. A stalled job
// shows why, and its "start again" button; it is polled more slowly, in case its worker comes back.
(function () {
  const box = document.getElementById("export-status");
  if (!box) return;
  const bar = document.getElementById("export-progress");
  const text = document.getElementById("export-text");
  const download = document.getElementById("export-download");
  const message = document.getElementById("export-message");
  const restart = document.getElementById("export-restart");
  async function poll() {
    let delay = 1000;
    try {
      const response = await fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(response.status);
      const s = await response.json();
      bar.max = s.total || 1;
      bar.value = s.progress;
      text.textContent = `${s.progress} of ${s.total} ${box.dataset.unit || "portfolios"} (${s.status})`;
      message.textContent = s.message || "";
      message.hidden = !s.message;
      if (restart) restart.hidden = !s.restart;
      if (s.status === "done") {
        download.hidden = false;
        download.querySelector("a").href = s.download;
        if (s.manifest_sha256) {
          document.getElementById("manifest-sha256").textContent = s.manifest_sha256;
          document.getElementById("export-manifest").hidden = false;
        }
        return;
      }
      if (s.status === "failed") { text.textContent = `The export failed: ${s.error}`; return; }
      if (s.status === "expired") return;
      if (s.stalled) delay = 10000;
    } catch (e) { /* a dropped connection: try again */ }
    setTimeout(poll, delay);
  }
  poll();
})();
