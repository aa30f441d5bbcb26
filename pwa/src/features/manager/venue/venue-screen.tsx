import { isValidTimeZone } from '@servio/shared/business-day';
import { CurrencyCodeSchema } from '@servio/shared/currency';
import { CircleCheck } from 'lucide-react';
import { useState } from 'react';
import { FormattedMessage, defineMessage, useIntl } from 'react-intl';
import { useTRPC } from '../../../api/query.ts';
import { intl } from '../../../i18n/intl.ts';
import { fieldProblem, FormError } from '../../../ui/form-error.tsx';
import { parsePercent, percent } from '../../../lib/money.ts';
import { Panel, ScreenHeader } from '../../../ui/panel.tsx';
import { LoadingBlock, QueryErrorNotice } from '../../../ui/query-state.tsx';
import { SelectField } from '../../../ui/select-field.tsx';
import { useServerMutation } from '../use-server-mutation.ts';
import { Button } from '../../../ui/button.tsx';
import { Notice } from '../../../ui/notice.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import type { VenueSettings } from '../manager-api.ts';
import { useManager } from '../manager-context.ts';
import { useVenueSettings } from '../use-venue.ts';

const SUBSCRIPTION: Record<string, { label: string; tone: 'ok' | 'warn' | 'danger' }> = {
  active: {
    label: intl.formatMessage({ id: 'manager.venue.subscriptionActive', defaultMessage: 'Active' }),
    tone: 'ok',
  },
  trialing: {
    label: intl.formatMessage({ id: 'manager.venue.subscriptionTrial', defaultMessage: 'Trial' }),
    tone: 'ok',
  },
  past_due: {
    label: intl.formatMessage({
      id: 'manager.venue.subscriptionPastDue',
      defaultMessage: 'Payment overdue',
    }),
    tone: 'warn',
  },
  unpaid: {
    label: intl.formatMessage({ id: 'manager.venue.subscriptionUnpaid', defaultMessage: 'Unpaid' }),
    tone: 'danger',
  },
  canceled: {
    label: intl.formatMessage({
      id: 'manager.venue.subscriptionCanceled',
      defaultMessage: 'Cancelled',
    }),
    tone: 'danger',
  },
  incomplete: {
    label: intl.formatMessage({
      id: 'manager.venue.subscriptionIncomplete',
      defaultMessage: 'Waiting for the first payment',
    }),
    tone: 'warn',
  },
  incomplete_expired: {
    label: intl.formatMessage({
      id: 'manager.venue.subscriptionIncompleteExpired',
      defaultMessage: 'First payment failed',
    }),
    tone: 'danger',
  },
  paused: {
    label: intl.formatMessage({ id: 'manager.venue.subscriptionPaused', defaultMessage: 'Paused' }),
    tone: 'warn',
  },
};

const TITLE = defineMessage({ id: 'manager.venue.title', defaultMessage: 'Venue' });

/** Venue settings (the owner changes them; a manager reads them) and the Servio subscription. */
export function VenueScreen() {
  const intl = useIntl();
  const venue = useVenueSettings();
  const { staff } = useManager();
  if (!venue.data) {
    return (
      <>
        <ScreenHeader title={intl.formatMessage(TITLE)} />
        {venue.isError ? (
          <QueryErrorNotice
            query={venue}
            what={intl.formatMessage({
              id: 'manager.venue.whatSettings',
              defaultMessage: 'the venue settings',
            })}
          />
        ) : (
          <LoadingBlock
            label={intl.formatMessage({
              id: 'manager.venue.loading',
              defaultMessage: 'Loading the venue…',
            })}
          />
        )}
      </>
    );
  }
  const status = venue.data.subscriptionStatus;
  const subscription = status
    ? (SUBSCRIPTION[status] ?? { label: status, tone: 'warn' as const })
    : null;
  return (
    <>
      <ScreenHeader
        title={intl.formatMessage(TITLE)}
        description={intl.formatMessage({
          id: 'manager.venue.description',
          defaultMessage:
            'How the venue counts money and time. Changes apply to orders opened afterwards.',
        })}
      />
      <Panel
        title={intl.formatMessage({
          id: 'manager.venue.subscription',
          defaultMessage: 'Subscription',
        })}
      >
        {subscription ? (
          <p className="flex items-center gap-2 text-lg">
            <span
              className={
                subscription.tone === 'ok'
                  ? 'font-bold text-ok'
                  : subscription.tone === 'warn'
                    ? 'font-bold text-warn-ink'
                    : 'font-bold text-danger'
              }
            >
              {subscription.label}
            </span>
            <span className="text-base text-ink-muted">
              <FormattedMessage
                id="manager.venue.asStripeReported"
                defaultMessage="(as Stripe last reported)"
              />
            </span>
          </p>
        ) : (
          <p className="text-base text-ink-muted">
            <FormattedMessage
              id="manager.venue.noSubscription"
              defaultMessage="No Servio subscription yet."
            />
          </p>
        )}
      </Panel>
      {staff.role === 'owner' ? null : (
        <Notice
          tone="info"
          title={intl.formatMessage({
            id: 'manager.venue.ownerOnly',
            defaultMessage: 'Only the owner changes these settings',
          })}
        >
          <FormattedMessage
            id="manager.venue.ownerOnlyDetail"
            defaultMessage="You can read them here; ask the owner to change anything."
          />
        </Notice>
      )}
      <VenueForm key={venue.data.version} venue={venue.data} readOnly={staff.role !== 'owner'} />
    </>
  );
}

