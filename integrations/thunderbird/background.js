/* letterlint for Thunderbird: checks a letter before it is sent.
 *
 * On compose.onBeforeSend we read the compose window (compose.getComposeDetails, compose.listAttachments and,
 * for a reply, the raw source of the letter being answered), ask `letterlint native-host` through native
 * messaging, and when a blocking rule fires we cancel the send and open a window with the findings. From that
 * window «Отправить всё равно» sends the letter once without a check.
 *
 * If the host is not installed or fails, the letter is sent (fail open) and a notification says why: a linter
 * must never be the reason a letter to a client is lost or stuck.
 */
"use strict";

const api = globalThis.messenger || globalThis.browser;
const HOST = "letterlint";
const MAX_RAW = 16 * 1024 * 1024;   // the related letter's source is sent to the host only below this size

const allowOnce = new Set();        // compose tab ids the user chose to send without a check
const reports = new Map();          // report id → {tabId, windowId, subject, reply}
let nextReportId = 1;

function t(key, ...subs) {
  return api.i18n.getMessage(key, subs.map(String)) || key;
}

function notify(message) {
  api.notifications.create({
    type: "basic",
    title: t("extensionName"),
    message: message,
  }).catch((e) => console.warn("letterlint:", message, e));
}

async function attachmentsOf(tabId) {
  const list = await api.compose.listAttachments(tabId);
  const out = [];
  for (const a of list) {
    let size = typeof a.size === "number" ? a.size : 0;
    if (!size && api.compose.getAttachmentFile) {
      try {
        size = (await api.compose.getAttachmentFile(a.id)).size;
      } catch (e) {
        size = 0;
      }
    }
    out.push({ name: a.name, size: size });
  }
  return out;
}

function bytesToBinaryString(bytes) {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return s;
}

async function threadOf(details) {
  // The letter being answered, as the host reads any .eml: its quoted copy in the draft may be trimmed.
  if (!details.relatedMessageId || details.type !== "reply") {
    return [];
  }
  try {
    let raw = await api.messages.getRaw(details.relatedMessageId);
    if (raw && typeof raw.arrayBuffer === "function") {   // a File (data_format: "File")
      raw = bytesToBinaryString(new Uint8Array(await raw.arrayBuffer()));
    }
    if (typeof raw === "string" && raw.length <= MAX_RAW) {
      return [{ raw: raw, name: "related.eml" }];
    }
  } catch (e) {
    console.warn("letterlint: cannot read the related message", e);
  }
  return [];
}

async function buildRequest(tab, eventDetails) {
  let details = eventDetails;
  try {
    details = await api.compose.getComposeDetails(tab.id);
  } catch (e) {
    console.warn("letterlint: getComposeDetails failed, using the event's details", e);
  }
  return {
    type: "check",
    details: {
      subject: details.subject || "",
      from: details.from || "",
      to: details.to || [],
      cc: details.cc || [],
      body: details.isPlainText ? null : details.body,
      plainTextBody: details.plainTextBody,
      isPlainText: !!details.isPlainText,
      type: details.type,
      relatedMessageId: details.relatedMessageId,
    },
    attachments: await attachmentsOf(tab.id),
    thread: await threadOf(details),
  };
}

async function onBeforeSend(tab, eventDetails) {
  if (allowOnce.has(tab.id)) {
    allowOnce.delete(tab.id);
    return {};
  }
  let reply;
  try {
    const request = await buildRequest(tab, eventDetails || {});
    reply = await api.runtime.sendNativeMessage(HOST, request);
  } catch (e) {
    notify(t("hostMissing", e && e.message ? e.message : e));
    return {};
  }
  if (!reply || !reply.ok) {
    notify(t("hostError", reply && reply.error ? reply.error : "?"));
    return {};
  }
  if (!reply.block) {
    return {};
  }
  const id = nextReportId++;
  reports.set(id, {
    tabId: tab.id,
    windowId: tab.windowId,
    subject: (eventDetails && eventDetails.subject) || "",
    reply: reply,
  });
  await api.windows.create({
    url: "findings/findings.html?id=" + id,
    type: "popup",
    width: 680,
    height: 560,
  });
  return { cancel: true };
}

api.compose.onBeforeSend.addListener(onBeforeSend);

api.runtime.onMessage.addListener((message) => {
  if (!message || typeof message.type !== "string") {
    return undefined;
  }
  const report = reports.get(message.id);
  if (message.type === "letterlint-get") {
    return Promise.resolve(report || null);
  }
  if (!report) {
    return Promise.resolve(false);
  }
  reports.delete(message.id);
  if (message.type === "letterlint-send-anyway") {
    allowOnce.add(report.tabId);
    return api.compose.sendMessage(report.tabId).then(
      () => true,
      (e) => {
        allowOnce.delete(report.tabId);
        notify(t("sendFailed", e && e.message ? e.message : e));
        return false;
      });
  }
  if (message.type === "letterlint-back") {
    return api.windows.update(report.windowId, { focused: true }).then(() => true, () => false);
  }
  return Promise.resolve(false);
});
