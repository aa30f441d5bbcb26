import { useQuery } from '@tanstack/react-query';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { FormattedMessage, defineMessage, useIntl } from 'react-intl';
import { useTRPC, useTRPCClient } from '../../../api/query.ts';
import { DataTable } from '../../../ui/data-table.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { money, percent } from '../../../lib/money.ts';
import { Panel, ScreenHeader } from '../../../ui/panel.tsx';
import { LoadingBlock, QueryErrorNotice } from '../../../ui/query-state.tsx';
import { SwitchField } from '../../../ui/switch-field.tsx';
import { useServerMutation } from '../use-server-mutation.ts';
import { Button } from '../../../ui/button.tsx';
import type { MenuItem, MenuView } from '../manager-api.ts';
import { useVenueCurrency } from '../use-venue.ts';
import { CategoryDialog } from './category-dialog.tsx';
import { ItemDialog } from './item-dialog.tsx';
import { ModifierGroupsPanel } from './modifier-groups-panel.tsx';
import { TaxRatesPanel } from './tax-rates-panel.tsx';

const TITLE = defineMessage({ id: 'manager.menu.title', defaultMessage: 'Menu' });

type Editing =
  | { kind: 'item'; item: MenuItem | null; categoryId: string }
  | { kind: 'category'; category: MenuView['categories'][number] | null }
  | null;

