import { Plus } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CustomerMenu, MenuItem } from '../../../api/table-bill.ts';
import { Button } from '../../../ui/button.tsx';
import { moneyIn } from '../../../lib/money.ts';

export interface MenuListProps {
  menu: CustomerMenu;
  /** How many of each item are in the cart already. */
  inCart: ReadonlyMap<string, number>;
  onChoose: (item: MenuItem) => void;
}

const sectionId = (categoryId: string) => `menu-${categoryId}`;

/** The menu by category: a strip of category shortcuts, then each category's items. */
export function MenuList({ menu, inCart, onChoose }: MenuListProps) {
  const intl = useIntl();
  const money = moneyIn(menu.currency);
  return (
    <div className="flex flex-col gap-4">
      <nav
        aria-label={intl.formatMessage({
          id: 'customer.menu.categories',
          defaultMessage: 'Menu categories',
        })}
        className="sticky top-0 z-10 -mx-4 flex gap-2 overflow-x-auto bg-canvas/95 px-4 py-2 backdrop-blur"
      >
        {menu.categories.map((category) => (
          <a
            key={category.id}
            href={`#${sectionId(category.id)}`}
            onClick={(event) => {
              event.preventDefault();
              document
                .getElementById(sectionId(category.id))
                ?.scrollIntoView({ behavior: 'smooth', block: 'start' });
            }}
            className="flex min-h-touch shrink-0 items-center rounded-full border-2 border-line-strong bg-surface px-4 text-base font-semibold whitespace-nowrap active:bg-sunken"
          >
            {category.name}
          </a>
        ))}
      </nav>
      {menu.categories.map((category) => (
        <section
          key={category.id}
          id={sectionId(category.id)}
          aria-labelledby={`${sectionId(category.id)}-title`}
          className="flex scroll-mt-16 flex-col gap-2"
        >
          <h2 id={`${sectionId(category.id)}-title`} className="px-1 text-xl font-bold">
            {category.name}
          </h2>
          <ul className="flex flex-col divide-y divide-line rounded-card bg-surface shadow-card">
            {category.items.map((item) => {
              const count = inCart.get(item.id) ?? 0;
              return (
                <li key={item.id} className="flex items-center gap-3 p-4">
                  <div className="min-w-0 flex-1">
                    <p className="text-base font-semibold">{item.name}</p>
                    {item.description ? (
                      <p className="text-sm text-ink-muted">{item.description}</p>
                    ) : null}
                    <p className="text-base tabular-nums">
                      {money(item.priceMinor)}
                      {item.modifierGroups.length > 0 ? (
                        <span className="text-sm text-ink-muted">
                          <FormattedMessage
                            id="customer.menu.options"
                            defaultMessage=" · options"
                          />
                        </span>
                      ) : null}
                    </p>
                    {count > 0 ? (
                      <p className="text-sm font-semibold text-brand">
                        <FormattedMessage
                          id="customer.menu.inYourOrder"
                          defaultMessage="{count} in your order"
                          values={{ count }}
                        />
                      </p>
                    ) : null}
                  </div>
                  <Button
                    variant="secondary"
                    aria-label={intl.formatMessage(
                      { id: 'customer.menu.addItem', defaultMessage: 'Add {name}' },
                      { name: item.name },
                    )}
                    onPress={() => onChoose(item)}
                  >
                    <Plus aria-hidden className="size-5" />
                    <FormattedMessage id="customer.menu.add" defaultMessage="Add" />
                  </Button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
