import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useTRPC, useTRPCClient } from '../../../api/query.ts';
import { DialogButtons, FormDialog } from '../../../ui/dialog.tsx';
import { fieldProblem, FormError } from '../../../ui/form-error.tsx';
import { SelectField } from '../../../ui/select-field.tsx';
import { useServerMutation } from '../use-server-mutation.ts';
import { TextField } from '../../../ui/text-field.tsx';
import { ROLE_LABELS, type StaffMember, type StaffRole } from '../manager-api.ts';
import { useManager } from '../manager-context.ts';

const PIN = /^\d{4,8}$/;

/** Roles this person may hand out: only an owner makes owners. */
function useRoleOptions() {
  const { staff } = useManager();
  return (Object.keys(ROLE_LABELS) as StaffRole[])
    .filter((role) => role !== 'owner' || staff.role === 'owner')
    .map((role) => ({ id: role, label: ROLE_LABELS[role] }));
}

export function AddStaffDialog({ onClose }: { onClose: () => void }) {
  const intl = useIntl();
  const trpc = useTRPC();
  const roles = useRoleOptions();
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('waiter');
  const [pin, setPin] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const add = useServerMutation(
    trpc.backoffice.staff.create.mutationOptions(),
    [trpc.backoffice.staff.list.queryFilter()],
    { onSuccess: onClose },
  );
  const problems = {
    name:
      name.trim() === ''
        ? intl.formatMessage({ id: 'manager.staff.nameMissing', defaultMessage: 'Give their name' })
        : null,
    pin: PIN.test(pin)
      ? null
      : intl.formatMessage({
          id: 'manager.staff.pinInvalid',
          defaultMessage: 'A PIN is 4 to 8 digits',
        }),
  };
  return (
    <FormDialog
      title={intl.formatMessage({
        id: 'manager.staff.add.title',
        defaultMessage: 'Add a staff member',
      })}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(true);
          if (!problems.name && !problems.pin) add.mutate({ name: name.trim(), role, pin });
        }}
      >
        <TextField
          label={intl.formatMessage({ id: 'manager.staff.nameField', defaultMessage: 'Name' })}
          value={name}
          onChange={setName}
          autoFocus
          {...fieldProblem(submitted, problems.name)}
        />
        <SelectField
          label={intl.formatMessage({ id: 'manager.staff.roleField', defaultMessage: 'Role' })}
          value={role}
          onChange={(value) => setRole(value as StaffRole)}
          options={roles}
        />
        <TextField
          label={intl.formatMessage({ id: 'manager.staff.pinField', defaultMessage: 'PIN' })}
          value={pin}
          onChange={setPin}
          inputMode="numeric"
          type="password"
          autoComplete="new-password"
          description={intl.formatMessage({
            id: 'manager.staff.add.pinDescription',
            defaultMessage: '4 to 8 digits. Tell it to them in person.',
          })}
          {...fieldProblem(submitted, problems.pin)}
        />
        <FormError message={add.problem} />
        <DialogButtons
          onClose={onClose}
          pending={add.isPending}
          label={intl.formatMessage({
            id: 'manager.staff.add.submit',
            defaultMessage: 'Add staff member',
          })}
        />
      </form>
    </FormDialog>
  );
}

export function RoleDialog({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const intl = useIntl();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const roles = useRoleOptions();
  const [role, setRole] = useState<StaffRole>(member.role);
  const change = useServerMutation(
    {
      mutationFn: (next: StaffRole) =>
        client.backoffice.staff.changeRole.mutate({ staffId: member.id, role: next }),
    },
    [trpc.backoffice.staff.list.queryFilter()],
    { onSuccess: onClose },
  );
  return (
    <FormDialog
      title={intl.formatMessage(
        { id: 'manager.staff.role.title', defaultMessage: 'Role of {name}' },
        { name: member.name },
      )}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          change.mutate(role);
        }}
      >
        <SelectField
          label={intl.formatMessage({ id: 'manager.staff.roleField', defaultMessage: 'Role' })}
          value={role}
          onChange={(value) => setRole(value as StaffRole)}
          options={roles}
        />
        <FormError message={change.problem} />
        <DialogButtons
          onClose={onClose}
          pending={change.isPending}
          label={intl.formatMessage({
            id: 'manager.staff.role.submit',
            defaultMessage: 'Change role',
          })}
        />
      </form>
    </FormDialog>
  );
}

export function PinDialog({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const intl = useIntl();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [pin, setPin] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const reset = useServerMutation(
    {
      mutationFn: (next: string) =>
        client.backoffice.staff.resetPin.mutate({ staffId: member.id, pin: next }),
    },
    [trpc.backoffice.staff.list.queryFilter()],
    { onSuccess: onClose },
  );
  const problem = PIN.test(pin)
    ? null
    : intl.formatMessage({
        id: 'manager.staff.pinInvalid',
        defaultMessage: 'A PIN is 4 to 8 digits',
      });
  return (
    <FormDialog
      title={intl.formatMessage(
        { id: 'manager.staff.pin.title', defaultMessage: 'New PIN for {name}' },
        { name: member.name },
      )}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(true);
          if (!problem) reset.mutate(pin);
        }}
      >
        <p className="text-base">
          <FormattedMessage
            id="manager.staff.pin.explanation"
            defaultMessage="The old PIN stops working and any lock-out is lifted. Tablets learn the new PIN on their next sync."
          />
        </p>
        <TextField
          label={intl.formatMessage({ id: 'manager.staff.pin.newPin', defaultMessage: 'New PIN' })}
          value={pin}
          onChange={setPin}
          inputMode="numeric"
          type="password"
          autoComplete="new-password"
          autoFocus
          {...fieldProblem(submitted, problem)}
        />
        <FormError message={reset.problem} />
        <DialogButtons
          onClose={onClose}
          pending={reset.isPending}
          label={intl.formatMessage({ id: 'manager.staff.pin.submit', defaultMessage: 'Set PIN' })}
        />
      </form>
    </FormDialog>
  );
}
