// The app shell's one piece of browser code: it tells .NET when the system's colour scheme changes.
// MudThemeProvider can watch this itself, but it then writes the system's choice into its own dark-mode state,
// overruling a theme the user picked with the toggle; so the shell watches, and the provider only renders.

let stopWatching = null; // one shell a page

/** Calls dotNetRef.SystemColorSchemeChanged(isDark) on every change; returns whether the system is dark now. */
export function watchColorScheme(dotNetRef) {
  unwatchColorScheme();
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  const onChange = event => dotNetRef.invokeMethodAsync('SystemColorSchemeChanged', event.matches).catch(() => {});
  query.addEventListener('change', onChange);
  stopWatching = () => query.removeEventListener('change', onChange);
  return query.matches;
}

export function unwatchColorScheme() {
  stopWatching?.();
  stopWatching = null;
}

/** Submits the form with this id as its own submit button would (the account menu's Sign out is not a button of it). */
export function submitForm(id) {
  document.getElementById(id)?.requestSubmit();
}
