import { notFound } from 'next/navigation';

/** Any address the site does not know: the localized 404 page. */
export default function UnknownPage(): never {
  notFound();
}
