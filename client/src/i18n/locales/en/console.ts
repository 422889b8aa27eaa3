// This language's messages of the console's own namespaces (CONSOLE_NAMESPACES in i18n/namespaces.ts):
// one chunk, which the join, start and receipt pages never fetch. The same file in every language's folder.
export default import.meta.glob(['./admin.json', './casework.json', './console.json', './supervisor.json'], { eager: true, import: 'default' });
