import type { ReactNode } from 'react';

/**
 * A form whose submit (Enter in a field, or its submit button) calls `onSubmit` without
 * reloading the page, and leaves validation to us: the server's problems are shown
 * under their fields, so the browser's own bubbles would only say something else.
 */
export function SubmitForm({ onSubmit, children, 'data-testid': testId }: { onSubmit: () => void; children: ReactNode; 'data-testid'?: string }) {
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      data-testid={testId}
    >
      {children}
    </form>
  );
}
