/// The stylesheet embedded in every HTML page, so a page is one self-contained file that can be
/// emailed, attached to an FOI answer or archived without its assets going missing.
///
/// Colours meet WCAG 2.2 AA contrast. The accent (links, the banner's rule) defaults to a blue of
/// 5.2:1 on white and a council's own is checked for 4.5:1 when its configuration is read.
/// Heatmap shades come in five steps whose text colour is chosen for contrast, and the number is
/// always printed, so colour is never the only signal. Focus is a yellow outline with a dark ring,
/// visible on any background. In print everything turns black on white, on A4 with margins;
/// links show their addresses, table headers repeat on every page, drawings, rows and definitions
/// are kept whole (a drawing taller than a page is scaled to fit one), and heatmap cells are set in bold from the fourth step up.
enum HTMLStylesheet {
    static let css = """
        :root { color-scheme: light; --ink: #0b0c0c; --muted: #505a5f; --rule: #b1b4b6;
          --accent: #1d70b8; --note: #1d70b8; --warning: #d4351c; --paper: #ffffff; --focus: #ffdd00; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: var(--paper);
          font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
        .skip-link { position: absolute; left: 0.5rem; top: -10rem; z-index: 1; padding: 0.5rem 1rem;
          background: var(--focus); color: var(--ink); font-weight: 600; }
        .skip-link:focus { top: 0.5rem; }
        .banner { border-bottom: 8px solid var(--accent); }
        .banner .organisation { max-width: 52rem; margin: 0 auto; padding: 0.75rem 1rem;
          display: flex; align-items: center; gap: 0.75rem; font-size: 1.125rem; font-weight: 700; }
        .banner .logo { height: 3rem; width: auto; max-width: 12rem; }
        main { display: block; max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
        main:focus { outline: none; }
        .colophon { max-width: 52rem; margin: 0 auto; padding: 1rem; border-top: 1px solid var(--rule);
          color: var(--muted); font-size: 0.875rem; }
        h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.75em 0 0.5em; }
        h1 { font-size: 2rem; margin-top: 0; }
        .document-header { margin-bottom: 2rem; }
        .subtitle { font-size: 1.25rem; color: var(--muted); margin-top: 0; }
        .metadata { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem;
          margin: 1rem 0 0; color: var(--muted); }
        .metadata div { display: contents; }
        .metadata dt { font-weight: 600; }
        .metadata dd { margin: 0; }
        a { color: var(--accent); text-underline-offset: 0.15em; }
        a:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--focus);
          outline-offset: 0; box-shadow: 0 0 0 6px var(--ink); }
        a:focus-visible { background: var(--focus); color: var(--ink); text-decoration: none; }
        a.term { color: inherit; text-decoration: underline dotted; text-decoration-thickness: 1px; }
        code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
          font-size: 0.9em; }
        pre { background: #f3f2f1; padding: 0.75rem 1rem; overflow-x: auto; white-space: pre; }
        blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 4px solid var(--rule); }
        dl:not(.metadata) dt { font-weight: 600; margin-top: 0.75rem; }
        dl:not(.metadata) dd { margin-left: 1.5rem; }
        hr { border: 0; border-top: 1px solid var(--rule); margin: 2rem 0; }
        .table-scroll { overflow-x: auto; margin: 1rem 0; }
        /* A wide table may leave the text column for the width of the window, centred on it, so
           a matrix is whole on a 1280-pixel screen; a narrow one stays in the column. */
        @media screen and (min-width: 52rem) {
          .table-scroll { width: max-content; min-width: 100%; max-width: calc(100vw - 3rem);
            position: relative; left: 50%; transform: translateX(-50%); }
        }
        table { border-collapse: collapse; min-width: 50%; }
        caption { text-align: left; font-weight: 600; padding-bottom: 0.5rem; }
        th, td { border: 1px solid var(--rule); padding: 0.35rem 0.6rem; vertical-align: top;
          text-align: left; }
        thead th { background: #f3f2f1; }
        .align-center { text-align: center; }
        .align-right { text-align: right; font-variant-numeric: tabular-nums; }
        .heat { font-variant-numeric: tabular-nums; }
        .heat-0 { background: #f3f2f1; color: var(--ink); }
        .heat-1 { background: #d2e2f1; color: var(--ink); }
        .heat-2 { background: #a6c6e5; color: var(--ink); }
        .heat-3 { background: #5694ca; color: var(--ink); font-weight: 700; }
        .heat-4 { background: #003078; color: #ffffff; font-weight: 700; }
        .callout { margin: 1.5rem 0; padding: 0.75rem 1rem; border-left: 6px solid var(--note);
          background: #f3f2f1; }
        .callout-warning { border-left-color: var(--warning); }
        .callout > :first-child { margin-top: 0; }
        .callout > :last-child { margin-bottom: 0; }
        .graph { margin: 1.5rem 0; }
        .graph figcaption { font-weight: 600; margin-bottom: 0.5rem; }
        .graph-drawing { display: block; max-width: 100%; height: auto; margin-bottom: 0.5rem; }
        .graph-drawing text { fill: var(--ink); font-size: 14px; text-anchor: middle;
          dominant-baseline: central; }
        .graph-drawing .shape { fill: var(--paper); stroke: var(--ink); stroke-width: 1.5; }
        .graph-drawing .node-diamond .shape { fill: #f3f2f1; }
        .graph-drawing .kind-visited .shape { stroke-width: 4; }
        .graph-drawing .edge { fill: none; stroke: var(--muted); stroke-width: 1.5; }
        .graph-drawing .arrowhead { fill: var(--muted); }
        .graph-drawing .edge-label { font-size: 13px; fill: var(--ink); paint-order: stroke;
          stroke: var(--paper); stroke-width: 5px; stroke-linejoin: round; }
        .graph details summary { cursor: pointer; color: var(--muted); }
        @page { size: A4; margin: 18mm 16mm 20mm; }
        @media print {
          :root { --ink: #000000; --muted: #000000; --rule: #000000; --accent: #000000; }
          body { font-size: 11pt; background: #ffffff; color: #000000; }
          .skip-link { display: none; }
          .banner { border-bottom-width: 3px; }
          .banner .organisation, main, .colophon { max-width: none; padding-left: 0; padding-right: 0; }
          main { padding-top: 1rem; padding-bottom: 1rem; }
          a { color: #000000; }
          a[href^="http"]::after, a[href^="mailto:"]::after { content: " (" attr(href) ")";
            font-size: 0.85em; word-break: break-all; }
          pre, thead th, .callout, .heat { background: none !important; color: #000000 !important; }
          .callout { border: 1px solid #000000; border-left-width: 6px; }
          .table-scroll { overflow: visible; width: auto; max-width: none; left: 0; transform: none; }
          thead { display: table-header-group; }
          pre { white-space: pre-wrap; }
          .graph details summary { color: #000000; }
          h1, h2, h3, h4, h5, h6, caption, figcaption, dt { break-after: avoid; }
          tr, .graph-drawing, .callout, blockquote, pre, dd, .metadata, .graph-outline li { break-inside: avoid; }
          .graph-drawing { width: auto; max-width: 100%; max-height: 240mm; }
          p { orphans: 3; widows: 3; }
        }
        """
}