/** The live menu: categories and their items, modifier groups, tax rates. Tablets pull each change. */
export function MenuScreen() {
  const intl = useIntl();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const currency = useVenueCurrency();
  const menu = useQuery(trpc.backoffice.menu.list.queryOptions());
  const [editing, setEditing] = useState<Editing>(null);
  const toggle = useServerMutation(
    // Typed narrower than the procedure's input: the switch shows `available` while it is sent.
    {
      mutationFn: (input: { id: string; available: boolean }) =>
        client.backoffice.menu.updateItem.mutate(input),
    },
    [trpc.backoffice.menu.list.queryFilter()],
  );
  const removeCategory = useServerMutation(
    { mutationFn: (id: string) => client.backoffice.menu.deleteCategory.mutate({ id }) },
    [trpc.backoffice.menu.list.queryFilter()],
  );

  if (!menu.data || !currency) {
    return (
      <>
        <ScreenHeader title={intl.formatMessage(TITLE)} />
        {menu.isError ? (
          <QueryErrorNotice
            query={menu}
            what={intl.formatMessage({ id: 'manager.menu.whatMenu', defaultMessage: 'the menu' })}
          />
        ) : (
          <LoadingBlock
            label={intl.formatMessage({
              id: 'manager.menu.loading',
              defaultMessage: 'Loading the menu…',
            })}
          />
        )}
      </>
    );
  }
  const data = menu.data;
  // "Food 10%" says its rate already; a name without one gets it added.
  const taxName = new Map(
    data.taxRates.map((rate) => [
      rate.id,
      rate.name.includes('%')
        ? rate.name
        : intl.formatMessage(
            { id: 'manager.menu.taxName', defaultMessage: '{name} ({rate})' },
            { name: rate.name, rate: percent(rate.rateBps) },
          ),
    ]),
  );
  const groupsOf = (itemId: string) =>
    data.links
      .filter((link) => link.itemId === itemId)
      .map((link) => data.modifierGroups.find((group) => group.id === link.groupId)?.name)
      .filter(Boolean)
      .join(', ');
  // While a toggle is on its way, show the state it asks for (the list refreshes after it).
  const shownAvailable = (item: MenuItem) =>
    toggle.isPending && toggle.variables?.id === item.id
      ? toggle.variables.available
      : item.available;

  return (
    <>
      <ScreenHeader
        title={intl.formatMessage(TITLE)}
        description={intl.formatMessage({
          id: 'manager.menu.description',
          defaultMessage:
            'Changes reach every tablet on its next sync. Orders already taken keep their prices.',
        })}
        actions={
          <>
            <Button
              variant="secondary"
              onPress={() => setEditing({ kind: 'category', category: null })}
            >
              <Plus aria-hidden className="size-5" />
              <FormattedMessage id="manager.menu.addCategory" defaultMessage="Add category" />
            </Button>
            <Button
              isDisabled={data.categories.length === 0}
              onPress={() =>
                setEditing({ kind: 'item', item: null, categoryId: data.categories[0]!.id })
              }
            >
              <Plus aria-hidden className="size-5" />
              <FormattedMessage id="manager.menu.addItem" defaultMessage="Add item" />
            </Button>
          </>
        }
      />
      <FormError message={toggle.problem ?? removeCategory.problem} />

      {data.categories.map((category) => {
        const items = data.items.filter((item) => item.categoryId === category.id);
        return (
          <Panel
            key={category.id}
            title={category.name}
            description={intl.formatMessage(
              {
                id: 'manager.menu.itemCount',
                defaultMessage: '{count, plural, one {# item} other {# items}}',
              },
              { count: items.length },
            )}
            actions={
              <>
                <Button
                  variant="secondary"
                  aria-label={intl.formatMessage(
                    { id: 'manager.menu.renameCategory', defaultMessage: 'Rename {name}' },
                    { name: category.name },
                  )}
                  onPress={() => setEditing({ kind: 'category', category })}
                >
                  <Pencil aria-hidden className="size-5" />
                </Button>
                {items.length === 0 ? (
                  <Button
                    variant="secondary"
                    aria-label={intl.formatMessage(
                      { id: 'manager.menu.deleteCategory', defaultMessage: 'Delete {name}' },
                      { name: category.name },
                    )}
                    isPending={removeCategory.isPending}
                    onPress={() => removeCategory.mutate(category.id)}
                  >
                    <Trash2 aria-hidden className="size-5" />
                  </Button>
                ) : null}
                <Button
                  variant="secondary"
                  onPress={() => setEditing({ kind: 'item', item: null, categoryId: category.id })}
                >
                  <Plus aria-hidden className="size-5" />
                  <FormattedMessage id="manager.menu.addItemToCategory" defaultMessage="Item" />
                </Button>
              </>
            }
          >
            <DataTable
              caption={intl.formatMessage(
                { id: 'manager.menu.categoryItems', defaultMessage: '{name} items' },
                { name: category.name },
              )}
              rows={items}
              rowKey={(item) => item.id}
              empty={intl.formatMessage({
                id: 'manager.menu.noItems',
                defaultMessage: 'No items in this category yet.',
              })}
              columns={[
                {
                  header: intl.formatMessage({ id: 'manager.menu.item', defaultMessage: 'Item' }),
                  cell: (item) => (
                    <div className="flex flex-col">
                      <span className="font-semibold">{item.name}</span>
                      {groupsOf(item.id) ? (
                        <span className="text-sm text-ink-muted">
                          <FormattedMessage
                            id="manager.menu.options"
                            defaultMessage="Options: {groups}"
                            values={{ groups: groupsOf(item.id) }}
                          />
                        </span>
                      ) : null}
                    </div>
                  ),
                },
                {
                  header: intl.formatMessage({ id: 'manager.menu.price', defaultMessage: 'Price' }),
                  numeric: true,
                  cell: (item) => money(item.priceMinor, currency),
                },
                {
                  header: intl.formatMessage({ id: 'manager.menu.tax', defaultMessage: 'Tax' }),
                  cell: (item) => taxName.get(item.taxRateId) ?? '—',
                },
                {
                  header: intl.formatMessage({
                    id: 'manager.menu.station',
                    defaultMessage: 'Station',
                  }),
                  cell: (item) => item.kitchenStation,
                },
                {
                  header: intl.formatMessage({
                    id: 'manager.menu.available',
                    defaultMessage: 'Available',
                  }),
                  cell: (item) => (
                    <SwitchField
                      label={
                        shownAvailable(item)
                          ? intl.formatMessage({ id: 'manager.menu.on', defaultMessage: 'On' })
                          : intl.formatMessage({ id: 'manager.menu.off', defaultMessage: "86'd" })
                      }
                      aria-label={intl.formatMessage(
                        { id: 'manager.menu.itemAvailable', defaultMessage: '{name} available' },
                        { name: item.name },
                      )}
                      isSelected={shownAvailable(item)}
                      onChange={(available) => toggle.mutate({ id: item.id, available })}
                    />
                  ),
                },
                {
                  header: intl.formatMessage({ id: 'manager.menu.edit', defaultMessage: 'Edit' }),
                  cell: (item) => (
                    <Button
                      variant="secondary"
                      aria-label={intl.formatMessage(
                        { id: 'manager.menu.editItem', defaultMessage: 'Edit {name}' },
                        { name: item.name },
                      )}
                      onPress={() => setEditing({ kind: 'item', item, categoryId: category.id })}
                    >
                      <Pencil aria-hidden className="size-5" />
                    </Button>
                  ),
                },
              ]}
            />
          </Panel>
        );
      })}

      <div className="grid grid-cols-1 gap-4 xl:grid-cols-[2fr_1fr]">
        <ModifierGroupsPanel menu={data} currency={currency} />
        <TaxRatesPanel menu={data} />
      </div>

      {editing?.kind === 'item' ? (
        <ItemDialog
          menu={data}
          item={editing.item}
          categoryId={editing.categoryId}
          currency={currency}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'category' ? (
        <CategoryDialog
          category={editing.category}
          count={data.categories.length}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

export default MenuScreen;
