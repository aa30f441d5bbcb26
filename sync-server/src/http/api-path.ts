/** Paths that belong to the API: never answered with the PWA's index.html, always rate limited. */
export const API_PATH = /^\/(api|trpc|metrics|api-docs)(\/|\.|$|\?)/;
