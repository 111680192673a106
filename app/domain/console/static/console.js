// Progressive enhancement only: every page reads and submits without this file.
// Copy buttons: <button data-copy="#id">Copy</button> copies the text of the element it names.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const source = document.querySelector(button.dataset.copy);
  if (!source || !navigator.clipboard) return;
  navigator.clipboard.writeText(source.textContent.trim()).then(() => { button.textContent = "Copied"; });
});
