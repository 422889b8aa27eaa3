// This language's messages for the pages, but common.json (in every page) and the console's own
// namespaces (console.ts): one chunk, fetched by i18n/messages.ts when a page shows this language.
// The same file in every language's folder (i18n.test.ts checks); a new language copies it with en/.
export default import.meta.glob(['./*.json', '!./common.json', '!./admin.json', '!./casework.json', '!./console.json', '!./supervisor.json'], { eager: true, import: 'default' });
