import { useParams } from 'react-router';
import { LinkButton } from '../../components/ui/link-button.tsx';
import { SystemStatus } from './system-status.tsx';

/**
 * `/manager/*`. Reports and the back office (menu, tables, staff, devices) join here as
 * sections; the device and server status is the manager's first stop when a tablet misbehaves.
 */
export function ManagerArea() {
  const section = useParams()['*'] ?? '';

  if (section !== '' && section !== 'system') {
    return (
      <div className="flex flex-1 flex-col items-start gap-4 p-4 sm:p-6">
        <h1 className="text-2xl font-bold">No manager screen at /manager/{section}</h1>
        <LinkButton to="/manager" variant="secondary">
          Back to the manager start
        </LinkButton>
      </div>
    );
  }
  return <SystemStatus />;
}
