// The loading line: a progress bar over the two downloads (loadPython's
// onProgress: the wasm module and the stdlib zip), then the start-up time.

const MB = 1024 * 1024;
const mb = (n) => (n / MB).toFixed(1);

/**
 * @param {HTMLProgressElement} bar
 * @param {HTMLElement} text
 * @returns {{update: (p: {what: string, loaded: number, total?: number}) => void, ready: (ms: number) => void, failed: (e: *) => void}}
 */
export function loadingProgress(bar, text) {
  /** file name -> {loaded, total} */
  const files = new Map();
  const sums = () => {
    let loaded = 0;
    let total = 0;
    let known = true;
    for (const f of files.values()) {
      loaded += f.loaded;
      if (f.total === undefined) known = false;
      else total += f.total;
    }
    return { loaded, total: known ? total : undefined };
  };
  text.textContent = "loading Python…";
  return {
    update({ what, loaded, total }) {
      files.set(what, { loaded, total });
      const s = sums();
      bar.hidden = false;
      if (s.total) {
        bar.max = s.total;
        bar.value = s.loaded;
        text.textContent = `downloading Python: ${mb(s.loaded)} of ${mb(s.total)} MB (${Math.floor((100 * s.loaded) / s.total)}%)`;
      } else {
        bar.removeAttribute("value"); // indeterminate
        text.textContent = `downloading Python: ${mb(s.loaded)} MB`;
      }
      bar.dataset.loaded = String(s.loaded);
      bar.dataset.total = String(s.total ?? "");
    },
    ready(ms) {
      const { loaded } = sums();
      bar.hidden = true;
      const size = loaded ? `, ${mb(loaded)} MB downloaded` : "";
      text.textContent = `Python ready in ${(ms / 1000).toFixed(2)} s${size} · Shift+Enter runs a cell`;
    },
    failed(e) {
      bar.hidden = true;
      text.textContent = `loading Python failed: ${e?.message ?? e}`;
    },
  };
}
