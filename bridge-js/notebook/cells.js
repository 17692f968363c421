// The notebook's cells, in order: each `{id, kind, source, output}`, where
// `output` is the HTML of its last output when it came from a saved notebook
// (the view owns live outputs). No DOM here: the view calls these and redraws.

import { KINDS } from "./text_format.js";

export { KINDS };

let nextId = 1;

export class Notebook {
  /** @param {{kind: string, source?: string, output?: string | null}[]} [cells] */
  constructor(cells = []) {
    this.cells = [];
    for (const c of cells) this.add(c.kind, c.source ?? "", this.cells.length, c.output ?? null);
  }

  /** A new cell at `index` (default: the end); returns it. */
  add(kind, source = "", index = this.cells.length, output = null) {
    checkKind(kind);
    if (typeof source !== "string") throw new TypeError(`a cell's source must be a string, got ${typeof source}`);
    const cell = { id: `cell-${nextId++}`, kind, source, output };
    this.cells.splice(Math.max(0, Math.min(index, this.cells.length)), 0, cell);
    return cell;
  }

  /** The cell with `id`; throws when there is none. */
  get(id) {
    const cell = this.cells.find((c) => c.id === id);
    if (cell === undefined) throw new Error(`no cell ${id}`);
    return cell;
  }

  indexOf(id) {
    return this.cells.indexOf(this.get(id));
  }

  remove(id) {
    this.cells.splice(this.indexOf(id), 1);
  }

  /** Move a cell `delta` places (-1 up, +1 down); false when it is already at that end. */
  move(id, delta) {
    const from = this.indexOf(id);
    const to = from + delta;
    if (to < 0 || to >= this.cells.length) return false;
    const [cell] = this.cells.splice(from, 1);
    this.cells.splice(to, 0, cell);
    return true;
  }

  setKind(id, kind) {
    checkKind(kind);
    this.get(id).kind = kind;
  }
}

function checkKind(kind) {
  if (!KINDS.includes(kind)) throw new TypeError(`unknown cell kind ${JSON.stringify(kind)} (one of ${KINDS.join(", ")})`);
}
