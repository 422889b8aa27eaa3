// Unit tests of client code see the pages' messages in English, as a page with an English browser does;
// every language's messages are loaded up front, so a test may switch (or read another language's text) at once.
import { applyLanguage, LANGUAGES, loadLanguage } from './i18n.ts';

await applyLanguage('en');
await Promise.all(LANGUAGES.map(loadLanguage));
