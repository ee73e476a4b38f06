export async function copyText(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        // Clipboard access needs a secure context (https or localhost); the caller then shows the text to copy by hand.
        return false;
    }
}
