/** The inspector's whole stylesheet: served inline, so a page is one request and needs no build. */
export const inspectorCss = `
:root { --fg:#1d232b; --muted:#5b6470; --line:#d6dbe1; --bg:#fff; --accent:#0b5cad; --warn:#fff1c2; --bad:#fde2e1; --badfg:#8a1c17; --ok:#e3f4e6; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.45 system-ui, sans-serif; color:var(--fg); background:var(--bg); }
header.top { background:#12263f; color:#fff; padding:.6rem 1.2rem; display:flex; gap:1.5rem; align-items:baseline; flex-wrap:wrap; }
header.top a { color:#fff; }
header.top nav ul { list-style:none; display:flex; gap:1rem; margin:0; padding:0; flex-wrap:wrap; }
header.top .site-name { font-weight:600; margin-left:.5rem; }
main { padding:1rem 1.2rem 3rem; max-width:80rem; }
a { color:var(--accent); }
h1 { font-size:1.4rem; margin:.4rem 0 1rem; }
h2 { font-size:1.15rem; margin:1.6rem 0 .6rem; }
h1 .site-of { font-weight:400; color:var(--muted); }
p.site-key { margin:-.6rem 0 1rem; font-size:.85rem; overflow-wrap:anywhere; }
code.key { overflow-wrap:anywhere; }
table { border-collapse:collapse; width:100%; margin:.4rem 0 1rem; }
th, td { border-bottom:1px solid var(--line); padding:.35rem .5rem; text-align:left; vertical-align:top; }
th { background:#f3f5f8; font-weight:600; }
code, .mono { font-family:ui-monospace, monospace; font-size:.9em; }
.muted { color:var(--muted); }
.badge { display:inline-block; padding:0 .45rem; border-radius:.6rem; font-size:.8rem; font-weight:600; border:1px solid; }
.badge.full { background:#e1ecfb; color:#0b4a8f; border-color:#9dbde6; }
.badge.lite { background:#f1f1f1; color:#444; border-color:#bbb; }
.badge.overwritten, .badge.error { background:var(--bad); color:var(--badfg); border-color:#e6a29e; }
.badge.filled, .badge.created { background:var(--ok); color:#1d6b2c; border-color:#9fd0a9; }
.badge.removed { background:var(--warn); color:#6b4e00; border-color:#e0c46c; }
tr.has-overwrite td, tr.has-overwrite th { background:var(--bad); }
tr.overwritten td { background:var(--bad); }
tr.overwritten td.change { color:var(--badfg); font-weight:700; }
tr.removed td { background:var(--warn); }
tr.error td { background:var(--bad); }
.before { text-decoration:line-through; color:var(--muted); }
tr.overwritten .before { color:var(--badfg); }
.empty { font-style:italic; color:var(--muted); }
.before .empty { text-decoration:none; display:inline-block; }
form.filters { display:flex; gap:.8rem; flex-wrap:wrap; align-items:end; margin:.4rem 0 .8rem; }
form.filters label, form.stack label { display:flex; flex-direction:column; font-size:.85rem; gap:.15rem; }
form.stack { display:grid; grid-template-columns:repeat(auto-fill, minmax(15rem, 1fr)); gap:.6rem; align-items:end; max-width:64rem; }
input, select, button { font:inherit; padding:.25rem .4rem; }
button { cursor:pointer; }
nav.pager { display:flex; gap:1rem; align-items:center; }
article.write { border:1px solid var(--line); border-radius:.4rem; padding:.5rem .8rem; margin:.6rem 0; }
article.write.has-overwrite { border-color:#e6a29e; border-width:2px; }
article.write h3 { font-size:1rem; margin:.2rem 0 .4rem; display:flex; gap:.6rem; flex-wrap:wrap; align-items:baseline; }
dl.profile { display:grid; grid-template-columns:max-content 1fr; gap:.2rem 1rem; }
dl.profile dt { font-weight:600; }
dl.profile dd { margin:0; }
p.notice { padding:.4rem .6rem; background:var(--warn); border-radius:.3rem; }
p.problem { padding:.4rem .6rem; background:var(--bad); color:var(--badfg); border-radius:.3rem; }
details pre { white-space:pre-wrap; margin:.2rem 0; }
`;
