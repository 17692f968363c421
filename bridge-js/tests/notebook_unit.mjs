#!/usr/bin/env node
// Node unit tests of the notebook page's pure parts (bridge-js/notebook/):
// the Markdown renderer, the %% text format, the JS cell transform, the cell
// model, the single-file HTML format and the value display rules.
import test from "node:test";
import assert from "node:assert/strict";
import { renderMarkdown, safeURL } from "../notebook/markdown.js";
import { parseText, serializeText } from "../notebook/text_format.js";
import { compileJsCell, returnLastExpression, declaredNames, tokenize } from "../notebook/jscell.js";
import { Notebook } from "../notebook/cells.js";
import { buildNotebookHTML, parseNotebookHTML, readNotebookFile } from "../notebook/html_file.js";
import { toDisplay, jsText } from "../notebook/display.js";

// ---- Markdown ----

test("markdown: headings, paragraphs, emphasis, code spans", () => {
  assert.equal(renderMarkdown("# Title *x*"), "<h1>Title <em>x</em></h1>");
  assert.equal(renderMarkdown("### three ###"), "<h3>three</h3>");
  assert.equal(renderMarkdown("Title\n===\n\nSub\n---"), "<h1>Title</h1>\n<h2>Sub</h2>");
  assert.equal(renderMarkdown("a **b** __c__ *d* _e_ `f`"), "<p>a <strong>b</strong> <strong>c</strong> <em>d</em> <em>e</em> <code>f</code></p>");
  assert.equal(renderMarkdown("one\ntwo\n\nthree"), "<p>one\ntwo</p>\n<p>three</p>");
  assert.equal(renderMarkdown("snake_case_name and 2*3*4"), "<p>snake_case_name and 2<em>3</em>4</p>");
  assert.equal(renderMarkdown("`a *not em* <b>`"), "<p><code>a *not em* &lt;b&gt;</code></p>");
  assert.equal(renderMarkdown("``code with ` tick``"), "<p><code>code with ` tick</code></p>");
  assert.equal(renderMarkdown("\\*literal\\* \\`x\\`"), "<p>*literal* `x`</p>");
  assert.equal(renderMarkdown("`a\\` b"), "<p><code>a\\</code> b</p>", "a backslash in a code span is literal");
  assert.equal(renderMarkdown("hard  \nbreak\\\nagain"), "<p>hard<br>\nbreak<br>\nagain</p>");
  assert.equal(renderMarkdown("#hashtag"), "<p>#hashtag</p>");
  assert.equal(renderMarkdown(""), "");
});

test("markdown: fenced code is escaped and keeps its language", () => {
  assert.equal(renderMarkdown("```py\nprint('<b>')\n\n  x = 1\n```"), `<pre><code class="language-py">print(&#39;&lt;b&gt;&#39;)\n\n  x = 1\n</code></pre>`);
  assert.equal(renderMarkdown("~~~\n**no**\n~~~\nafter"), "<pre><code>**no**\n</code></pre>\n<p>after</p>");
  assert.equal(renderMarkdown("```\nunclosed"), "<pre><code>unclosed\n</code></pre>");
});

test("markdown: lists, nested and ordered; quotes; rules", () => {
  assert.equal(renderMarkdown("- a\n- b\n  - c\n* d"), "<ul>\n<li>a</li>\n<li>b\n<ul>\n<li>c</li>\n</ul></li>\n<li>d</li>\n</ul>");
  assert.equal(renderMarkdown("3. three\n4. four"), '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>');
  assert.equal(renderMarkdown("1. one\n\n2. two"), "<ol>\n<li><p>one</p></li>\n<li><p>two</p></li>\n</ol>");
  assert.equal(renderMarkdown("- item\ncontinued"), "<ul>\n<li>item\ncontinued</li>\n</ul>");
  assert.equal(renderMarkdown("text\n- item"), "<p>text</p>\n<ul>\n<li>item</li>\n</ul>");
  assert.equal(renderMarkdown("> quoted *x*\n> more"), "<blockquote>\n<p>quoted <em>x</em>\nmore</p>\n</blockquote>");
  assert.equal(renderMarkdown("a\n\n***\n\n- - -"), "<p>a</p>\n<hr>\n<hr>");
});

