import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A step's title (the card step, the cart). It takes focus when the step appears, so a screen
 * reader announces where the person is and keyboard focus does not stay on a control that left.
 */
export function StepHeading({ title, back }: { title: string; back?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="flex items-center justify-between gap-3">
      <h2 ref={ref} tabIndex={-1} className="text-2xl font-bold outline-none">
        {title}
      </h2>
      {back}
    </div>
  );
}
