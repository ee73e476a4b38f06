// The zones page's picture: a click on it is a corner of the zone being drawn, in fractions of the picture's width and
// height (0 to 1), handed to .NET.

const surfaces = new WeakMap();

export function attach(svg, dotNetRef) {
  detach(svg);
  const onClick = event => {
    const box = svg.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    const x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    const y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
    dotNetRef.invokeMethodAsync('AddCorner', x, y).catch(() => {});
  };
  svg.addEventListener('click', onClick);
  surfaces.set(svg, onClick);
}

export function detach(svg) {
  const onClick = surfaces.get(svg);
  if (onClick) svg.removeEventListener('click', onClick);
  surfaces.delete(svg);
}
