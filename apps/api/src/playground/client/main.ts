/// <reference lib="dom" />
/**
 * The playground in the browser: GraphiQL with a sign-in panel and the saved operations.
 * Bundled by esbuild when the API first serves it (see ../bundle.ts); it runs under the API's
 * strict Content-Security-Policy, so it loads nothing but the API's own files.
 */
import { createElement as h, FormEvent, ReactNode, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { GraphiQLPlugin, useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { useHistory, useHistoryActions } from '@graphiql/plugin-history';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { editor as monacoEditor } from 'monaco-editor/esm/vs/editor/editor.api.js';
import { scrubStoredValue, withToken, withoutToken } from './headers';

interface SavedOperation {
  name: string;
  description: string;
  query: string;
  variables?: string;
}

interface Session {
  token: string;
  email: string;
  role: string;
  expiresAt: string;
}

const ASSETS = document.documentElement.dataset.assets ?? '/playground/assets';
const GRAPHQL_URL = `${window.location.origin}/graphql`;
const SAVED: SavedOperation[] = JSON.parse(document.getElementById('saved-operations')?.textContent ?? '[]');

// Monaco's workers: classic scripts served by the API (worker-src 'self').
(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    const name = label === 'json' ? 'json' : label === 'graphql' ? 'graphql' : 'editor';
    return new Worker(`${ASSETS}/${name}.worker.js`, { name: `${name} worker` });
  },
};

/**
 * Monaco's light theme (GraphiQL's, on Monaco's "vs") writes numbers, types, attributes and
 * GraphQL arguments at about 4.1:1 against GraphiQL's grey background: darker shades reach
 * 4.5:1. GraphiQL defines its themes when Monaco loads; the extra rules are added then.
 */
const CONTRAST_RULES: monacoEditor.ITokenThemeRule[] = [
  { token: 'number', foreground: '07704a' },
  { token: 'type', foreground: '1f6a80' },
  { token: 'attribute.name', foreground: 'c00000' },
  { token: 'annotation', foreground: '5c5c5c' },
  { token: 'comment', foreground: '006b00' },
  { token: 'argument.identifier.gql', foreground: '5451b8' },
];
const defineTheme = monacoEditor.defineTheme.bind(monacoEditor);
monacoEditor.defineTheme = (name, data) => defineTheme(name, data.base === 'vs' ? { ...data, rules: [...data.rules, ...CONTRAST_RULES] } : data);

/* The signed-in session lives in this page's memory only (and in the Headers pane). */
let session: Session | null = null;
const listeners = new Set<() => void>();
function setSession(next: Session | null): void {
  session = next;
  for (const listener of listeners) listener();
}
function useSession(): Session | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => session,
  );
}

/** Removes the token from everything GraphiQL keeps in localStorage (its tabs, its history of runs with their headers). */
function forgetInStorage(token: string): void {
  for (let i = window.localStorage.length - 1; i >= 0; i--) {
    const key = window.localStorage.key(i);
    if (!key?.startsWith('graphiql:')) continue;
    const value = window.localStorage.getItem(key);
    if (value?.includes(token)) window.localStorage.setItem(key, scrubStoredValue(value, token));
  }
}

/** Changes the headers of every tab: the others in GraphiQL's state, the active one through its editor. */
function useHeadersOfAllTabs(): (change: (headers: string) => string) => void {
  const tabs = useGraphiQL((state) => state.tabs);
  const activeTabIndex = useGraphiQL((state) => state.activeTabIndex);
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const { moveTab } = useGraphiQLActions();
  return (change) => {
    // moveTab takes the tabs in their (same) order; the active tab is passed as it is, which is how the store finds it again.
    moveTab(tabs.map((tab, index) => (index === activeTabIndex ? tab : { ...tab, headers: change(tab.headers ?? '') })));
    headerEditor?.setValue(change(headerEditor.getValue()));
  };
}

function useSignOut(): () => void {
  const changeHeaders = useHeadersOfAllTabs();
  const history = useHistory();
  const { deleteFromHistory } = useHistoryActions();
  return () => {
    const current = session;
    if (!current) return;
    changeHeaders((headers) => withoutToken(headers, current.token));
    for (const item of history) if (item.headers?.includes(current.token)) deleteFromHistory(item, true);
    forgetInStorage(current.token);
    setSession(null);
  };
}

/** A new tab (or one opened before signing in) gets the token when it becomes the active one. */
function TokenInActiveTab(): null {
  const current = useSession();
  const activeTabIndex = useGraphiQL((state) => state.activeTabIndex);
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  useEffect(() => {
    if (!current || !headerEditor) return;
    const text = headerEditor.getValue();
    if (!text.includes(current.token)) headerEditor.setValue(withToken(text, current.token));
  }, [current, activeTabIndex, headerEditor]);
  return null;
}

const LOG_IN = `mutation PlaygroundLogIn($input: LogInInput!) {
  logIn(input: $input) { accessToken expiresAt user { email role } }
}`;

