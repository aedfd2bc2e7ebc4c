/**
 * The playground's own stylesheet, served as /playground/assets/theme.css after
 * GraphiQL's and Monaco's: the page's layout, the sign-in panel, and a light theme whose colours reach
 * WCAG AA contrast (4.5:1 for text) on GraphiQL's backgrounds (white and #f1f2f4). GraphiQL's
 * defaults fall short: secondary text at 76% opacity is 4.26:1, the documentation's type links
 * 3.16:1, its field links 4.09:1. The dark theme is GraphiQL's own.
 */
export const PLAYGROUND_CSS = `
html, body, #playground { height: 100%; margin: 0; }

body:not(.graphiql-dark) .graphiql-container,
body:not(.graphiql-dark) .graphiql-dialog,
body:not(.graphiql-dark) .graphiql-dialog-overlay,
body:not(.graphiql-dark) .graphiql-tooltip,
body:not(.graphiql-dark) [data-radix-popper-content-wrapper] {
  --color-primary: 320, 95%, 36%;
  --color-secondary: 242, 51%, 48%;
  --color-tertiary: 188, 100%, 26%;
  --color-info: 208, 100%, 36%;
  --color-success: 158, 60%, 28%;
  --color-warning: 36, 100%, 28%;
  --color-error: 13, 93%, 40%;
  --alpha-secondary: 0.9;
  --alpha-tertiary: 0.8;
}

/* Links in the documentation are told apart from the text around them by more than colour. */
.graphiql-container .graphiql-doc-explorer-content a { text-decoration: underline; }
/* Targets of at least 24 by 24 pixels (WCAG 2.2, 2.5.8). */
/* A tab's close button sits beside its title instead of over the title's end. */
.graphiql-container .graphiql-tab .graphiql-tab-button { min-width: 24px; min-height: 24px; padding-right: var(--px-8); }
.graphiql-container .graphiql-tab .graphiql-tab-close {
  position: static; transform: none; align-self: center; min-width: 24px; min-height: 24px; margin-right: var(--px-4);
}
.graphiql-container .graphiql-doc-explorer-content a { display: inline-block; min-height: 24px; }

.playground-panel { display: flex; flex-direction: column; gap: 12px; }
.playground-panel h2 { font-size: var(--font-size-h3); font-weight: var(--font-weight-medium); margin: 0; }
.playground-panel h3 { font-size: var(--font-size-h4); font-weight: var(--font-weight-medium); margin: 8px 0 0; }
.playground-panel p { margin: 0; }
.playground-sign-in-form { display: flex; flex-direction: column; gap: 6px; }
.playground-sign-in-form label { font-weight: var(--font-weight-medium); }
.playground-sign-in-form input {
  font: inherit; color: hsl(var(--color-neutral)); background: hsl(var(--color-base));
  border: 1px solid hsl(var(--color-neutral)); border-radius: var(--border-radius-4); padding: 6px 8px; min-height: 36px;
}
.playground-sign-in-form input[aria-invalid="true"] { border: 2px solid hsl(var(--color-error)); }
.playground-sign-in-form input:focus-visible, .playground-button:focus-visible, .playground-link-button:focus-visible {
  outline: 2px solid hsl(var(--color-primary)); outline-offset: 2px;
}
.playground-button {
  font: inherit; font-weight: var(--font-weight-medium); align-self: flex-start; cursor: pointer; min-height: 36px; padding: 6px 16px;
  color: hsl(var(--color-base)); background: hsl(var(--color-primary)); border: none; border-radius: var(--border-radius-4);
}
.playground-button[aria-disabled="true"] { cursor: progress; }
.playground-error { color: hsl(var(--color-error)); font-weight: var(--font-weight-medium); }
.playground-saved { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 10px; }
.playground-link-button {
  font: inherit; font-weight: var(--font-weight-medium); cursor: pointer; min-height: 24px; padding: 0;
  color: hsl(var(--color-primary)); background: none; border: none; text-decoration: underline; text-align: left;
}
.playground-footer { padding: 6px 12px; font-size: var(--font-size-hint); }
`;
