/// The stylesheet embedded in every HTML page, so a page is one self-contained file that can be
/// emailed, attached to an FOI answer or archived without its assets going missing.
///
/// Colours meet WCAG AA contrast; heatmap shades come in five steps whose text colour is chosen
/// for contrast, and the number is always printed, so colour is never the only signal. In print
/// everything turns black on white, links show their addresses and heatmap cells are set in bold
/// from the fourth step up.
enum HTMLStylesheet {
    static let css = """
        :root { color-scheme: light; --ink: #0b0c0c; --muted: #505a5f; --rule: #b1b4b6;
          --accent: #1d70b8; --note: #1d70b8; --warning: #d4351c; --paper: #ffffff; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: var(--paper);
          font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
        main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
        h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.75em 0 0.5em; }
        h1 { font-size: 2rem; margin-top: 0; }
        header { margin-bottom: 2rem; }
        .subtitle { font-size: 1.25rem; color: var(--muted); margin-top: 0; }
        .metadata { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem;
          margin: 1rem 0 0; color: var(--muted); }
        .metadata div { display: contents; }
        .metadata dt { font-weight: 600; }
        .metadata dd { margin: 0; }
        a { color: var(--accent); text-underline-offset: 0.15em; }
        a:focus-visible, [tabindex]:focus-visible { outline: 3px solid #ffdd00; outline-offset: 2px; }
        a.term { color: inherit; text-decoration: underline dotted; text-decoration-thickness: 1px; }
        code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
          font-size: 0.9em; }
        pre { background: #f3f2f1; padding: 0.75rem 1rem; overflow-x: auto; white-space: pre; }
        blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 4px solid var(--rule); }
        dl:not(.metadata) dt { font-weight: 600; margin-top: 0.75rem; }
        dl:not(.metadata) dd { margin-left: 1.5rem; }
        hr { border: 0; border-top: 1px solid var(--rule); margin: 2rem 0; }
        .table-scroll { overflow-x: auto; margin: 1rem 0; }
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
        .heat-3 { background: #5694ca; color: var(--ink); }
        .heat-4 { background: #003078; color: #ffffff; }
        .callout { margin: 1.5rem 0; padding: 0.75rem 1rem; border-left: 6px solid var(--note);
          background: #f3f2f1; }
        .callout-warning { border-left-color: var(--warning); }
        .callout > :first-child { margin-top: 0; }
        .callout > :last-child { margin-bottom: 0; }
        .graph { margin: 1.5rem 0; }
        .graph figcaption { font-weight: 600; margin-bottom: 0.5rem; }
        .graph pre.mermaid { background: none; padding: 0; }
        .graph details summary { cursor: pointer; color: var(--muted); }
        @media print {
          :root { --ink: #000000; --muted: #000000; --rule: #000000; --accent: #000000; }
          body { font-size: 11pt; background: #ffffff; color: #000000; }
          main { max-width: none; padding: 0; }
          a { color: #000000; }
          a[href^="http"]::after, a[href^="mailto:"]::after { content: " (" attr(href) ")";
            font-size: 0.85em; word-break: break-all; }
          pre, thead th, .callout, .heat { background: none !important; color: #000000 !important; }
          .heat-3, .heat-4 { font-weight: 700; }
          .callout { border: 1px solid #000000; border-left-width: 6px; }
          .table-scroll { overflow: visible; }
          pre { white-space: pre-wrap; }
          pre.mermaid:not([data-processed]) { display: none; }
          h1, h2, h3, h4, h5, h6 { break-after: avoid; }
          tr, figure, .callout, blockquote, pre { break-inside: avoid; }
        }
        """
}
