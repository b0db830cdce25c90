import { t } from '../lib/text/i18n';

/**
 * The product's mark, drawn as assets/icon.svg draws it, in the page itself: an image file would cost the
 * popup's first frame a request.
 */
function Mark() {
  return (
    <svg viewBox="0 0 128 128" width={20} height={20} aria-hidden="true" focusable="false">
      <rect width="128" height="128" rx="32" fill="#ffffff" />
      <rect x="8" y="8" width="112" height="112" rx="24" fill="#b93c0a" />
      <g transform="translate(64 64) scale(0.9) translate(-64 -64)" fill="none" stroke="#ffffff" stroke-width="12">
        <circle cx="46" cy="64" r="22" />
        <path d="M66 64 H104 M92 64 V80 M104 64 V76" stroke-linecap="round" />
      </g>
    </svg>
  );
}

export function Header() {
  return (
    <header class="header">
      <Mark />
      <h1>{t('extName')}</h1>
    </header>
  );
}
