import { ChatForm } from './chat-form.tsx';

export default function Home() {
  return (
    <main>
      <h1>Ask the AI</h1>
      <ChatForm />
    </main>
  );
}
