// The viewer's IANA time zone and language, so the server formats times as the viewer's clock shows them.
export function timeSettings() {
    return [Intl.DateTimeFormat().resolvedOptions().timeZone, navigator.language];
}