function VenueForm({ venue, readOnly }: { venue: VenueSettings; readOnly: boolean }) {
  const intl = useIntl();
  const trpc = useTRPC();
  const [name, setName] = useState(venue.name);
  const [currency, setCurrency] = useState(venue.currency);
  const [timezone, setTimezone] = useState(venue.timezone);
  const [cutoff, setCutoff] = useState(venue.businessDayCutoff);
  const [taxMode, setTaxMode] = useState<string>(venue.taxMode);
  const [service, setService] = useState(String(venue.serviceChargeBps / 100));
  const [tips, setTips] = useState(venue.tipPresetsBps.map((bps) => String(bps / 100)).join(', '));
  const [submitted, setSubmitted] = useState(false);
  const [saved, setSaved] = useState(false);
  // A manager reads these: the fields look fixed, not like forms waiting for input.
  const fixed = readOnly ? { isReadOnly: true, inputClassName: 'bg-sunken! border-line!' } : {};
  const save = useServerMutation(
    trpc.backoffice.venue.update.mutationOptions(),
    [trpc.backoffice.venue.get.queryFilter(), trpc.reports.pathFilter()],
    { onSuccess: () => setSaved(true) },
  );

  const serviceBps = parsePercent(service);
  const tipList = tips
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const tipBps = tipList.map(parsePercent);
  const problems = {
    name:
      name.trim() === ''
        ? intl.formatMessage({
            id: 'manager.venue.nameProblem',
            defaultMessage: 'Give the venue a name',
          })
        : null,
    currency: CurrencyCodeSchema.safeParse(currency.trim().toUpperCase()).success
      ? null
      : intl.formatMessage({
          id: 'manager.venue.currencyProblem',
          defaultMessage: 'A three-letter ISO code, such as EUR or GBP',
        }),
    timezone: isValidTimeZone(timezone.trim())
      ? null
      : intl.formatMessage({
          id: 'manager.venue.timezoneProblem',
          defaultMessage: 'A timezone such as Europe/Paris or America/New_York',
        }),
    cutoff: /^([01]\d|2[0-3]):[0-5]\d$/.test(cutoff)
      ? null
      : intl.formatMessage({
          id: 'manager.venue.cutoffProblem',
          defaultMessage: 'A time of day, such as 04:00',
        }),
    service:
      serviceBps === null
        ? intl.formatMessage({
            id: 'manager.venue.serviceProblem',
            defaultMessage: 'A percentage from 0 to 100',
          })
        : null,
    tips:
      tipBps.some((bps) => bps === null) || tipBps.length > 6
        ? intl.formatMessage({
            id: 'manager.venue.tipsProblem',
            defaultMessage: 'Up to six percentages separated by commas, such as 10, 15, 20',
          })
        : null,
  };
  // The presets as the pay page will offer them; an ellipsis while one of them is not a number.
  const offeredTips = tipBps.every((bps) => bps !== null)
    ? (tipBps as number[]).map(percent).join(', ') ||
      intl.formatMessage({ id: 'manager.venue.noTips', defaultMessage: 'none' })
    : '…';

  function submit() {
    setSubmitted(true);
    setSaved(false);
    if (Object.values(problems).some((problem) => problem !== null)) return;
    const next = {
      name: name.trim(),
      currency: currency.trim().toUpperCase(),
      timezone: timezone.trim(),
      businessDayCutoff: cutoff,
      taxMode: taxMode as VenueSettings['taxMode'],
      serviceChargeBps: serviceBps!,
      tipPresetsBps: tipBps as number[],
    };
    // Only what changed is sent, so the audit log names exactly what the owner changed.
    const changed = Object.fromEntries(
      Object.entries(next).filter(
        ([key, value]) => JSON.stringify(value) !== JSON.stringify(venue[key as keyof typeof next]),
      ),
    );
    if (Object.keys(changed).length === 0) {
      setSaved(true);
      return;
    }
    save.mutate(changed);
  }

  return (
    <Panel title={intl.formatMessage({ id: 'manager.venue.settings', defaultMessage: 'Settings' })}>
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <TextField
            label={intl.formatMessage({ id: 'manager.venue.name', defaultMessage: 'Venue name' })}
            value={name}
            onChange={setName}
            {...fixed}
            {...fieldProblem(submitted, problems.name)}
          />
          <TextField
            label={intl.formatMessage({ id: 'manager.venue.currency', defaultMessage: 'Currency' })}
            value={currency}
            onChange={setCurrency}
            {...fixed}
            autoCapitalize="characters"
            description={intl.formatMessage({
              id: 'manager.venue.currencyFixed',
              defaultMessage: 'Cannot change once orders were taken.',
            })}
            {...fieldProblem(submitted, problems.currency)}
          />
          <TextField
            label={intl.formatMessage({ id: 'manager.venue.timezone', defaultMessage: 'Timezone' })}
            value={timezone}
            onChange={setTimezone}
            {...fixed}
            {...fieldProblem(submitted, problems.timezone)}
          />
          <TextField
            label={intl.formatMessage({
              id: 'manager.venue.cutoff',
              defaultMessage: 'Business day starts at',
            })}
            type="time"
            value={cutoff}
            onChange={setCutoff}
            {...fixed}
            description={intl.formatMessage({
              id: 'manager.venue.cutoffDescription',
              defaultMessage:
                'Sales before this time count for the previous day (reports, closing).',
            })}
            {...fieldProblem(submitted, problems.cutoff)}
          />
          <SelectField
            label={intl.formatMessage({ id: 'manager.venue.prices', defaultMessage: 'Prices' })}
            value={taxMode}
            onChange={setTaxMode}
            isDisabled={readOnly}
            options={[
              {
                id: 'inclusive',
                label: intl.formatMessage({
                  id: 'manager.venue.taxInclusive',
                  defaultMessage: 'Include tax',
                }),
              },
              {
                id: 'exclusive',
                label: intl.formatMessage({
                  id: 'manager.venue.taxExclusive',
                  defaultMessage: 'Exclude tax (added on the bill)',
                }),
              },
            ]}
          />
          <TextField
            label={intl.formatMessage({
              id: 'manager.venue.serviceCharge',
              defaultMessage: 'Service charge (%)',
            })}
            inputMode="decimal"
            value={service}
            onChange={setService}
            {...fixed}
            description={
              serviceBps === 0
                ? intl.formatMessage({
                    id: 'manager.venue.noServiceCharge',
                    defaultMessage: 'No service charge.',
                  })
                : undefined
            }
            {...fieldProblem(submitted, problems.service)}
          />
          <TextField
            label={intl.formatMessage({
              id: 'manager.venue.tipPresets',
              defaultMessage: 'Tip presets (%)',
            })}
            value={tips}
            onChange={setTips}
            {...fixed}
            description={intl.formatMessage(
              {
                id: 'manager.venue.tipsOffered',
                defaultMessage: 'Offered on the pay page: {tips}',
              },
              { tips: offeredTips },
            )}
            {...fieldProblem(submitted, problems.tips)}
          />
        </div>
        <FormError message={save.problem} />
        {saved ? (
          <p role="status" className="flex items-center gap-2 font-semibold text-ok">
            <CircleCheck aria-hidden className="size-5" />
            <FormattedMessage id="manager.venue.saved" defaultMessage="Saved" />
          </p>
        ) : null}
        {readOnly ? null : (
          <div className="flex justify-end">
            <Button type="submit" size="lg" isPending={save.isPending}>
              <FormattedMessage id="manager.venue.save" defaultMessage="Save settings" />
            </Button>
          </div>
        )}
      </form>
    </Panel>
  );
}

export default VenueScreen;
