// The gallery grid's column count follows its width; Blazor virtualizes rows of that many cards.
const observers = new WeakMap();

export function observeColumns(element, grid, minCardWidth, gap) {
    let columns = 0;
    const report = () => {
        const width = element.clientWidth;
        const next = Math.max(1, Math.floor((width + gap) / (minCardWidth + gap)));
        if (next !== columns) {
            columns = next;
            grid.invokeMethodAsync('SetColumnsAsync', next);
        }
    };
    const observer = new ResizeObserver(report);
    observer.observe(element);
    observers.set(element, observer);
    report();
}

export function unobserve(element) {
    observers.get(element)?.disconnect();
    observers.delete(element);
}

export async function copyText(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        // Clipboard access needs a secure context (https or localhost); the caller then shows the text to copy by hand.
        return false;
    }
}
