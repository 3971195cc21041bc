// Every address no other route claims (a mistyped URL, /s/<token>/x): 404 in the site's own
// layout, from the root error boundary. Claiming them here keeps them out of the server log:
// Remix reports an unmatched address as an error that carries the path.
export function loader(): never {
  throw new Response(null, { status: 404, statusText: "Not Found" });
}

export function action(): never {
  throw new Response(null, { status: 404, statusText: "Not Found" });
}

// Never rendered (the loader always throws), but without a component this would be a resource
// route and the 404 would have no page.
export default function NotFound() {
  return null;
}