async function logIn(email: string, password: string): Promise<Session> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: LOG_IN, variables: { input: { email, password } }, operationName: 'PlaygroundLogIn' }),
    });
  } catch {
    throw new Error('The API could not be reached. Check that it is running, then try again.');
  }
  const body = (await response.json().catch(() => null)) as {
    data?: { logIn?: { accessToken: string; expiresAt: string; user: { email: string; role: string } } | null } | null;
    errors?: { message: string }[];
  } | null;
  const payload = body?.data?.logIn;
  if (payload) return { token: payload.accessToken, expiresAt: payload.expiresAt, email: payload.user.email, role: payload.user.role };
  throw new Error(body?.errors?.[0]?.message ?? `The API answered ${response.status}.`);
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function SignInForm(props: { onStatus(message: string): void }): ReactNode {
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const changeHeaders = useHeadersOfAllTabs();
  const emailRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!email.trim() || !password) {
      setError(!email.trim() ? 'Enter your email address.' : 'Enter your password.');
      return;
    }
    setBusy(true);
    setError('');
    props.onStatus('Signing in…');
    try {
      const next = await logIn(email.trim(), password);
      changeHeaders((headers) => withToken(headers, next.token));
      setPassword('');
      setSession(next);
      props.onStatus('Signed in: the token is in the Headers pane of every tab.');
    } catch (failure) {
      props.onStatus('');
      setError(`Sign-in failed: ${failure instanceof Error ? failure.message : String(failure)}`);
      emailRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  const errorId = `${id}-error`;
  const invalid = error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  return h(
    'form',
    { className: 'playground-sign-in-form', onSubmit: submit, noValidate: true, 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, 'Sign in'),
    h('label', { htmlFor: `${id}-email` }, 'Email'),
    h('input', { id: `${id}-email`, ref: emailRef, type: 'email', name: 'email', autoComplete: 'username', required: true, value: email, onChange: (e: { target: HTMLInputElement }) => setEmail(e.target.value), ...invalid }),
    h('label', { htmlFor: `${id}-password` }, 'Password'),
    h('input', { id: `${id}-password`, type: 'password', name: 'password', autoComplete: 'current-password', required: true, value: password, onChange: (e: { target: HTMLInputElement }) => setPassword(e.target.value), ...invalid }),
    h('p', { id: errorId, className: 'playground-error', role: 'alert' }, error),
    h('button', { type: 'submit', className: 'playground-button', 'aria-disabled': busy || undefined }, busy ? 'Signing in…' : 'Sign in'),
  );
}

function SignedIn(props: { session: Session; onStatus(message: string): void }): ReactNode {
  const signOut = useSignOut();
  return h(
    'div',
    { className: 'playground-signed-in' },
    h('p', null, 'Signed in as ', h('strong', null, props.session.email), ` (${props.session.role}) until ${formatTime(props.session.expiresAt)}.`),
    h(
      'button',
      {
        type: 'button',
        className: 'playground-button',
        onClick: () => {
          signOut();
          props.onStatus('Signed out: the token is gone from the headers and from this browser’s storage.');
        },
      },
      'Sign out',
    ),
  );
}

function SavedOperations(): ReactNode {
  const { addTab } = useGraphiQLActions();
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const id = useId();
  return h(
    'section',
    { 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, 'Saved operations'),
    h(
      'ul',
      { className: 'playground-saved' },
      SAVED.map((op) =>
        h(
          'li',
          { key: op.name },
          h(
            'button',
            {
              type: 'button',
              className: 'playground-link-button',
              'aria-describedby': `${id}-${op.name}`,
              onClick: () => {
                addTab();
                queryEditor?.setValue(op.query);
                variableEditor?.setValue(op.variables ?? '');
                queryEditor?.focus();
              },
            },
            `Open ${op.name}`,
          ),
          h('p', { id: `${id}-${op.name}` }, op.description),
        ),
      ),
    ),
  );
}

function SignInPanel(): ReactNode {
  const current = useSession();
  const [status, setStatus] = useState('');
  return h(
    'div',
    { className: 'playground-panel' },
    h('h2', { className: 'playground-title' }, 'Account'),
    h('p', null, 'Sign in with your account: the token goes into the Headers pane of every tab. Signing out forgets it.'),
    current ? h(SignedIn, { session: current, onStatus: setStatus }) : h(SignInForm, { onStatus: setStatus }),
    h('p', { className: 'playground-status', role: 'status', 'aria-live': 'polite' }, status),
    h(SavedOperations),
  );
}

function KeyIcon(): ReactNode {
  return h(
    'svg',
    { viewBox: '0 0 24 24', width: 24, height: 24, fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, 'aria-hidden': true, focusable: false },
    h('circle', { cx: 8, cy: 15, r: 4 }),
    h('path', { d: 'M11 12l9-9m-4 4l3 3m-5-1l2 2' }),
  );
}

/** Under the response: who is signed in, and the component that keeps the token in the active tab. */
function SessionFooter(): ReactNode {
  const current = useSession();
  return h(
    'div',
    { className: 'playground-footer' },
    h(TokenInActiveTab),
    current ? `Signed in as ${current.email} (${current.role})` : 'Not signed in: open the sign-in panel (key icon, left).',
  );
}

const SIGN_IN_PLUGIN: GraphiQLPlugin = { title: 'Sign in', icon: KeyIcon, content: SignInPanel };

const fetcher = createGraphiQLFetcher({ url: GRAPHQL_URL });
createRoot(document.getElementById('playground')!).render(
  h(
    GraphiQL,
    {
      fetcher,
      defaultTabs: SAVED.map((op) => ({ query: op.query, variables: op.variables })),
      defaultHeaders: '{}',
      // The token stays out of localStorage; sign-out also scrubs what GraphiQL's history kept.
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: true,
      plugins: [SIGN_IN_PLUGIN, HISTORY_PLUGIN],
      visiblePlugin: SIGN_IN_PLUGIN,
    },
    h(GraphiQL.Footer, null, h(SessionFooter)),
  ),
);
