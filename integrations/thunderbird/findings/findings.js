/* The window that lists the findings of a held letter: back to the letter, or send anyway. */
"use strict";

const api = globalThis.messenger || globalThis.browser;
const reportId = Number(new URLSearchParams(location.search).get("id"));

function t(key, ...subs) {
  return api.i18n.getMessage(key, subs.map(String)) || key;
}

function localize() {
  for (const el of document.querySelectorAll("[data-i18n]")) {
    const text = t(el.dataset.i18n);
    if (text && text !== el.dataset.i18n) {
      el.textContent = text;
    }
  }
}

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) {
    node.className = cls;
  }
  if (text) {
    node.textContent = text;
  }
  return node;
}

function render(report) {
  const list = document.getElementById("findings");
  const reply = report.reply;
  const files = (reply.report && reply.report.files) || [];
  for (const file of files) {
    for (const f of file.findings || []) {
      const item = el("li", f.severity);
      // a thread rule points into the client's letter (the related message), not into the draft
      const where = f.path === file.path ? t("line", f.line) : t("lineInThread", f.line);
      item.append(el("div", "meta", t("severity_" + f.severity) + " · " + f.rule + " · " + where));
      item.append(el("div", "message", f.message));
      if (f.excerpt) {
        item.append(el("div", "excerpt", "«" + f.excerpt + "»"));
      }
      if (f.suggestion) {
        item.append(el("div", "suggestion", "→ " + f.suggestion));
      }
      list.append(item);
    }
  }
  if (reply.truncated) {
    const notice = document.getElementById("notice");
    notice.textContent = t("truncated", reply.omitted);
    notice.hidden = false;
  }
}

async function main() {
  localize();
  const report = await api.runtime.sendMessage({ type: "letterlint-get", id: reportId });
  if (!report) {
    window.close();
    return;
  }
  render(report);
  document.getElementById("back").addEventListener("click", async () => {
    await api.runtime.sendMessage({ type: "letterlint-back", id: reportId });
    window.close();
  });
  document.getElementById("send").addEventListener("click", async () => {
    document.getElementById("send").disabled = true;
    await api.runtime.sendMessage({ type: "letterlint-send-anyway", id: reportId });
    window.close();
  });
}

main().catch((e) => console.error("letterlint:", e));
