// Polls the export job's status and updates the progress bar until it is done or failed.
(function () {
  const box = document.getElementById("export-status");
  if (!box) return;
  const bar = document.getElementById("export-progress");
  const text = document.getElementById("export-text");
  const download = document.getElementById("export-download");
  async function poll() {
    try {
      const response = await fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(response.status);
      const s = await response.json();
      bar.max = s.total || 1;
      bar.value = s.progress;
      text.textContent = `${s.progress} of ${s.total} portfolios (${s.status})`;
      if (s.status === "done") {
        download.hidden = false;
        download.querySelector("a").href = s.download;
        return;
      }
      if (s.status === "failed") { text.textContent = `The export failed: ${s.error}`; return; }
    } catch (e) { /* a dropped connection: try again */ }
    setTimeout(poll, 1000);
  }
  poll();
})();
