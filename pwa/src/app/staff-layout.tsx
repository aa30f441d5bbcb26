import { Outlet } from 'react-router';
import { StatusBar } from './status-bar.tsx';

/** Tablet, kitchen and manager screens: the status bar on top, the screen below. */
export function StaffLayout() {
  return (
    <div className="flex min-h-dvh flex-col">
      <StatusBar />
      <main className="flex flex-1 flex-col">
        <Outlet />
      </main>
    </div>
  );
}
