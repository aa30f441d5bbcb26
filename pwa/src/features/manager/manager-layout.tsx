import { Lock } from 'lucide-react';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { NavLink } from 'react-router';
import { Button } from '../../ui/button.tsx';
import { cx } from '../../ui/class-names.ts';
import { ROLE_LABELS } from './manager-api.ts';
import { useManager } from './manager-context.ts';
import { NAV_ICONS } from './nav-icons.ts';
import { managerNavigation } from './routes.ts';

// CSS, not words: printing a manager screen hides the app's status bar above it.
const PRINT_WITHOUT_STATUS_BAR =
  '@media print { header:has(~ main [data-manager]) { display: none !important; } }';

/**
 * The back office frame: the sections (from the routes' handles) down the side on a tablet (across the top, scrolling, on a
 * phone), the signed-in manager with a lock button, and the screen. Printing drops all chrome
 * (the status bar included) so a report prints as a report.
 */
export function ManagerLayout({ onLock, children }: { onLock: () => void; children: ReactNode }) {
  const intl = useIntl();
  const { staff, venueName } = useManager();
  const sections = managerNavigation(staff.role);

  return (
    <div data-manager className="flex flex-1 flex-col lg:flex-row">
      <style>{PRINT_WITHOUT_STATUS_BAR}</style>
      <aside className="flex shrink-0 flex-col gap-3 border-line bg-surface p-3 lg:sticky lg:top-bar lg:h-[calc(100dvh-var(--spacing-bar))] lg:w-64 lg:self-start lg:overflow-y-auto lg:border-r lg:p-4 print:hidden">
        <div className="flex items-center justify-between gap-3 lg:flex-col lg:items-stretch">
          <div className="min-w-0">
            <p className="truncate text-lg font-bold">{venueName}</p>
            <p className="truncate text-sm text-ink-muted">
              <FormattedMessage
                id="manager.layout.signedIn"
                defaultMessage="{name} · {role}"
                values={{ name: staff.name, role: ROLE_LABELS[staff.role] }}
              />
            </p>
          </div>
          <Button variant="secondary" onPress={onLock} className="shrink-0">
            <Lock aria-hidden className="size-5" />
            <FormattedMessage id="manager.layout.lock" defaultMessage="Lock" />
          </Button>
        </div>
        <nav
          aria-label={intl.formatMessage({
            id: 'manager.layout.sections',
            defaultMessage: 'Manager sections',
          })}
          className="-mx-1 overflow-x-auto px-1 lg:mx-0 lg:overflow-visible lg:px-0"
        >
          <ul className="flex gap-1 lg:flex-col">
            {sections.map((section) => (
              <li key={section.to}>
                <NavLink
                  to={section.to}
                  end={section.end}
                  className={({ isActive }) =>
                    cx(
                      'flex min-h-touch items-center gap-3 whitespace-nowrap rounded-control px-3 text-base font-semibold active:scale-[0.98]',
                      isActive
                        ? 'bg-brand text-white'
                        : 'text-ink hover:bg-sunken active:bg-sunken',
                    )
                  }
                >
                  <NavIconView name={section.icon} />
                  {intl.formatMessage(section.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="mx-auto flex w-full min-w-0 max-w-7xl flex-1 flex-col gap-5 p-4 sm:p-6 print:p-0">
        {children}
      </div>
    </div>
  );
}

function NavIconView({ name }: { name: keyof typeof NAV_ICONS }) {
  const Icon = NAV_ICONS[name];
  return <Icon aria-hidden className="size-5 shrink-0" />;
}
