// Any deeper path under a locale (`/pt/01-chroot/x`) is not a page: the localized 404.
import { notFound } from 'next/navigation';

export default function Unknown(): never {
  notFound();
}
