import { useQuery } from '@tanstack/react-query';
import { KeyRound, Plus, UserCheck, UserCog, UserX } from 'lucide-react';
import { useState } from 'react';
import { useTRPC, useTRPCClient } from '../../../api/query.ts';
import { DataTable } from '../../../ui/data-table.tsx';
import { DialogButtons, FormDialog } from '../../../ui/dialog.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { Panel, ScreenHeader } from '../../../ui/panel.tsx';
import { LoadingBlock, QueryErrorNotice } from '../../../ui/query-state.tsx';
import { useServerMutation } from '../use-server-mutation.ts';
import { Button } from '../../../ui/button.tsx';
import { cx } from '../../../ui/class-names.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { ROLE_LABELS, type StaffMember } from '../manager-api.ts';
import { useManager } from '../manager-context.ts';
import { AddStaffDialog, PinDialog, RoleDialog } from './staff-dialogs.tsx';

type Editing =
  { kind: 'add' } | { kind: 'role' | 'pin' | 'deactivate'; member: StaffMember } | null;

/** The team: who may sign in, with which role. Managers run it; an owner's account is the owner's. */
export function StaffScreen() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { staff: me } = useManager();
  const staff = useQuery(trpc.backoffice.staff.list.queryOptions());
  const [editing, setEditing] = useState<Editing>(null);
  const reactivate = useServerMutation(
    { mutationFn: (staffId: string) => client.backoffice.staff.reactivate.mutate({ staffId }) },
    [trpc.backoffice.staff.list.queryFilter()],
  );
  const close = () => setEditing(null);
  const mayEdit = (member: StaffMember) => member.role !== 'owner' || me.role === 'owner';

  const header = (
    <ScreenHeader
      title="Staff"
      description="Everyone signs in on the tablets with their own PIN."
      actions={
        <Button onPress={() => setEditing({ kind: 'add' })}>
          <Plus aria-hidden className="size-5" />
          Add staff member
        </Button>
      }
    />
  );
  if (!staff.data) {
    return (
      <>
        {header}
        {staff.isError ? (
          <QueryErrorNotice query={staff} what="the staff list" />
        ) : (
          <LoadingBlock label="Loading the staff…" />
        )}
      </>
    );
  }
  return (
    <>
      {header}
      <FormError message={reactivate.problem} />
      <Panel title="Team">
        <DataTable
          caption="Staff members"
          rows={staff.data}
          rowKey={(member) => member.id}
          empty="No staff yet."
          columns={[
            {
              header: 'Name',
              cell: (member) => (
                <span
                  className={cx('font-semibold', !member.active && 'text-ink-muted line-through')}
                >
                  {member.name}
                  {member.id === me.id ? ' (you)' : ''}
                </span>
              ),
            },
            { header: 'Role', cell: (member) => ROLE_LABELS[member.role] },
            {
              header: 'Status',
              cell: (member) =>
                !member.active ? (
                  <span className="font-semibold text-ink-muted">Deactivated</span>
                ) : member.lockedUntil && Date.parse(member.lockedUntil) > Date.now() ? (
                  <span className="font-semibold text-danger">
                    Locked until {formatDateTime(Date.parse(member.lockedUntil))}
                  </span>
                ) : (
                  <span className="font-semibold text-ok">Active</span>
                ),
            },
            {
              header: 'Actions',
              cell: (member) =>
                !mayEdit(member) ? (
                  <span className="text-sm text-ink-muted">
                    Only the owner changes this account
                  </span>
                ) : (
                  <div className="flex gap-2">
                    {member.id !== me.id ? (
                      <Button
                        variant="secondary"
                        aria-label={`Change role of ${member.name}`}
                        onPress={() => setEditing({ kind: 'role', member })}
                      >
                        <UserCog aria-hidden className="size-5" />
                        <span className="max-sm:sr-only">Role</span>
                      </Button>
                    ) : null}
                    <Button
                      variant="secondary"
                      aria-label={`Reset PIN of ${member.name}`}
                      onPress={() => setEditing({ kind: 'pin', member })}
                    >
                      <KeyRound aria-hidden className="size-5" />
                      <span className="max-sm:sr-only">PIN</span>
                    </Button>
                    {member.id === me.id ? null : member.active ? (
                      <Button
                        variant="secondary"
                        aria-label={`Deactivate ${member.name}`}
                        onPress={() => setEditing({ kind: 'deactivate', member })}
                      >
                        <UserX aria-hidden className="size-5" />
                        <span className="max-sm:sr-only">Deactivate</span>
                      </Button>
                    ) : (
                      <Button
                        variant="secondary"
                        aria-label={`Reactivate ${member.name}`}
                        isPending={reactivate.isPending && reactivate.variables === member.id}
                        onPress={() => reactivate.mutate(member.id)}
                      >
                        <UserCheck aria-hidden className="size-5" />
                        <span className="max-sm:sr-only">Reactivate</span>
                      </Button>
                    )}
                  </div>
                ),
            },
          ]}
        />
      </Panel>
      {editing?.kind === 'add' ? <AddStaffDialog onClose={close} /> : null}
      {editing?.kind === 'role' ? <RoleDialog member={editing.member} onClose={close} /> : null}
      {editing?.kind === 'pin' ? <PinDialog member={editing.member} onClose={close} /> : null}
      {editing?.kind === 'deactivate' ? (
        <DeactivateDialog member={editing.member} onClose={close} />
      ) : null}
    </>
  );
}

function DeactivateDialog({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const deactivate = useServerMutation(
    { mutationFn: () => client.backoffice.staff.deactivate.mutate({ staffId: member.id }) },
    [trpc.backoffice.staff.list.queryFilter()],
    { onSuccess: onClose },
  );
  return (
    <FormDialog
      title={`Deactivate ${member.name}?`}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          deactivate.mutate();
        }}
      >
        <p className="text-base">
          {member.name} can no longer sign in, and is signed out of every tablet now. Their past
          orders stay in the reports. You can reactivate them later.
        </p>
        <FormError message={deactivate.problem} />
        <DialogButtons
          onClose={onClose}
          pending={deactivate.isPending}
          label="Deactivate"
          variant="danger"
        />
      </form>
    </FormDialog>
  );
}

export default StaffScreen;
