import { useQuery } from '@tanstack/react-query';
import { KeyRound, Plus, UserCheck, UserCog, UserX } from 'lucide-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
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
  const intl = useIntl();
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
      title={intl.formatMessage({ id: 'manager.staff.title', defaultMessage: 'Staff' })}
      description={intl.formatMessage({
        id: 'manager.staff.description',
        defaultMessage: 'Everyone signs in on the tablets with their own PIN.',
      })}
      actions={
        <Button onPress={() => setEditing({ kind: 'add' })}>
          <Plus aria-hidden className="size-5" />
          <FormattedMessage id="manager.staff.addStaff" defaultMessage="Add staff member" />
        </Button>
      }
    />
  );
  if (!staff.data) {
    return (
      <>
        {header}
        {staff.isError ? (
          <QueryErrorNotice
            query={staff}
            what={intl.formatMessage({
              id: 'manager.staff.what',
              defaultMessage: 'the staff list',
            })}
          />
        ) : (
          <LoadingBlock
            label={intl.formatMessage({
              id: 'manager.staff.loading',
              defaultMessage: 'Loading the staff…',
            })}
          />
        )}
      </>
    );
  }
  return (
    <>
      {header}
      <FormError message={reactivate.problem} />
      <Panel title={intl.formatMessage({ id: 'manager.staff.team', defaultMessage: 'Team' })}>
        <DataTable
          caption={intl.formatMessage({
            id: 'manager.staff.caption',
            defaultMessage: 'Staff members',
          })}
          rows={staff.data}
          rowKey={(member) => member.id}
          empty={intl.formatMessage({ id: 'manager.staff.empty', defaultMessage: 'No staff yet.' })}
          columns={[
            {
              header: intl.formatMessage({
                id: 'manager.staff.column.name',
                defaultMessage: 'Name',
              }),
              cell: (member) => (
                <span
                  className={cx('font-semibold', !member.active && 'text-ink-muted line-through')}
                >
                  {member.id === me.id ? (
                    <FormattedMessage
                      id="manager.staff.you"
                      defaultMessage="{name} (you)"
                      values={{ name: member.name }}
                    />
                  ) : (
                    member.name
                  )}
                </span>
              ),
            },
            {
              header: intl.formatMessage({
                id: 'manager.staff.column.role',
                defaultMessage: 'Role',
              }),
              cell: (member) => ROLE_LABELS[member.role],
            },
            {
              header: intl.formatMessage({
                id: 'manager.staff.column.status',
                defaultMessage: 'Status',
              }),
              cell: (member) =>
                !member.active ? (
                  <span className="font-semibold text-ink-muted">
                    <FormattedMessage
                      id="manager.staff.status.deactivated"
                      defaultMessage="Deactivated"
                    />
                  </span>
                ) : member.lockedUntil && Date.parse(member.lockedUntil) > Date.now() ? (
                  <span className="font-semibold text-danger">
                    <FormattedMessage
                      id="manager.staff.status.locked"
                      defaultMessage="Locked until {until}"
                      values={{ until: formatDateTime(Date.parse(member.lockedUntil)) }}
                    />
                  </span>
                ) : (
                  <span className="font-semibold text-ok">
                    <FormattedMessage id="manager.staff.status.active" defaultMessage="Active" />
                  </span>
                ),
            },
            {
              header: intl.formatMessage({
                id: 'manager.staff.column.actions',
                defaultMessage: 'Actions',
              }),
              cell: (member) =>
                !mayEdit(member) ? (
                  <span className="text-sm text-ink-muted">
                    <FormattedMessage
                      id="manager.staff.ownerOnly"
                      defaultMessage="Only the owner changes this account"
                    />
                  </span>
                ) : (
                  <div className="flex gap-2">
                    {member.id !== me.id ? (
                      <Button
                        variant="secondary"
                        aria-label={intl.formatMessage(
                          {
                            id: 'manager.staff.changeRoleOf',
                            defaultMessage: 'Change role of {name}',
                          },
                          { name: member.name },
                        )}
                        onPress={() => setEditing({ kind: 'role', member })}
                      >
                        <UserCog aria-hidden className="size-5" />
                        <span className="max-sm:sr-only">
                          <FormattedMessage id="manager.staff.action.role" defaultMessage="Role" />
                        </span>
                      </Button>
                    ) : null}
                    <Button
                      variant="secondary"
                      aria-label={intl.formatMessage(
                        { id: 'manager.staff.resetPinOf', defaultMessage: 'Reset PIN of {name}' },
                        { name: member.name },
                      )}
                      onPress={() => setEditing({ kind: 'pin', member })}
                    >
                      <KeyRound aria-hidden className="size-5" />
                      <span className="max-sm:sr-only">
                        <FormattedMessage id="manager.staff.action.pin" defaultMessage="PIN" />
                      </span>
                    </Button>
                    {member.id === me.id ? null : member.active ? (
                      <Button
                        variant="secondary"
                        aria-label={intl.formatMessage(
                          {
                            id: 'manager.staff.deactivateName',
                            defaultMessage: 'Deactivate {name}',
                          },
                          { name: member.name },
                        )}
                        onPress={() => setEditing({ kind: 'deactivate', member })}
                      >
                        <UserX aria-hidden className="size-5" />
                        <span className="max-sm:sr-only">
                          <FormattedMessage
                            id="manager.staff.action.deactivate"
                            defaultMessage="Deactivate"
                          />
                        </span>
                      </Button>
                    ) : (
                      <Button
                        variant="secondary"
                        aria-label={intl.formatMessage(
                          {
                            id: 'manager.staff.reactivateName',
                            defaultMessage: 'Reactivate {name}',
                          },
                          { name: member.name },
                        )}
                        isPending={reactivate.isPending && reactivate.variables === member.id}
                        onPress={() => reactivate.mutate(member.id)}
                      >
                        <UserCheck aria-hidden className="size-5" />
                        <span className="max-sm:sr-only">
                          <FormattedMessage
                            id="manager.staff.action.reactivate"
                            defaultMessage="Reactivate"
                          />
                        </span>
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
  const intl = useIntl();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const deactivate = useServerMutation(
    { mutationFn: () => client.backoffice.staff.deactivate.mutate({ staffId: member.id }) },
    [trpc.backoffice.staff.list.queryFilter()],
    { onSuccess: onClose },
  );
  return (
    <FormDialog
      title={intl.formatMessage(
        { id: 'manager.staff.deactivate.title', defaultMessage: 'Deactivate {name}?' },
        { name: member.name },
      )}
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
          <FormattedMessage
            id="manager.staff.deactivate.explanation"
            defaultMessage="{name} can no longer sign in, and is signed out of every tablet now. Their past orders stay in the reports. You can reactivate them later."
            values={{ name: member.name }}
          />
        </p>
        <FormError message={deactivate.problem} />
        <DialogButtons
          onClose={onClose}
          pending={deactivate.isPending}
          label={intl.formatMessage({
            id: 'manager.staff.deactivate.submit',
            defaultMessage: 'Deactivate',
          })}
          variant="danger"
        />
      </form>
    </FormDialog>
  );
}

export default StaffScreen;
