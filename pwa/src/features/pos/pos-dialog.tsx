import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from '../../ui/button.tsx';
import { cx } from '../../ui/class-names.ts';
import { useIntl } from 'react-intl';

export interface PosDialogProps {
  title: string;
  /** A line under the title ("Table T4 · A-12"). */
  subtitle?: ReactNode;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  children: ReactNode;
  /** Buttons pinned to the bottom, always in reach whatever the body's length. */
  footer?: ReactNode;
  size?: 'md' | 'lg';
  /** Tapping outside closes, unless the dialog holds work in progress. */
  isDismissable?: boolean;
}

/**
 * The POS's one dialog: React Aria's modal (focus trapped and restored, Escape closes, the page
 * behind is inert), a title with a close button, a scrolling body and a footer that stays put.
 * Full screen on a phone, centred on a tablet.
 */
export function PosDialog({
  title,
  subtitle,
  isOpen,
  onOpenChange,
  children,
  footer,
  size = 'md',
  isDismissable = true,
}: PosDialogProps) {
  const intl = useIntl();
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable}
      className="fixed inset-0 z-40 flex items-center justify-center bg-ink/55 sm:p-4"
    >
      <Modal
        className={cx(
          'flex h-dvh w-full flex-col overflow-hidden bg-surface shadow-float sm:h-auto sm:max-h-[calc(100dvh-2rem)] sm:rounded-card',
          size === 'lg' ? 'sm:max-w-3xl' : 'sm:max-w-lg',
        )}
      >
        <Dialog className="flex min-h-0 flex-1 flex-col outline-none">
          <div className="flex items-start gap-3 border-b border-line px-5 py-3">
            <div className="flex min-w-0 flex-1 flex-col py-1.5">
              <Heading slot="title" className="text-xl font-bold">
                {title}
              </Heading>
              {subtitle ? <p className="text-base text-ink-muted">{subtitle}</p> : null}
            </div>
            <Button
              variant="quiet"
              aria-label={intl.formatMessage({
                id: 'pos.posDialog.close',
                defaultMessage: 'Close',
              })}
              onPress={() => onOpenChange(false)}
            >
              <X aria-hidden className="size-6 text-ink" />
            </Button>
          </div>
          <div className="flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto px-5 py-4">
            {children}
          </div>
          {footer ? (
            <div className="flex flex-wrap justify-end gap-3 border-t border-line bg-canvas px-5 py-3">
              {footer}
            </div>
          ) : null}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
