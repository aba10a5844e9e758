// Small progressive enhancement; every page works without it.
// Buttons that take something away ask for confirmation first.
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  const question = button && button.closest("form") && button.closest("form").dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
