import type { Metadata } from 'next';
import '@uswds/uswds/css/uswds.min.css';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'PITF Dashboard', template: '%s · PITF Dashboard' },
  description:
    "The shared record of the President's Interagency Task Force to Monitor and Combat Trafficking in Persons.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
