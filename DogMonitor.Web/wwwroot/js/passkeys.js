// Passkeys on the account pages, which the server renders without a circuit. A <passkey-submit> inside a form turns
// the form's passkey button into the browser's passkey prompt: it fetches the options from the server (with the page's
// antiforgery token as a header), asks the browser, and posts the browser's answer with the form, where Identity
// checks it. What went wrong travels as a short code; the page has the words (PasskeyMessages).

const supported = typeof navigator.credentials !== "undefined"
  && typeof window.PublicKeyCredential?.parseCreationOptionsFromJSON === "function"
  && typeof window.PublicKeyCredential?.parseRequestOptionsFromJSON === "function";

const ceremonies = {
  create: {
    url: "/passkeys/creation-options",
    ask: (json, signal) => navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(json), signal }),
  },
  request: {
    url: "/passkeys/request-options",
    ask: (json, signal) => navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json), signal }),
  },
};

class Refused extends Error {
  constructor(code) {
    super(code);
    this.code = code;
  }
}

async function fetchOptions(url, tokenName, token, signal) {
  const response = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { Accept: "application/json", [tokenName]: token },
    signal,
  });
  if (response.status === 429) throw new Refused("rate-limited");
  if (!response.ok) throw new Refused("server");
  return response.json();
}

function codeOf(error) {
  if (error instanceof Refused) return error.code;
  switch (error?.name) {
    case "NotAllowedError": return "cancelled"; // the person closed the prompt, or it timed out
    case "InvalidStateError": return "exists"; // the authenticator already holds a passkey for this account
    case "SecurityError": return "insecure"; // not a secure context, or the host is not the relying party's domain
    default: return "failed";
  }
}

customElements.define("passkey-submit", class extends HTMLElement {
  static formAssociated = true;

  #internals = this.attachInternals();
  #abort = null;

  connectedCallback() {
    this.#internals.form?.addEventListener("submit", event => {
      if (event.submitter?.name !== "__passkeySubmit") return;
      event.preventDefault();
      this.#obtainAndSubmit();
    });
  }

  disconnectedCallback() {
    this.#abort?.abort();
  }

  async #obtainAndSubmit() {
    this.#abort?.abort();
    const abort = this.#abort = new AbortController();
    const prefix = this.getAttribute("name");
    const answer = new FormData();
    try {
      if (!supported) throw new Refused("unsupported");
      const ceremony = ceremonies[this.getAttribute("operation")];
      const options = await fetchOptions(ceremony.url, this.getAttribute("request-token-name"), this.getAttribute("request-token-value"), abort.signal);
      const credential = await ceremony.ask(options, abort.signal);
      answer.append(`${prefix}.CredentialJson`, JSON.stringify(credential));
    } catch (error) {
      if (abort.signal.aborted) return; // a newer press, or the page is going away
      const code = codeOf(error);
      if (code === "failed" || code === "server") console.warn("Passkey:", error);
      answer.append(`${prefix}.Error`, code);
    }
    this.#internals.setFormValue(answer);
    this.#internals.form.submit();
  }
});
