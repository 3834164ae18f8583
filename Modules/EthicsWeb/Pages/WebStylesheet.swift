/// What the browser's pages add to the renderer's stylesheet: the navigation, forms, buttons and
/// error messages, in the same GOV.UK-like look. Served as a file (`/assets/web.css`) so that the
/// Content-Security-Policy need allow no inline style beyond the renderer's own, by its hash.
enum WebStylesheet {
    static let path = "/assets/web.css"

    static let css = """
        .site-nav { max-width: 52rem; margin: 0 auto; padding: 0.5rem 1rem; display: flex; flex-wrap: wrap;
          gap: 0.25rem 1.25rem; align-items: center; border-bottom: 1px solid var(--rule); }
        .site-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0; padding: 0; }
        .site-nav .signed-in { margin: 0 0 0 auto; color: var(--muted); }
        .site-nav form { display: inline; margin: 0; }
        .link-button { background: none; border: 0; padding: 0; color: var(--accent); text-decoration: underline;
          font: inherit; cursor: pointer; }
        .link-button:focus-visible, .button:focus-visible, .input:focus, .textarea:focus,
        .choice input:focus-visible { outline: 3px solid var(--focus); outline-offset: 0; box-shadow: 0 0 0 6px var(--ink); }
        .notice { border-left: 8px solid #00703c; padding: 0.75rem 1rem; margin: 0 0 1.5rem; background: #f3f2f1; }
        .error-summary { border: 5px solid var(--warning); padding: 1rem 1.25rem; margin: 0 0 2rem; }
        .error-summary h2 { margin-top: 0; font-size: 1.25rem; }
        .error-summary a { color: var(--warning); font-weight: 700; }
        .web-form { margin: 1.5rem 0 0; }
        .field { margin: 0 0 1.5rem; }
        .field-error { border-left: 5px solid var(--warning); padding-left: 0.9rem; }
        .error-message { color: var(--warning); font-weight: 700; margin: 0.25rem 0; }
        .label, legend { display: block; font-weight: 700; margin-bottom: 0.25rem; }
        .hint { color: var(--muted); margin: 0 0 0.35rem; }
        .input, .textarea { width: 100%; max-width: 36rem; padding: 0.35rem; border: 2px solid var(--ink);
          font: inherit; border-radius: 0; }
        .fieldset { border: 0; padding: 0; margin: 0; }
        .fieldset.item { border: 1px solid var(--rule); padding: 0.75rem 1rem; margin: 0 0 1rem; }
        .choice { margin: 0.35rem 0; }
        .choice input { width: 1.25rem; height: 1.25rem; vertical-align: middle; }
        .choice .hint { margin-left: 1.75rem; }
        .button-group { display: flex; flex-wrap: wrap; gap: 1rem; margin-top: 1.5rem; }
        .button { font: inherit; font-weight: 600; padding: 0.5rem 1rem; border: 0; border-bottom: 2px solid #002d18;
          background: #00703c; color: #ffffff; cursor: pointer; }
        .button-secondary { background: #f3f2f1; color: var(--ink); border-bottom-color: #929191; }
        .inline-form { display: inline; margin-left: 0.5rem; }
        .inline-form .button { padding: 0.15rem 0.6rem; }
        .visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: 0; padding: 0;
          overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
        """
}
