// Times are rendered in UTC on the server, which cannot know where the reader is; show them in the reader's own zone.
for (const element of document.querySelectorAll("time[data-local]")) {
  const when = new Date(element.dateTime);
  if (!Number.isNaN(when.getTime())) {
    element.textContent = when.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });
    element.title = `${element.dateTime} (UTC)`;
  }
}
