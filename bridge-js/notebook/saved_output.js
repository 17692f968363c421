// A cell's output as HTML to save in an exported notebook, and back.
//
// Saving: the output's HTML, with each canvas replaced by an image of what
// it shows (a canvas's pixels are not in its HTML).
// Loading: the HTML is parsed inert (in a <template>) and cleaned before it
// joins the page, since an imported file may come from anyone: no scripts,
// no event-handler attributes, no javascript: (or other non-web) URLs, no
// <base>/<meta>/<link>/<style>/<object>/<embed>/SVG animation; a frame keeps only its
// srcdoc and is sandboxed without allow-same-origin, as live ones are.

/** The HTML to save for `output`. */
export function outputHTML(output) {
  const copy = output.cloneNode(true);
  const live = output.querySelectorAll("canvas");
  copy.querySelectorAll("canvas").forEach((canvas, i) => {
    let src;
    try {
      src = live[i].toDataURL("image/png");
    } catch {
      return; // a tainted canvas: keep it, empty
    }
    const img = document.createElement("img");
    img.src = src;
    img.width = canvas.width;
    img.height = canvas.height;
    img.className = "canvas-snapshot";
    canvas.replaceWith(img);
  });
  return copy.innerHTML;
}

// SVG's animate and set can write a javascript: href after the attributes are checked.
const DROPPED = "script, base, meta, link, style, object, embed, frame, frameset, noscript, template, animate, animateMotion, animateTransform, set";
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "poster", "background", "srcset"]);

/** Whether a URL attribute's value is safe to keep (web, mail, in-page, relative; images as data:image/). */
function safeURL(value, attribute, tag) {
  const bare = value.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
  const scheme = /^([^/?#]*):/.exec(bare);
  if (scheme === null) return true;
  if (["http", "https", "mailto"].includes(scheme[1])) return true;
  return scheme[1] === "data" && tag === "img" && attribute === "src" && /^data:image\/(png|jpeg|gif|webp);/.test(bare);
}

/** Remove from `root` (a fragment) whatever could run code or leave the output. */
export function cleanFragment(root) {
  root.querySelectorAll(DROPPED).forEach((el) => el.remove());
  for (const el of root.querySelectorAll("*")) {
    const tag = el.localName;
    for (const { name, value } of [...el.attributes]) {
      if (name.startsWith("on") || (URL_ATTRIBUTES.has(name) && !safeURL(value, name, tag))) el.removeAttribute(name);
    }
    if (tag === "iframe") {
      el.removeAttribute("src");
      if (!el.hasAttribute("srcdoc")) el.remove();
      else el.setAttribute("sandbox", "allow-scripts");
    }
  }
  return root;
}

/** Fill `output` with saved HTML, cleaned. */
export function restoreOutput(output, html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  output.replaceChildren(cleanFragment(template.content));
}
