import { useQuery } from '@tanstack/react-query';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
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

type Editing =
  | { kind: 'item'; item: MenuItem | null; categoryId: string }
  | { kind: 'category'; category: MenuView['categories'][number] | null }
  | null;

/** The live menu: categories and their items, modifier groups, tax rates. Tablets pull each change. */
export function MenuScreen() {
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
        <ScreenHeader title="Menu" />
        {menu.isError ? (
          <QueryErrorNotice query={menu} what="the menu" />
        ) : (
          <LoadingBlock label="Loading the menu…" />
        )}
      </>
    );
  }
  const data = menu.data;
  // "Food 10%" says its rate already; a name without one gets it added.
  const taxName = new Map(
    data.taxRates.map((rate) => [
      rate.id,
      rate.name.includes('%') ? rate.name : `${rate.name} (${percent(rate.rateBps)})`,
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
        title="Menu"
        description="Changes reach every tablet on its next sync. Orders already taken keep their prices."
        actions={
          <>
            <Button
              variant="secondary"
              onPress={() => setEditing({ kind: 'category', category: null })}
            >
              <Plus aria-hidden className="size-5" />
              Add category
            </Button>
            <Button
              isDisabled={data.categories.length === 0}
              onPress={() =>
                setEditing({ kind: 'item', item: null, categoryId: data.categories[0]!.id })
              }
            >
              <Plus aria-hidden className="size-5" />
              Add item
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
            description={`${items.length} ${items.length === 1 ? 'item' : 'items'}`}
            actions={
              <>
                <Button
                  variant="secondary"
                  aria-label={`Rename ${category.name}`}
                  onPress={() => setEditing({ kind: 'category', category })}
                >
                  <Pencil aria-hidden className="size-5" />
                </Button>
                {items.length === 0 ? (
                  <Button
                    variant="secondary"
                    aria-label={`Delete ${category.name}`}
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
                  Item
                </Button>
              </>
            }
          >
            <DataTable
              caption={`${category.name} items`}
              rows={items}
              rowKey={(item) => item.id}
              empty="No items in this category yet."
              columns={[
                {
                  header: 'Item',
                  cell: (item) => (
                    <div className="flex flex-col">
                      <span className="font-semibold">{item.name}</span>
                      {groupsOf(item.id) ? (
                        <span className="text-sm text-ink-muted">Options: {groupsOf(item.id)}</span>
                      ) : null}
                    </div>
                  ),
                },
                {
                  header: 'Price',
                  numeric: true,
                  cell: (item) => money(item.priceMinor, currency),
                },
                { header: 'Tax', cell: (item) => taxName.get(item.taxRateId) ?? '—' },
                { header: 'Station', cell: (item) => item.kitchenStation },
                {
                  header: 'Available',
                  cell: (item) => (
                    <SwitchField
                      label={shownAvailable(item) ? 'On' : "86'd"}
                      aria-label={`${item.name} available`}
                      isSelected={shownAvailable(item)}
                      onChange={(available) => toggle.mutate({ id: item.id, available })}
                    />
                  ),
                },
                {
                  header: 'Edit',
                  cell: (item) => (
                    <Button
                      variant="secondary"
                      aria-label={`Edit ${item.name}`}
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
