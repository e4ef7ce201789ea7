/** Styles of the dashboard and the digest view, on the admin's theme variables (light and dark). */
export const ESUKO_ADMIN_CSS = `
.esuko-kpi, .esuko-digest { margin-bottom: calc(var(--base) * 2); }
.esuko-kpi h2, .esuko-digest h2 { margin: 0 0 calc(var(--base) * 0.5); }
.esuko-kpi__head { display: flex; flex-wrap: wrap; gap: calc(var(--base) * 0.5) var(--base); align-items: baseline; justify-content: space-between; margin-bottom: var(--base); }
.esuko-kpi__years { display: flex; gap: calc(var(--base) * 0.5); flex-wrap: wrap; margin: 0; padding: 0; list-style: none; }
.esuko-kpi__years a, .esuko-digest__choices a { display: inline-block; padding: 2px 10px; border: 1px solid var(--theme-elevation-250); border-radius: 999px; text-decoration: none; color: var(--theme-text); }
.esuko-kpi__years a[aria-current="page"], .esuko-digest__choices a[aria-current="page"] { background: var(--theme-elevation-800); color: var(--theme-elevation-0); border-color: var(--theme-elevation-800); }
.esuko-kpi__grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: var(--base); margin: 0; padding: 0; list-style: none; }
.esuko-kpi__card { border: 1px solid var(--theme-elevation-150); border-radius: 6px; padding: var(--base); background: var(--theme-elevation-0); display: flex; flex-direction: column; gap: calc(var(--base) * 0.4); }
.esuko-kpi__card h3 { font-size: 1rem; margin: 0; line-height: 1.4; }
.esuko-kpi__figure { font-size: 1.6rem; font-weight: 600; line-height: 1.2; margin: 0; }
.esuko-kpi__figure small { font-size: 0.85rem; font-weight: 400; color: var(--theme-elevation-650); }
.esuko-kpi__note { margin: 0; font-size: 0.85rem; color: var(--theme-elevation-650); }
.esuko-kpi__progress { height: 10px; border-radius: 5px; background: var(--theme-elevation-100); overflow: hidden; }
.esuko-kpi__progress-fill { display: block; height: 100%; background: var(--theme-success-500, #2f7d4f); }
.esuko-kpi__chart { width: 100%; height: auto; display: block; }
.esuko-kpi__axis { stroke: var(--theme-elevation-300); stroke-width: 1; }
.esuko-kpi__reference { stroke: var(--theme-elevation-500); stroke-width: 1; stroke-dasharray: 4 3; }
.esuko-kpi__bar { fill: var(--theme-success-500, #2f7d4f); }
.esuko-kpi__line { stroke: var(--theme-success-500, #2f7d4f); stroke-width: 2; }
.esuko-kpi__dot { fill: var(--theme-success-500, #2f7d4f); }
.esuko-kpi__month { font-size: 10px; fill: var(--theme-elevation-650); }
.esuko-kpi__month--future { fill: var(--theme-elevation-300); }
.esuko-inbox { margin: 0 0 calc(var(--base) * 2); }
.esuko-inbox ul { display: flex; flex-wrap: wrap; gap: calc(var(--base) * 0.5); margin: 0; padding: 0; list-style: none; }
.esuko-inbox a { display: inline-flex; gap: 8px; align-items: baseline; padding: 6px 12px; border: 1px solid var(--theme-elevation-200); border-radius: 6px; text-decoration: none; color: var(--theme-text); }
.esuko-inbox a strong { font-size: 1.2rem; }
.esuko-inbox a[data-pending="true"] { border-color: var(--theme-warning-500, #b26b00); }
.esuko-digest table { width: 100%; border-collapse: collapse; margin-bottom: calc(var(--base) * 1.5); }
.esuko-digest th, .esuko-digest td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--theme-elevation-150); vertical-align: top; }
.esuko-digest th { font-weight: 600; }
.esuko-digest__choices { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 var(--base); padding: 0; list-style: none; }
.esuko-digest__actions { margin: var(--base) 0; }
.esuko-digest__download { display: inline-block; padding: 8px 16px; border-radius: 4px; background: var(--theme-elevation-800); color: var(--theme-elevation-0); text-decoration: none; }
.esuko-digest__summary { display: flex; flex-wrap: wrap; gap: var(--base); margin: 0 0 var(--base); padding: 0; list-style: none; }
.esuko-callout { border: 1px solid var(--theme-elevation-150); border-radius: 6px; padding: var(--base); margin-bottom: calc(var(--base) * 2); }
.esuko-callout p { margin: 0 0 calc(var(--base) * 0.5); }
`
