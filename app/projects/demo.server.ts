// The demo loader for the start page's button. Routes import it from here, not from db/demo:
// only `.server` modules under app/ are kept out of the browser bundle by name, and db/demo
// pulls in the database connection.
export { loadDemo } from "../../db/demo/index.server";
