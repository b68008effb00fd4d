/** The app's languages (a module of its own so that DOM-free modules can name them). */
export type Locale = "en" | "fr";
