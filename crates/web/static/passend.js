// Small progressive enhancement; every page works without it.
"use strict";

// Buttons that take something away ask for confirmation first.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// Shared by the two autosaves: a question's save status, and saving each
// question of a form on change at once and while typing after a pause.
function saveStatus(fieldset, text, isError) {
  const element = fieldset.querySelector(".save-status");
  if (!element) return;
  element.textContent = text;
  element.classList.toggle("is-error", Boolean(isError));
}

function saveQuestionsOf(form, save) {
  const timers = new Map();
  const inFlight = new Set();
  function run(fieldset) {
    timers.delete(fieldset);
    const saving = Promise.resolve(save(fieldset)).finally(() => inFlight.delete(saving));
    inFlight.add(saving);
  }
  function schedule(fieldset, delay) {
    clearTimeout(timers.get(fieldset));
    timers.set(fieldset, setTimeout(() => run(fieldset), delay));
  }
  // Sending the whole form while a question is still saving on its own would
  // post the version from before that save and come back as a conflict: the
  // form waits for those saves (which update the versions it sends) first.
  form.addEventListener("submit", (event) => {
    if (timers.size === 0 && inFlight.size === 0) return;
    event.preventDefault();
    for (const [fieldset, timer] of timers) {
      clearTimeout(timer);
      run(fieldset);
    }
    Promise.allSettled([...inFlight]).then(() => form.submit());
  });
  form.addEventListener("change", (event) => {
    const fieldset = event.target.closest("fieldset.question");
    if (fieldset) schedule(fieldset, 0);
  });
  form.addEventListener("input", (event) => {
    const fieldset = event.target.closest("fieldset.question");
    if (fieldset && (event.target.tagName === "TEXTAREA" || event.target.type === "text")) schedule(fieldset, 800);
  });
}

// Autosave of questionnaire answers: each question saves on its own through
// the JSON API, with a visible status. Without JavaScript the form posts whole.
(function autosave() {
  const form = document.querySelector("form[data-autosave]");
  const tokenMeta = document.querySelector('meta[name="csrf-token"]');
  if (!form || !tokenMeta || !window.fetch) return;
  const base = form.dataset.autosave;
  const isSchool = base.endsWith("/answers");

  function valueOf(fieldset) {
    const key = fieldset.dataset.key;
    const kind = fieldset.dataset.kind;
    if (kind === "multiple") {
      return Array.from(fieldset.querySelectorAll('input[type="checkbox"]:checked')).map((i) => i.value);
    }
    if (kind === "table") {
      const rows = new Map();
      fieldset.querySelectorAll('input[name^="t:"]').forEach((input) => {
        const [, , row, column] = input.name.split(":");
        if (!rows.has(row)) rows.set(row, {});
        rows.get(row)[column] = input.value;
      });
      return Array.from(rows.values());
    }
    if (kind === "scale" || kind === "single" || kind === "yes_no") {
      const checked = fieldset.querySelector(`input[type="radio"][name="v:${CSS.escape(key)}"]:checked`);
      return checked ? checked.value : "";
    }
    const input = fieldset.querySelector(`[name="v:${CSS.escape(key)}"]`);
    return input ? input.value : "";
  }

  function noteOf(fieldset) {
    const note = fieldset.querySelector(`[name="n:${CSS.escape(fieldset.dataset.key)}"]`);
    return note ? note.value : null;
  }

  const status = saveStatus;

  async function save(fieldset) {
    status(fieldset, form.dataset.msgSaving);
    const body = { value: valueOf(fieldset), note: noteOf(fieldset) };
    if (isSchool) body.version = Number(fieldset.dataset.version || 0);
    let response;
    try {
      response = await fetch(`${base}/${encodeURIComponent(fieldset.dataset.key)}`, {
        method: "PUT",
        credentials: "same-origin",
        headers: { "content-type": "application/json", "x-csrf-token": tokenMeta.content },
        body: JSON.stringify(body),
      });
    } catch (error) {
      status(fieldset, `${form.dataset.msgFailed} ${error.message}`, true);
      return;
    }
    if (response.ok) {
      if (isSchool) {
        const saved = await response.json();
        fieldset.dataset.version = String(saved.version);
        const hidden = fieldset.querySelector(`input[name="ver:${CSS.escape(fieldset.dataset.key)}"]`);
        if (hidden) hidden.value = String(saved.version);
      }
      status(fieldset, form.dataset.msgSaved);
      return;
    }
    const answer = await response.json().catch(() => ({}));
    if (response.status === 409 && answer.current) {
      showConflict(fieldset, answer.current);
      return;
    }
    const problems = (answer.error && answer.error.fields || []).map((f) => f.message);
    status(fieldset, `${form.dataset.msgFailed} ${problems.join(" ") || (answer.error && answer.error.message) || response.status}`, true);
  }

  function showConflict(fieldset, current) {
    const element = fieldset.querySelector(".save-status");
    element.classList.add("is-error");
    element.textContent = `${form.dataset.msgConflict} ${current.shown}${current.updated_by ? ` (${current.updated_by})` : ""} `;
    const keep = document.createElement("button");
    keep.type = "button";
    keep.className = "button-secondary";
    keep.textContent = form.dataset.msgKeep;
    keep.addEventListener("click", () => {
      fieldset.dataset.version = String(current.version);
      save(fieldset);
    });
    const take = document.createElement("button");
    take.type = "button";
    take.className = "button-secondary";
    take.textContent = form.dataset.msgTake;
    take.addEventListener("click", () => window.location.reload());
    element.append(keep, " ", take);
  }

  saveQuestionsOf(form, save);
})();

