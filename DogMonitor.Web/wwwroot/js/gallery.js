// The gallery grid's column count follows its width; Blazor virtualizes rows of that many cards.
// Returns a handle whose dispose() stops watching (the element may already be gone by then).
export function observeColumns(element, grid, minCardWidth, gap) {
    let columns = 0;
    let stopped = false;
    const report = () => {
        if (stopped || !element.isConnected) return;
        const next = Math.max(1, Math.floor((element.clientWidth + gap) / (minCardWidth + gap)));
        if (next !== columns) {
            columns = next;
            grid.invokeMethodAsync('SetColumnsAsync', next).catch(() => { /* the grid was disposed meanwhile */ });
        }
    };
    const observer = new ResizeObserver(report);
    observer.observe(element);
    report();
    return { dispose() { stopped = true; observer.disconnect(); } };
}
