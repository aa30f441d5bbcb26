import { RefreshCw } from 'lucide-react';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';

/** Another tab upgraded the database: this one must reload to keep working (nothing is lost). */
export function ReloadNeeded({ message }: { message: string }) {
  return (
    <div className="mx-auto flex w-full max-w-xl flex-1 flex-col justify-center gap-4 p-6">
      <Notice
        tone="warn"
        title="Reload to continue"
        action={
          <Button size="lg" onPress={() => window.location.reload()}>
            <RefreshCw aria-hidden className="size-5" />
            Reload now
          </Button>
        }
      >
        {message}
      </Notice>
    </div>
  );
}
