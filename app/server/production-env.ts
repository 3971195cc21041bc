// `npm start` is the production server. Imported first by start.ts, before any module that picks
// its build by NODE_ENV: otherwise React and React Router run their slower development builds and
// Express's error handler sends stack traces to visitors.
process.env.NODE_ENV ||= "production";