// Live readability hints under long answers: the text is analysed as the
// person types (after a pause), with the score, its band and a few concrete hints.
(function readabilityHints() {
  const form = document.querySelector("form[data-autosave]");
  const tokenMeta = document.querySelector('meta[name="csrf-token"]');
  if (!form || !tokenMeta || !window.fetch) return;
  const timers = new Map();

  async function analyse(textarea, box) {
    const text = textarea.value.trim();
    if (text.split(/\s+/).length < 8) {
      box.hidden = true;
      return;
    }
    let answer;
    try {
      const response = await fetch("/api/v1/readability", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json", "x-csrf-token": tokenMeta.content },
        body: JSON.stringify({ text, swvs: (form.dataset.swvs || "").split(",").filter(Boolean) }),
      });
      if (!response.ok) return;
      answer = await response.json();
    } catch (error) {
      return;
    }
    if (answer.flesch_douma === null) {
      box.hidden = true;
      return;
    }
    box.replaceChildren();
    const score = document.createElement("p");
    score.className = answer.reaches_b1 ? "readability-ok" : "readability-hard";
    const verdict = answer.reaches_b1 ? form.dataset.msgB1 : form.dataset.msgNotB1;
    score.textContent = `${form.dataset.msgReadability}: ${Math.round(answer.flesch_douma)} (${answer.band_label}), ${verdict}.`;
    box.append(score);
    if (answer.spelling && !answer.spelling.on) {
      const off = document.createElement("p");
      off.className = "muted";
      off.textContent = answer.spelling.reason;
      box.append(off);
    }
    if (answer.hints.length) {
      const list = document.createElement("ul");
      for (const hint of answer.hints) {
        const item = document.createElement("li");
        item.textContent = hint;
        list.append(item);
      }
      box.append(list);
    }
    box.hidden = false;
  }

  form.querySelectorAll('fieldset.question[data-kind="long"] textarea').forEach((textarea) => {
    const box = textarea.parentElement.querySelector(".readability");
    if (!box) return;
    const run = () => analyse(textarea, box);
    textarea.addEventListener("input", () => {
      clearTimeout(timers.get(textarea));
      timers.set(textarea, setTimeout(run, 700));
    });
    if (textarea.value.trim()) run();
  });
})();

// Confirming answers copied from last year without leaving the place: one
// answer ("Klopt nog") or a whole section ("alles in dit onderdeel klopt
// nog") through the JSON API, without a reload. Without JavaScript the
// buttons post the form and the page comes back at the same item.
(function confirmInPlace() {
  const form = document.querySelector("form[data-confirm-section]");
  const tokenMeta = document.querySelector('meta[name="csrf-token"]');
  if (!form || !tokenMeta || !window.fetch) return;
  const base = form.dataset.autosave;

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", "x-csrf-token": tokenMeta.content },
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    return { response, answer };
  }

  // The answer is no longer marked as copied: new version, badge gone, the
  // status said where the button was, and focus kept there.
  function confirmed(fieldset, version) {
    fieldset.dataset.version = String(version);
    const hidden = fieldset.querySelector(`input[name="ver:${CSS.escape(fieldset.dataset.key)}"]`);
    if (hidden) hidden.value = String(version);
    const badge = fieldset.querySelector("p.badge");
    if (badge) badge.remove();
    const status = fieldset.querySelector(".save-status");
    if (status) {
      status.classList.remove("is-error");
      status.textContent = form.dataset.msgConfirmed;
    }
  }

  // Falls back to the form post for anything the API could not do.
  function submitPlainly(button) {
    button.dataset.plain = "1";
    form.requestSubmit(button);
  }

  form.addEventListener("click", async (event) => {
    const button = event.target.closest('button[name="bevestig"], button[name="bevestig-alles"]');
    if (!button || button.dataset.plain) return;
    event.preventDefault();
    button.disabled = true;
    try {
      if (button.name === "bevestig") {
        const fieldset = button.closest("fieldset.question");
        const url = `${base}/${encodeURIComponent(fieldset.dataset.key)}/confirm`;
        const { response, answer } = await post(url, { version: Number(fieldset.dataset.version || 0) });
        if (!response.ok) throw new Error(String(response.status));
        confirmed(fieldset, answer.version);
        const status = fieldset.querySelector(".save-status");
        if (status) {
          status.tabIndex = -1;
          status.focus({ preventScroll: true });
        }
      } else {
        const { response, answer } = await post(form.dataset.confirmSection, {});
        if (!response.ok) throw new Error(String(response.status));
        for (const { item_key: key, version } of answer.confirmed) {
          const fieldset = form.querySelector(`fieldset.question[data-key="${CSS.escape(key)}"]`);
          if (fieldset) confirmed(fieldset, version);
        }
        const box = button.closest(".confirm-all");
        const status = box.querySelector(".save-status");
        button.remove();
        status.textContent = form.dataset.msgConfirmed;
        status.focus({ preventScroll: true });
      }
    } catch (error) {
      button.disabled = false;
      submitPlainly(button);
    }
  });
})();

