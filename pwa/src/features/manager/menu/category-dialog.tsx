import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useTRPC, useTRPCClient } from '../../../api/query.ts';
import { FormDialog } from '../../../ui/dialog.tsx';
import { fieldProblem, FormError } from '../../../ui/form-error.tsx';
import { useServerMutation } from '../use-server-mutation.ts';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import type { MenuView } from '../manager-api.ts';

/** Add a category (at the end of the menu) or rename one. */
export function CategoryDialog({
  category,
  count,
  onClose,
}: {
  category: MenuView['categories'][number] | null;
  count: number;
  onClose: () => void;
}) {
  const intl = useIntl();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [name, setName] = useState(category?.name ?? '');
  const [submitted, setSubmitted] = useState(false);
  const save = useServerMutation(
    {
      mutationFn: (value: string) =>
        category
          ? client.backoffice.menu.updateCategory.mutate({ id: category.id, name: value })
          : client.backoffice.menu.createCategory.mutate({ name: value, sortOrder: count }),
    },
    [trpc.backoffice.menu.list.queryFilter()],
    { onSuccess: onClose },
  );
  const problem =
    name.trim() === ''
      ? intl.formatMessage({
          id: 'manager.categoryDialog.nameMissing',
          defaultMessage: 'Give the category a name',
        })
      : null;

  return (
    <FormDialog
      title={
        category
          ? intl.formatMessage(
              { id: 'manager.categoryDialog.rename', defaultMessage: 'Rename {name}' },
              { name: category.name },
            )
          : intl.formatMessage({
              id: 'manager.categoryDialog.add',
              defaultMessage: 'Add a category',
            })
      }
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(true);
          if (!problem) save.mutate(name.trim());
        }}
      >
        <TextField
          label={intl.formatMessage({
            id: 'manager.categoryDialog.name',
            defaultMessage: 'Category name',
          })}
          value={name}
          onChange={setName}
          autoFocus
          {...fieldProblem(submitted, problem)}
        />
        <FormError message={save.problem} />
        <div className="flex justify-end gap-3">
          <Button variant="secondary" onPress={onClose}>
            <FormattedMessage id="manager.categoryDialog.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" isPending={save.isPending}>
            {category ? (
              <FormattedMessage id="manager.categoryDialog.save" defaultMessage="Save" />
            ) : (
              <FormattedMessage
                id="manager.categoryDialog.addCategory"
                defaultMessage="Add category"
              />
            )}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
