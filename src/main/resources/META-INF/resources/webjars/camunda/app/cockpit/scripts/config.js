// Cockpit's configuration for Sev A Swarm (replaces the webapp's default config.js, which is empty).
export default {
  // Japanese for a browser that prefers it: locales/ja.json is the English file with the labels of
  // our glossary (webapps/ja-glossary.json) in Japanese, served by WebappTranslations
  locales: {
    availableLocales: ['en', 'ja'],
    fallbackLocale: 'en'
  }
};
