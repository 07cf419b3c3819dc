// Replaces Next's default 404 page, whose inline styles the page CSP would block.
export default function NotFound() {
  return (
    <main>
      <h1>Not found</h1>
      <p>There is nothing at this address.</p>
    </main>
  );
}
