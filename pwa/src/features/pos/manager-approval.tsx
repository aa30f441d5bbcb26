import {
  APPROVER_ROLES,
  can,
  needsApproval,
  type Action,
  type StaffId,
  type StaffRole,
} from '@servio/shared';
import { ShieldCheck } from 'lucide-react';
import { createContext, use, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { checkApproverPin } from '../../session/sign-in.ts';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { PinPad } from '../../ui/pin-pad.tsx';
import { PosDialog } from './pos-dialog.tsx';
import { FormattedMessage, useIntl } from 'react-intl';

/**
 * Manager approval on the spot (permissions.ts): a waiter who may not discount or void a sent
 * dish alone hands the tablet to a manager, who types their PIN. The PIN is checked on the
 * tablet (it works offline) and the manager's id travels on the mutation as `approvedBy`; the
 * server checks that person's role again (S12).
 */

export interface ApprovalRequest {
  action: Action;
  /** What is being approved, in words: "10 % off order A-12". */
  what: string;
}

type RequestApproval = (request: ApprovalRequest) => Promise<StaffId | null>;

const ApprovalContext = createContext<RequestApproval | null>(null);

interface Pending extends ApprovalRequest {
  resolve: (approver: StaffId | null) => void;
}

export function ManagerApprovalProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const pendingRef = useRef<Pending | null>(null);

  const request = useCallback<RequestApproval>(
    (approval) =>
      new Promise((resolve) => {
        // A second request replaces the first, which counts as cancelled.
        pendingRef.current?.resolve(null);
        const next = { ...approval, resolve };
        pendingRef.current = next;
        setPending(next);
      }),
    [],
  );

  const finish = (approver: StaffId | null) => {
    pendingRef.current?.resolve(approver);
    pendingRef.current = null;
    setPending(null);
  };

  return (
    <ApprovalContext value={request}>
      {children}
      {pending ? <ApprovalDialog key={pending.what} request={pending} onDone={finish} /> : null}
    </ApprovalContext>
  );
}

function ApprovalDialog({
  request,
  onDone,
}: {
  request: ApprovalRequest;
  onDone: (approver: StaffId | null) => void;
}) {
  const intl = useIntl();
  const [pin, setPin] = useState('');
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit() {
    if (checking) return;
    if (pin.length < 4) {
      setProblem(
        intl.formatMessage({
          id: 'pos.managerApproval.aPinHasAt',
          defaultMessage: 'A PIN has at least 4 digits.',
        }),
      );
      return;
    }
    setChecking(true);
    try {
      const check = await checkApproverPin(pin);
      const approver = check.ok ? check.staff : null;
      if (!approver) {
        // Not an approver's PIN (tries left), or approval locked on this tablet (until when).
        setProblem(check.ok ? null : check.message);
        setPin('');
      } else if (!APPROVER_ROLES.has(approver.role) || !can(approver.role, request.action)) {
        setProblem(
          intl.formatMessage(
            {
              id: 'pos.managerApproval.isAAndCannot',
              defaultMessage: '{name} is a {role} and cannot approve this. Ask a manager.',
            },
            { name: approver.name, role: approver.role },
          ),
        );
        setPin('');
      } else {
        onDone(approver.id);
      }
    } finally {
      setChecking(false);
    }
  }

  return (
    <PosDialog
      title={intl.formatMessage({
        id: 'pos.managerApproval.managerApproval',
        defaultMessage: 'Manager approval',
      })}
      subtitle={request.what}
      isOpen
      isDismissable={false}
      onOpenChange={(open) => {
        if (!open) onDone(null);
      }}
      footer={
        <>
          <Button variant="secondary" onPress={() => onDone(null)}>
            <FormattedMessage id="pos.managerApproval.cancel" defaultMessage="Cancel" />
          </Button>
          <Button isPending={checking} onPress={() => void submit()}>
            <ShieldCheck aria-hidden className="size-5" />
            <FormattedMessage id="pos.managerApproval.approve" defaultMessage="Approve" />
          </Button>
        </>
      }
    >
      <p className="text-base text-ink-muted">
        <FormattedMessage
          id="pos.managerApproval.thisNeedsAManager"
          defaultMessage="This needs a manager. A manager or the owner enters their PIN to allow it once."
        />
      </p>
      {problem ? (
        <Notice
          tone="danger"
          title={intl.formatMessage({
            id: 'pos.managerApproval.notApproved',
            defaultMessage: 'Not approved',
          })}
        >
          {problem}
        </Notice>
      ) : null}
      <PinPad
        label={intl.formatMessage({
          id: 'pos.managerApproval.managerPin',
          defaultMessage: 'Manager PIN',
        })}
        value={pin}
        onChange={(next) => {
          setPin(next);
          setProblem(null);
        }}
        onSubmit={() => void submit()}
        isInvalid={problem !== null}
        isDisabled={checking}
      />
    </PosDialog>
  );
}

/** How the signed-in role stands to an action: do it, do it with a manager's PIN, or not at all. */
export type Permission = 'allowed' | 'approval' | 'denied';

export function permissionFor(role: StaffRole | undefined, action: Action): Permission {
  if (!role) return 'denied';
  if (can(role, action)) return 'allowed';
  return needsApproval(role, action) ? 'approval' : 'denied';
}

/**
 * Clears an action for the signed-in person: resolves to `{}` when they may do it, to
 * `{ approvedBy }` once a manager approved it, and to null when it was cancelled or is not theirs.
 */
export function useAuthorize(role: StaffRole | undefined) {
  const requestApproval = use(ApprovalContext);
  if (!requestApproval) throw new Error('useAuthorize needs a ManagerApprovalProvider');
  return useMemo(
    () =>
      async (request: ApprovalRequest): Promise<{ approvedBy?: StaffId } | null> => {
        const permission = permissionFor(role, request.action);
        if (permission === 'allowed') return {};
        if (permission === 'denied') return null;
        const approvedBy = await requestApproval(request);
        return approvedBy ? { approvedBy } : null;
      },
    [role, requestApproval],
  );
}
