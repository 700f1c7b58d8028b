import { notFound } from 'next/navigation';

// An address that matches no page: answered 404 inside the signed-in layout (header and all) by
// app/(dashboard)/not-found.tsx, rather than by the bare app/not-found.tsx.
export default function MissingPage(): never {
  notFound();
}
