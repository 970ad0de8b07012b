/** The playground's stylesheet, inline: one request per page, no build. */
export const playgroundCss = `
* { box-sizing: border-box; }
body { margin:0; font:15px/1.45 system-ui, sans-serif; color:#1d232b; }
header.top { background:#3b1f5e; color:#fff; padding:.6rem 1.2rem; }
header.top a { color:#fff; }
main { padding:1rem 1.2rem 3rem; max-width:80rem; }
h1 { font-size:1.4rem; margin:.4rem 0 1rem; }
h2 { font-size:1.15rem; margin:1.6rem 0 .6rem; }
section { border-top:1px solid #ddd; }
form.stack { display:grid; grid-template-columns:repeat(auto-fill, minmax(13rem, 1fr)); gap:.6rem; align-items:end; max-width:62rem; }
form.stack label { display:flex; flex-direction:column; font-size:.85rem; gap:.15rem; }
form.stack label.wide { grid-column:1 / -1; }
form.stack label.wide select { max-width:100%; }
form.stack label.check { flex-direction:row; align-items:center; gap:.4rem; font-size:.95rem; }
input, select, button { font:inherit; padding:.25rem .4rem; }
button { cursor:pointer; }
.hint { font-size:.8rem; color:#5b6470; }
table { border-collapse:collapse; width:100%; margin:.4rem 0 1rem; }
th, td { border-bottom:1px solid #d6dbe1; padding:.35rem .5rem; text-align:left; vertical-align:top; }
th { background:#f3f5f8; }
code { font-family:ui-monospace, monospace; font-size:.9em; }
.badge { white-space:nowrap; display:inline-block; padding:0 .45rem; border-radius:.6rem; font-size:.8rem; font-weight:600; border:1px solid #bbb; }
.badge.succeeded { background:#e3f4e6; color:#1d6b2c; border-color:#9fd0a9; }
.badge.failed { background:#fde2e1; color:#8a1c17; border-color:#e6a29e; }
.badge.pending { background:#fff1c2; color:#6b5200; border-color:#e5cf7a; }
.badge.skipped { background:#f1f1f1; color:#444; }
.badge.overwrote { background:#fde2e1; color:#8a1c17; border-color:#e6a29e; }
td.did { min-width:18rem; }
td.optin { min-width:12rem; }
span.optin { display:block; }
span.optin.pending { color:#6b5200; font-weight:600; }
span.optin.confirmed { color:#1d6b2c; }
tr.accountOverwritten td { background:#fde2e1; }
p.notice { padding:.4rem .6rem; background:#e3f4e6; border-radius:.3rem; }
div.problem { padding:.4rem .8rem; background:#fde2e1; color:#8a1c17; border-radius:.3rem; }
`;

/** The tab icon: the header's purple with an arrow (Qualifio → Gigya). */
export const playgroundIcon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#3b1f5e"/><path d="M3 8h8M8 4.5 11.5 8 8 11.5" stroke="#fff" stroke-width="2" fill="none" stroke-linecap="round"/></svg>';
