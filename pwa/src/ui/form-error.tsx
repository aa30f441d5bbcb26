/** The reason a form could not be saved, announced when it appears. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p
      role="alert"
      className="rounded-control bg-danger-soft p-3 text-base font-semibold text-danger-ink"
    >
      {message}
    </p>
  );
}

/**
 * Props that show `message` under a React Aria field once the form was submitted (aria
 * validation: announced, and the field marked invalid).
 */
export function fieldProblem(submitted: boolean, message: string | null) {
  return submitted && message
    ? { validationBehavior: 'aria' as const, validate: () => message }
    : { validationBehavior: 'aria' as const };
}
