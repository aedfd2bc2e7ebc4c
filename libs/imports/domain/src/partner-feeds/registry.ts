/** Every partner-feed reader by its source name (the prefix of the feed's file name, the provenance stored with offers). */
import type { PartnerFeedReader } from '../partner-offer';
import { leboncoinReader } from './csv-readers';
import { decathlonReader, engagementJeunesReader, franceTravailReader } from './json-readers';
import {
  apecReader,
  cleverConnectReader,
  edfReader,
  enedisReader,
  helloworkBuddiReader,
  helloworkReader,
  jobteaserReader,
  joobleReader,
  kelioReader,
  laPosteReader,
  passReader,
} from './xml-readers';

export const partnerFeedReaders: Readonly<Record<string, PartnerFeedReader>> = Object.freeze(
  Object.fromEntries(
    [
      helloworkReader,
      helloworkBuddiReader,
      apecReader,
      jobteaserReader,
      kelioReader,
      laPosteReader,
      edfReader,
      enedisReader,
      cleverConnectReader,
      joobleReader,
      franceTravailReader,
      decathlonReader,
      engagementJeunesReader,
      leboncoinReader,
      passReader,
    ].map((reader) => [reader.source, reader]),
  ),
);

/** The reader of a source (`hellowork`, `apec`…), or null for a name no reader has. */
export function readerFor(source: string): PartnerFeedReader | null {
  return Object.prototype.hasOwnProperty.call(partnerFeedReaders, source) ? partnerFeedReaders[source] : null;
}

/** The source a feed file belongs to, from its name's prefix (`hellowork-buddi-import-….xml` → `hellowork-buddi`). */
export function sourceOfFileName(fileName: string): string | null {
  const base = fileName.replace(/^.*[\\/]/, '').toLowerCase();
  const names = Object.keys(partnerFeedReaders).sort((a, b) => b.length - a.length);
  return names.find((name) => base.startsWith(`${name}-`) || base.startsWith(`${name}.`)) ?? null;
}
