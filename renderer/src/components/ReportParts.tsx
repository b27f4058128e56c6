// The pieces every printable report is made of (the drill report, the inspection report): a numbered section with
// its heading, and label / value rows.
import type { ReactNode } from 'react';

/** A section headed by `heading` (一、基本情况), labelled by that heading for screen readers. */
export function NumberedSection({
  id,
  className,
  heading,
  children,
}: {
  id: string;
  className: string;
  heading: string;
  children: ReactNode;
}) {
  return (
    <section className={className} aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}

/** Label / value rows, as a description list. */
export function FactRows({ className, rows }: { className: string; rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className={className}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
