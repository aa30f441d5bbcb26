import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from './button.tsx';
import { FormattedMessage, useIntl } from 'react-intl';

export interface FormDialogProps {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
  /** Wider dialogs for tables (the refund list). */
  size?: 'md' | 'lg';
}

/**
 * A modal dialog (React Aria: focus trapped and restored, Escape closes, announced with its
 * title). Content is usually a form whose own buttons close it once the server said yes.
 */
export function FormDialog({
  title,
  isOpen,
  onOpenChange,
  children,
  size = 'md',
}: FormDialogProps) {
  const intl = useIntl();
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable
      className="fixed inset-0 z-40 flex items-end justify-center bg-black/50 p-0 sm:items-center sm:p-6 print:hidden"
    >
      <Modal
        className={
          size === 'lg'
            ? 'max-h-[92dvh] w-full overflow-y-auto rounded-t-card bg-surface shadow-float sm:max-w-3xl sm:rounded-card'
            : 'max-h-[92dvh] w-full overflow-y-auto rounded-t-card bg-surface shadow-float sm:max-w-lg sm:rounded-card'
        }
      >
        <Dialog className="flex flex-col gap-5 p-5 outline-none sm:p-6">
          {({ close }) => (
            <>
              <div className="flex items-start justify-between gap-4">
                <Heading slot="title" className="text-xl font-bold">
                  {title}
                </Heading>
                <Button
                  variant="quiet"
                  aria-label={intl.formatMessage({
                    id: 'ui.dialog.close',
                    defaultMessage: 'Close',
                  })}
                  onPress={close}
                >
                  <X aria-hidden className="size-6" />
                </Button>
              </div>
              {children}
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** Cancel and the form's submit button, at the foot of a dialog. */
export function DialogButtons({
  onClose,
  pending,
  label,
  variant = 'primary',
}: {
  onClose: () => void;
  pending: boolean;
  label: string;
  variant?: 'primary' | 'danger';
}) {
  return (
    <div className="flex flex-wrap justify-end gap-3">
      <Button variant="secondary" onPress={onClose}>
        <FormattedMessage id="ui.dialog.cancel" defaultMessage="Cancel" />
      </Button>
      <Button type="submit" variant={variant} isPending={pending}>
        {label}
      </Button>
    </div>
  );
}
