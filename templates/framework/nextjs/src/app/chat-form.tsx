'use client';

import { useState } from 'react';

interface ChatAnswer {
  reply?: unknown;
  error?: { message?: unknown };
}

/**
 * Talks to the server only through POST /api/chat: the AI module, its SDK
 * client and the key stay on the server. React renders the reply as text,
 * so model output cannot inject markup.
 */
export function ChatForm() {
  const [reply, setReply] = useState('');
  const [problem, setProblem] = useState('');
  const [pending, setPending] = useState(false);

  async function send(form: FormData) {
    setPending(true);
    setReply('');
    setProblem('');
    try {
      const response = await fetch('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: form.get('message') }),
      });
      const answer = (await response.json()) as ChatAnswer;
      if (response.ok && typeof answer.reply === 'string') setReply(answer.reply);
      else setProblem(typeof answer.error?.message === 'string' ? answer.error.message : 'The request failed.');
    } catch {
      setProblem('The server could not be reached.');
    } finally {
      setPending(false);
    }
  }

  return (
    <form action={send}>
      <label htmlFor="message">Message</label>
      <br />
      <textarea id="message" name="message" rows={4} cols={60} required />
      <br />
      <button type="submit" disabled={pending}>
        {pending ? 'Sending…' : 'Send'}
      </button>
      {reply !== '' && <p aria-live="polite">{reply}</p>}
      {problem !== '' && <p role="alert">{problem}</p>}
    </form>
  );
}
