import { t } from '../lib/text/i18n';

export function Header() {
  return (
    <header class="header">
      <img src="/icon/32.png" alt="" width={20} height={20} />
      <h1>{t('extName')}</h1>
    </header>
  );
}
