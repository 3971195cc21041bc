// Limits the job specialist's wave page shows and the server enforces. Not a .server module:
// the page renders them, and a .server import is empty in the browser (it hydrated «1 til undefined»).
export const MAX_LINKS_PER_REQUEST = 500;
export const MAX_REMINDER_ROUNDS = 9;