// Copy buttons: a button with data-copy="<id of a read-only field>" copies the
// field's text and says so in the field's status line. Without JavaScript the
// button stays hidden and the field's text can be selected and copied.
(function copyButtons() {
  const buttons = document.querySelectorAll("button[data-copy]");
  if (!buttons.length || !navigator.clipboard) return;
  buttons.forEach((button) => {
    const field = document.getElementById(button.dataset.copy);
    if (!field) return;
    const status = document.getElementById(`${field.id}-status`);
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        if (status) status.textContent = button.dataset.copied || "";
      } catch (error) {
        field.select();
      }
    });
  });
  // A click in a read-only field selects all of it, ready to copy by hand.
  document.querySelectorAll("input.survey-link[readonly]").forEach((field) => {
    field.addEventListener("focus", () => field.select());
  });
})();

// Autosave of a yearly conversation's answers: each question saves on its own
// through the JSON API (`PUT …/answers/{key}` with the version it starts
// from). Without JavaScript the form posts whole.
(function conversationAutosave() {
  const form = document.querySelector("form[data-conversation-autosave]");
  const tokenMeta = document.querySelector('meta[name="csrf-token"]');
  if (!form || !tokenMeta || !window.fetch) return;
  const base = form.dataset.conversationAutosave;

  function field(fieldset, prefix) {
    return fieldset.querySelector(`[name="${prefix}:${CSS.escape(fieldset.dataset.key)}"]`);
  }

  function valueOf(fieldset) {
    const kind = fieldset.dataset.kind;
    if (kind === "choice" || kind === "scale") {
      const checked = fieldset.querySelector('input[type="radio"]:checked');
      const value = checked ? checked.value : "";
      if (kind === "scale") return value === "" ? null : Number(value);
      return value;
    }
    const input = field(fieldset, "v");
    const value = input ? input.value.trim() : "";
    if (kind === "figure") {
      if (value === "") return null;
      const note = field(fieldset, "n");
      return { count: value, note: note && note.value.trim() !== "" ? note.value.trim() : null };
    }
    return value;
  }

  const status = saveStatus;

  async function save(fieldset) {
    status(fieldset, form.dataset.msgSaving);
    let response;
    try {
      response = await fetch(`${base}/${encodeURIComponent(fieldset.dataset.key)}`, {
        method: "PUT",
        credentials: "same-origin",
        headers: { "content-type": "application/json", "x-csrf-token": tokenMeta.content },
        body: JSON.stringify({ value: valueOf(fieldset), version: Number(fieldset.dataset.version || 0) }),
      });
    } catch (error) {
      status(fieldset, `${form.dataset.msgFailed} ${error.message}`, true);
      return;
    }
    const answer = await response.json().catch(() => ({}));
    if (response.ok) {
      fieldset.dataset.version = String(answer.version);
      const hidden = field(fieldset, "ver");
      if (hidden) hidden.value = String(answer.version);
      status(fieldset, form.dataset.msgSaved);
      return;
    }
    if (response.status === 409 && "version" in answer) {
      status(fieldset, form.dataset.msgConflict, true);
      return;
    }
    const problems = ((answer.error && answer.error.fields) || []).map((f) => f.message);
    status(fieldset, `${form.dataset.msgFailed} ${problems.join(" ") || (answer.error && answer.error.message) || response.status}`, true);
  }

  saveQuestionsOf(form, save);
})();