test("markdown: links and images, with unsafe URLs neutralized", () => {
  assert.equal(renderMarkdown('[site](https://example.org/a?b=1&c=2 "T")'), '<p><a href="https://example.org/a?b=1&amp;c=2" title="T">site</a></p>');
  assert.equal(renderMarkdown("[wiki](https://en.wikipedia.org/wiki/Foo_(bar))"), '<p><a href="https://en.wikipedia.org/wiki/Foo_(bar)">wiki</a></p>');
  assert.equal(renderMarkdown("[rel](docs/x.md) [**b**](#top)"), '<p><a href="docs/x.md">rel</a> <a href="#top"><strong>b</strong></a></p>');
  assert.equal(renderMarkdown("![alt <x>](img.png)"), '<p><img src="img.png" alt="alt &lt;x&gt;"></p>');
  for (const bad of ["javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:x", "data:text/html,<b>", "vbscript:x"]) {
    assert.equal(safeURL(bad), "#", bad);
  }
  assert.equal(renderMarkdown("[x](javascript:alert(1))"), '<p><a href="#">x</a></p>');
  assert.equal(safeURL("mailto:a@b.c"), "mailto:a@b.c");
});

test("markdown: the source's HTML is text", () => {
  assert.equal(renderMarkdown("<script>alert(1)</script>"), "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
  assert.equal(renderMarkdown('<img src=x onerror="alert(1)">'), "<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>");
  assert.equal(renderMarkdown("# <i>h</i>"), "<h1>&lt;i&gt;h&lt;/i&gt;</h1>");
  assert.equal(renderMarkdown("a \uE0000\uE001 b"), "<p>a \uFFFD0\uFFFD b</p>"); // no forged placeholders
});

// ---- %% text ----

const sample = [
  { kind: "md", source: "# Title\n\ntext" },
  { kind: "py", source: "x = 1\nprint(x)\n" },
  { kind: "js", source: "" },
  { kind: "py", source: "%% py\n\\%% js\n%%time\n  %% md" },
  { kind: "js", source: "\n\nlast\n\n" },
];

test("%% text: serialize then parse gives the cells back", () => {
  const text = serializeText(sample);
  assert.deepEqual(parseText(text), sample);
  assert.ok(text.startsWith("%% md\n# Title\n\ntext\n\n%% py\nx = 1\n"), text);
  assert.ok(text.includes("\\%% py\n\\\\%% js\n%%time\n  %% md\n"), "header-like lines escaped");
  assert.deepEqual(parseText(serializeText([])), []);
});

test("%% text: hand-written files", () => {
  assert.deepEqual(parseText("%% python\na = 1\n%% javascript\nb\n%% markdown\n*c*"), [
    { kind: "py", source: "a = 1" },
    { kind: "js", source: "b" },
    { kind: "md", source: "*c*" },
  ]);
  assert.deepEqual(parseText("\n\nprint(1)\n%%  JS \r\nx\r\n"), [
    { kind: "py", source: "print(1)" },
    { kind: "js", source: "x" },
  ]);
  assert.deepEqual(parseText("%% rust\nfn main() {}"), [{ kind: "py", source: "%% rust\nfn main() {}" }]);
  assert.throws(() => serializeText([{ kind: "rs", source: "" }]), TypeError);
});

// ---- JS cells ----

const run = (src, scope = {}) => compileJsCell(src, Object.keys(scope))(scope);

test("js cell: the last expression statement is the value", async () => {
  assert.equal(await run("6 * 7"), 42);
  assert.equal(await run("let a = 1; a + 1"), 2);
  assert.equal(await run("const o = {\n  a: [1, 2],\n}\no.a\n  .length"), 2);
  assert.equal(await run("41 + 1;  // the answer"), 42);
  assert.equal(await run("if (true) {\n  1\n}\n'after'"), "after");
  assert.equal(await run("const f = (x) => {\n  return x * 2\n}\nf(4)"), 8);
  assert.equal(await run("const b = 1 +\n  2\nb"), 3);
  assert.equal(await run("let q = 5\nq\n-1"), 4, "a line that continues the expression is part of it");
  assert.equal(await run("await new Promise((r) => setTimeout(r, 5)); 'waited'"), "waited");
  assert.deepEqual(await run("({ a: 1 })"), { a: 1 });
  assert.equal(await run("`t ${ {v: 2}.v } ${`in ${1 + 1}`}`"), "t 2 in 2");
  assert.equal(await run("const re = /[/]x/g\nre.source"), "[/]x");
});

test("js cell: statements that are not expressions give undefined; return works", async () => {
  assert.equal(await run("for (let i = 0; i < 3; i++) {}"), undefined);
  assert.equal(await run("let z = 3"), undefined);
  assert.equal(await run("function g() { return 1 }"), undefined);
  assert.equal(await run("if (true) return 'early'\n'late'"), "early");
  assert.equal(await run("return 5"), 5);
  assert.equal(await run(""), undefined);
  assert.equal(await run("// only a comment"), undefined);
  assert.equal(returnLastExpression("let x = 1\nx"), "let x = 1\nreturn (x\n);");
});

test("js cell: scope names are bound and may be shadowed", async () => {
  assert.equal(await run("py.name + output", { py: { name: "P" }, output: "O" }), "PO");
  assert.equal(await run("let py = 3; py * 2", { py: "P" }), 6);
});

test("js cell: top-level declarations land on globalThis", async () => {
  await run(
    "var nbV = 1, nbW = [1,\n 2]\nlet nbL = 'l'\nconst nbC = { k: 1 }\nfunction nbF() { return 'f' }\nasync function nbA() {}\nclass NbK {}\nconst { nbP, q: [nbR] } = { nbP: 'p', q: ['r'] }\n{ let nbInner = 1 }",
  );
  assert.equal(globalThis.nbV, 1);
  assert.deepEqual(globalThis.nbW, [1, 2]);
  assert.equal(globalThis.nbL, "l");
  assert.deepEqual(globalThis.nbC, { k: 1 });
  assert.equal(globalThis.nbF(), "f");
  assert.equal(typeof globalThis.nbA, "function");
  assert.equal(globalThis.NbK.name, "NbK");
  assert.equal(globalThis.nbP, "p");
  assert.equal(globalThis.nbR, "r");
  assert.equal("nbInner" in globalThis, false);
  // A later cell sees them, and a const stays const inside its own cell.
  assert.equal(await run("nbL + nbF()"), "lf");
  await assert.rejects(run("const nbK2 = 1; nbK2 = 2"), TypeError);
});

test("js cell: what ran before an error is still published; errors propagate", async () => {
  await assert.rejects(run("const nbBefore = 'kept'\nthrow new Error('boom')\nconst nbAfter = 1"), { message: "boom" });
  assert.equal(globalThis.nbBefore, "kept");
  assert.equal("nbAfter" in globalThis, false);
  assert.throws(() => compileJsCell("let = = ="), SyntaxError);
});

test("js cell: an error's stack names the cell's own lines and columns", async () => {
  const runF = compileJsCell("function f() {\n  throw new Error('in f')\n}\n\nf()", []);
  const e1 = await runF().catch((e) => e);
  assert.equal(runF.tidyStack(e1.stack), "Error: in f\n    at f (cell line 2:9)\n    at cell line 5:1");
  const runO = compileJsCell("const o = null\no.x", []);
  const e2 = await runO().catch((e) => e);
  assert.equal(runO.tidyStack(e2.stack), "TypeError: Cannot read properties of null (reading 'x')\n    at cell line 2:3");
});

test("js cell: declared names, read from tokens", () => {
  assert.deepEqual(declaredNames("let a = f(1, 2), b\nconst {c, d: e, ...g} = x, [h, , i = [j, k]] = y"), ["a", "b", "c", "e", "g", "h", "i"]);
  assert.deepEqual(declaredNames("x = {\n let: 1 }\nfoo.let\nfunction* gen() {}\nasync\nfunction after() {}"), ["gen", "after"]);
  assert.deepEqual(declaredNames("const s = `${'let x = 1'}`\n// let y = 2\n/* const z */"), ["s"]);
  assert.deepEqual(
    tokenize("a /b/ c").map((t) => t.t),
    ["id", "p", "id", "p", "id"],
    "a slash after an identifier divides",
  );
  assert.deepEqual(
    tokenize("return /b/g").map((t) => t.t),
    ["id", "re"],
  );
});

// ---- the cell model ----

test("cells: add, move, remove, change kind", () => {
  const nb = new Notebook([{ kind: "py", source: "a" }, { kind: "js", source: "b" }]);
  const [a, b] = nb.cells;
  const c = nb.add("md", "c", 1);
  assert.deepEqual(nb.cells.map((x) => x.source), ["a", "c", "b"]);
  assert.equal(nb.move(a.id, -1), false);
  assert.equal(nb.move(a.id, 1), true);
  assert.deepEqual(nb.cells.map((x) => x.source), ["c", "a", "b"]);
  nb.setKind(b.id, "py");
  assert.equal(b.kind, "py");
  nb.remove(c.id);
  assert.deepEqual(nb.cells.map((x) => x.id), [a.id, b.id]);
  assert.throws(() => nb.add("rs"), TypeError);
  assert.throws(() => nb.get("nope"), /no cell/);
});

// ---- the single-file HTML ----

test("html file: build then parse gives cells and outputs back", () => {
  const cells = [
    { kind: "py", source: "print('</script><!--')", output: '<pre class="stream stdout">&lt;/script&gt;</pre>' },
    { kind: "md", source: "# T", output: "<h1>T</h1>" },
    { kind: "js", source: "1", output: null },
  ];
  const html = buildNotebookHTML({ title: "A & B", cells, css: "body { color: red } </style>" });
  assert.ok(!/<\/script><!--/.test(html.split('id="notebook-data">')[1].split("</script>")[0]), "data block is not cut short");
  assert.ok(html.includes('<script type="module" src="/bridge-js/notebook/notebook.js"></script>'));
  assert.ok(html.includes("<title>A &amp; B</title>"));
  assert.ok(html.includes("<\\/style>"), "inlined CSS cannot end its style element");
  assert.ok(html.includes('<section class="cell saved" data-kind="py"><pre class="source">print(&#39;&lt;/script&gt;&lt;!--&#39;)</pre>'));
  assert.deepEqual(parseNotebookHTML(html), { title: "A & B", cells });
  assert.deepEqual(readNotebookFile(html).cells, cells);
  assert.ok(buildNotebookHTML({ cells: [] }).includes('<link rel="stylesheet" href="/bridge-js/notebook/notebook.css">'));
});

test("html file: import reads %% text too, and rejects what it cannot read", () => {
  assert.deepEqual(readNotebookFile("%% js\n1"), { title: undefined, cells: [{ kind: "js", source: "1", output: null }] });
  assert.throws(() => readNotebookFile("<!doctype html><p>hi"), /no notebook/);
  assert.throws(() => readNotebookFile('<script type="application/json" id="notebook-data">{"format":"other"}</script>'), /not a pybridge-notebook/);
  assert.throws(
    () => readNotebookFile('<script id="notebook-data">{"format":"pybridge-notebook","version":1,"cells":[{"kind":"rs","source":""}]}</script>'),
    /unknown kind/,
  );
});

// ---- showing values ----

const fakePython = {
  isPyProxy: (v) => v?.isProxy === true,
  repr: (v) => (v?.isProxy ? v.r : `repr(${typeof v === "string" ? `'${v}'` : String(v)})`),
  typeRepr: (v) => `<class '${v.t}'>`,
  htmlOf: (v) => v.html,
};

test("display: values of Python and JS cells", () => {
  const foo = { isProxy: true, r: "Foo(42)", t: "__main__.Foo" };
  const table = { isProxy: true, r: "T", t: "T", html: "<table></table>" };
  assert.equal(toDisplay(undefined, "py", fakePython), null);
  assert.deepEqual(toDisplay(foo, "py", fakePython), { text: "Foo(42)" });
  assert.deepEqual(toDisplay(foo, "js", fakePython), { text: "PyProxy <class '__main__.Foo'>: Foo(42)" });
  assert.deepEqual(toDisplay(table, "js", fakePython), { html: "<table></table>" });
  assert.deepEqual(toDisplay("s", "py", fakePython), { text: "repr('s')" });
  assert.deepEqual(toDisplay("s", "js", fakePython), { text: '"s"' });
  assert.equal(jsText([1, 2, 3]), "[1,2,3]");
  assert.equal(jsText({ a: 1n }), '{"a":"1n"}');
  assert.equal(jsText(new Map([["k", 1]])), 'Map(1) [["k",1]]');
  assert.equal(jsText(function named() {}), "[Function: named]");
  assert.equal(jsText(class K {}), "[class K]");
  assert.equal(jsText(-0), "-0");
  assert.equal(jsText(null), "null");
  assert.equal(jsText(new (class Pt { constructor() { this.x = 1; } })()), 'Pt {"x":1}');
  const cyclic = {};
  cyclic.self = cyclic;
  assert.equal(jsText(cyclic), "[object Object]");
  assert.equal(jsText(new Float64Array([1.5])), "Float64Array(1) [1.5]");
});
