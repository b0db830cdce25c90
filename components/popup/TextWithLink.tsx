import { ExternalLink } from '../ExternalLink';

/**
 * A sentence from the catalogs with one link in it: the words in `{…}` become the link, so each
 * language places it where its grammar wants it.
 */
export function TextWithLink({ text, href }: { text: string; href: string }) {
  const match = /^(.*?)\{(.+?)\}(.*)$/s.exec(text);
  if (!match) return <>{text}</>;
  return (
    <>
      {match[1]}
      <ExternalLink href={href}>{match[2]}</ExternalLink>
      {match[3]}
    </>
  );
}
