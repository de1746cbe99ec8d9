// Tasklist's configuration for Sev A Swarm (replaces the webapp's default config.js).
export default {
  // every saved filter shows how many tasks it holds, not only the open one
  customScripts: ['custom/filter-counts'],

  // Japanese for engineers whose browser prefers it (locales/ja.json: what engineers see in
  // Tasklist is translated, the rest reads as in English)
  locales: {
    availableLocales: ['en', 'ja'],
    fallbackLocale: 'en'
  },

  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
