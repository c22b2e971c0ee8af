import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Creating behind a button, so a list page opens with its content: the button shows the form below
 * it (focus moves to its first field); the form's cancel or a successful submit closes it again and
 * focus returns to the button.
 */
export function CreatePanel({
  id,
  label,
  title,
  children,
}: {
  id: string;
  /** The button's text, e.g. "Sitzung planen". */
  label: string;
  /** The heading of the form once open. */
  title: string;
  children(close: () => void): ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    else if (moved.current) button.current?.focus();
    moved.current = true;
  }, [open]);
  return (
    <div className="create-panel">
      <button
        ref={button}
        type="button"
        className={open ? undefined : 'primary'}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      {open && (
        <section ref={panel} className="card" id={id} aria-labelledby={`${id}-h`}>
          <h2 id={`${id}-h`}>{title}</h2>
          {children(() => setOpen(false))}
        </section>
      )}
    </div>
  );
}
