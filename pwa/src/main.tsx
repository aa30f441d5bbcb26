// First: no schema may be built before zod is told not to probe for eval.
import './lib/zod-without-eval.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RawIntlProvider } from 'react-intl';
import { RouterProvider } from 'react-router/dom';
import { router } from './app/router.tsx';
import { intl } from './i18n/intl.ts';
import './styles/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

// The same formatter the code outside React uses (i18n/intl.ts), so a screen and a notice
// written by the sync loop render a message alike.
createRoot(container).render(
  <StrictMode>
    <RawIntlProvider value={intl}>
      <RouterProvider router={router} />
    </RawIntlProvider>
  </StrictMode>,
);
