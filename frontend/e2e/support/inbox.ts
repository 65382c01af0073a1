/**
 * The development mail server's inbox: smtp4dev's HTTP API at E2E_MAIL_INBOX (scripts/test-all.sh starts one for
 * the browser tests). Messages are found by recipient, since every test file mails through the same inbox.
 */
export const mailInbox = process.env.E2E_MAIL_INBOX ?? '';

type MessageSummary = { id: string; to: string[]; subject: string; receivedDate: string };
type MessagePage = { results: MessageSummary[] };

async function inboxGet(path: string): Promise<Response> {
  const response = await fetch(new URL(path, mailInbox));
  if (!response.ok) throw new Error(`smtp4dev answered ${response.status} to GET ${path}`);
  return response;
}

/** The newest message to `recipient` whose subject contains `subject`, waiting for it to arrive (delivery is queued). */
async function newestMessageTo(recipient: string, subject: string, timeoutMs: number): Promise<MessageSummary> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // searchTerms matches subject, sender and recipients; the exact recipient is checked here. Newest first.
    const query = new URLSearchParams({ searchTerms: recipient, pageSize: '50', sortColumn: 'receivedDate', sortIsDescending: 'true' });
    const page = (await (await inboxGet(`/api/messages?${query}`)).json()) as MessagePage;
    const found = page.results.find(
      (m) => m.to.some((to) => to.toLowerCase() === recipient.toLowerCase()) && m.subject.includes(subject),
    );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no email to ${recipient} about "${subject}" within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * The link to `page` (e.g. "/reset-password") in the plain-text body of the newest email to `recipient` about
 * `subject`, as a user would copy it.
 */
export async function linkInEmail(recipient: string, subject: string, page: string, timeoutMs = 30_000): Promise<string> {
  const message = await newestMessageTo(recipient, subject, timeoutMs);
  const text = await (await inboxGet(`/api/messages/${message.id}/plaintext`)).text();
  const link = text.match(new RegExp(`https?://\\S+${page.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\?token=\\S+`))?.[0];
  if (!link) throw new Error(`no ${page} link in the email "${message.subject}" to ${recipient}:\n${text}`);
  return link;
}
