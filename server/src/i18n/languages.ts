// The languages the pages are translated into, read once at start from the folder names under
// client/src/i18n/locales (the same folders the pages bundle), and the check that a tag names one.
import fs from 'node:fs';
import { badRequest, text } from '../errors.ts';

/** The language every message exists in first (the pages' SOURCE_LANGUAGE). */
const SOURCE_LANGUAGE = 'en';

export interface Languages {
  /** BCP 47 tags, source language first, then by name. */
  readonly supported: readonly string[];
  /** The supported tag as the pages spell it (`zh-cn` → `zh-CN`); a 400 naming `field` when the tag is not supported. */
  require(tag: string, field: string): string;
}

export function createLanguages(supported: readonly string[]): Languages {
  const list = [...supported].sort((a, b) => (a === SOURCE_LANGUAGE ? -1 : b === SOURCE_LANGUAGE ? 1 : a.localeCompare(b)));
  return {
    supported: list,
    require(tag, field) {
      const found = list.find((s) => s.toLowerCase() === tag.toLowerCase());
      if (!found) throw badRequest('invalid_input', text('language.notSpoken', { field, tag, languages: list.join(', ') }));
      return found;
    },
  };
}

/** The languages with a folder of message files under `localesDir`; throws at start when there are none (a broken checkout). */
export function readLanguages(localesDir: string): Languages {
  let folders: string[];
  try {
    folders = fs.readdirSync(localesDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch (error) {
    throw new Error(`languages: cannot read the message folders in ${localesDir}: ${(error as Error).message}`);
  }
  if (!folders.includes(SOURCE_LANGUAGE)) throw new Error(`languages: ${localesDir} has no "${SOURCE_LANGUAGE}" folder of messages`);
  return createLanguages(folders);
}
