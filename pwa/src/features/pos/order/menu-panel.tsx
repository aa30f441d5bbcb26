import type { MenuCategoryId, MenuItemRow } from '@servio/shared';
import { Ban, Search, SlidersHorizontal, X } from 'lucide-react';
import { useMemo, useState } from 'react';
import {
  Button as AriaButton,
  Input,
  Label,
  SearchField,
  ToggleButton,
  ToggleButtonGroup,
} from 'react-aria-components';
import { usePos } from '../pos-context.tsx';
import { Button } from '../../../ui/button.tsx';
import { cx } from '../../../ui/class-names.ts';
import type { MenuData } from '../pos-queries.ts';
import { FormattedMessage, useIntl } from 'react-intl';

/** Lower case without accents, so "creme" finds "Crème brûlée". */
function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/**
 * The menu, category by category, with a search across all of it. One tap adds an item (or
 * opens its options). An unavailable item stays where staff expect it, greyed and marked, and
 * cannot be tapped.
 */
export function MenuPanel({
  menu,
  isEditable,
  onPick,
}: {
  menu: MenuData;
  isEditable: boolean;
  onPick: (item: MenuItemRow) => void;
}) {
  const intl = useIntl();
  const { money } = usePos();
  const [category, setCategory] = useState<MenuCategoryId | null>(null);
  const [query, setQuery] = useState('');
  const current = category ?? menu.categories[0]?.id ?? null;

  const items = useMemo(() => {
    const wanted = searchable(query.trim());
    if (wanted) {
      return menu.items.filter((item) =>
        searchable(`${item.name} ${item.description}`).includes(wanted),
      );
    }
    return menu.items.filter((item) => item.categoryId === current);
  }, [menu.items, query, current]);

  return (
    <section
      aria-label={intl.formatMessage({ id: 'pos.menuPanel.menu', defaultMessage: 'Menu' })}
      className="flex min-h-0 flex-1 flex-col gap-3"
    >
      <div className="flex flex-wrap items-end gap-3">
        <SearchField
          value={query}
          onChange={setQuery}
          aria-label={intl.formatMessage({
            id: 'pos.menuPanel.searchTheMenu',
            defaultMessage: 'Search the menu',
          })}
          className="group flex min-w-48 flex-1 items-center gap-2 rounded-control border-2 border-line-strong bg-surface pl-3 focus-within:border-brand"
        >
          <Search aria-hidden className="size-5 text-ink-muted" />
          <Label className="sr-only">
            <FormattedMessage id="pos.menuPanel.searchTheMenu" defaultMessage="Search the menu" />
          </Label>
          <Input
            placeholder={intl.formatMessage({
              id: 'pos.menuPanel.searchTheMenu',
              defaultMessage: 'Search the menu',
            })}
            className="min-h-touch min-w-0 flex-1 bg-transparent text-lg outline-none [&::-webkit-search-cancel-button]:hidden"
          />
          <Button
            variant="quiet"
            aria-label={intl.formatMessage({
              id: 'pos.menuPanel.clearSearch',
              defaultMessage: 'Clear search',
            })}
            className="group-data-empty:invisible"
          >
            <X aria-hidden className="size-5 text-ink" />
          </Button>
        </SearchField>
      </div>

      {query.trim() ? null : (
        <ToggleButtonGroup
          aria-label={intl.formatMessage({
            id: 'pos.menuPanel.menuCategories',
            defaultMessage: 'Menu categories',
          })}
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={current ? [current] : []}
          onSelectionChange={(keys) => {
            const [first] = [...keys];
            if (first !== undefined) setCategory(first as MenuCategoryId);
          }}
          className="flex gap-2 overflow-x-auto pb-1 lg:flex-wrap lg:overflow-visible"
        >
          {menu.categories.map((entry) => (
            <ToggleButton
              key={entry.id}
              id={entry.id}
              className={cx(
                'min-h-touch shrink-0 rounded-full border-2 px-4 text-base font-semibold whitespace-nowrap',
                'data-pressed:scale-[0.98] data-selected:border-ink data-selected:bg-ink data-selected:text-white',
                'border-line-strong bg-surface text-ink',
              )}
            >
              {entry.name}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      )}

      {items.length === 0 ? (
        <p role="status" className="rounded-card bg-surface p-5 text-base text-ink-muted">
          {query.trim() ? (
            <FormattedMessage
              id="pos.menuPanel.nothingOnTheMenu"
              defaultMessage="Nothing on the menu matches “{trim}”."
              values={{ trim: query.trim() }}
            />
          ) : (
            <FormattedMessage
              id="pos.menuPanel.noItemsInThis"
              defaultMessage="No items in this category."
            />
          )}
        </p>
      ) : (
        <ul
          aria-label={
            query.trim()
              ? intl.formatMessage({
                  id: 'pos.menuPanel.searchResults',
                  defaultMessage: 'Search results',
                })
              : intl.formatMessage({ id: 'pos.menuPanel.items', defaultMessage: 'Items' })
          }
          className="grid min-h-0 grid-cols-[repeat(auto-fill,minmax(9.5rem,1fr))] content-start gap-2.5 overflow-y-auto pb-2 lg:flex-1"
        >
          {items.map((item) => {
            const hasOptions = (menu.choices.get(item.id)?.length ?? 0) > 0;
            const unavailable = !item.available;
            return (
              <li key={item.id} className="flex">
                <AriaButton
                  aria-label={intl.formatMessage(
                    { id: 'pos.menuPanel.text', defaultMessage: '{name}, {priceMinor}{value}' },
                    {
                      name: item.name,
                      priceMinor: money(item.priceMinor),
                      value: unavailable ? ', unavailable' : hasOptions ? ', with options' : '',
                    },
                  )}
                  isDisabled={unavailable || !isEditable}
                  onPress={() => onPick(item)}
                  className={cx(
                    'flex min-h-24 w-full flex-col justify-between gap-2 rounded-card border-2 p-3 text-left',
                    'transition-transform duration-75 data-pressed:scale-[0.97]',
                    unavailable
                      ? 'cursor-not-allowed border-dashed border-line bg-sunken text-ink-muted'
                      : 'border-transparent bg-surface shadow-card data-pressed:border-brand data-disabled:opacity-60',
                  )}
                >
                  <span className="flex flex-col gap-1">
                    <span
                      className={cx('leading-snug font-semibold', unavailable && 'line-through')}
                    >
                      {item.name}
                    </span>
                    {unavailable ? (
                      <span className="flex items-center gap-1 text-sm font-semibold">
                        <Ban aria-hidden className="size-4 shrink-0" />
                        <FormattedMessage
                          id="pos.menuPanel.unavailable"
                          defaultMessage="Unavailable"
                        />
                      </span>
                    ) : null}
                  </span>
                  <span className="flex items-center justify-between gap-2 text-base">
                    <span className="tabular-nums">{money(item.priceMinor)}</span>
                    {hasOptions && !unavailable ? (
                      <SlidersHorizontal aria-hidden className="size-4 text-ink-muted" />
                    ) : null}
                  </span>
                </AriaButton>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
