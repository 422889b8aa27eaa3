// Unit tests of client code see the pages' messages in English, as a page with an English browser does.
import { applyLanguage } from './i18n.ts';

await applyLanguage('en');
